package ecstop.domain.rightsize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static List<Double> oneTo(int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add((double) i);
        }
        Collections.shuffle(out, new java.util.Random(n));
        return out;
    }

    @Test
    void nearestRankPicksAValueOfTheSeries() {
        assertThat(Percentiles.nearestRank(oneTo(100), 99)).hasValue(99);
        assertThat(Percentiles.nearestRank(oneTo(100), 50)).hasValue(50);
        assertThat(Percentiles.nearestRank(oneTo(200), 99)).hasValue(198);
        assertThat(Percentiles.nearestRank(oneTo(1000), 99.9)).hasValue(999);
        assertThat(Percentiles.nearestRank(oneTo(10), 95)).hasValue(10);
        assertThat(Percentiles.nearestRank(List.of(3.0, 1.0, 2.0), 1)).hasValue(1);
    }

    @Test
    void withFewerThanAHundredValuesP99IsThePeak() {
        assertThat(Percentiles.nearestRank(oneTo(56), 99)).hasValue(56);
        assertThat(Percentiles.rank(56, 99)).isEqualTo(56);
        assertThat(Percentiles.rank(100, 99)).isEqualTo(99);
    }

    @Test
    void valuesAbove100PercentAreKeptAsTheyAre() {
        assertThat(Percentiles.nearestRank(List.of(40.0, 250.0, 400.0), 100)).hasValue(400);
    }

    @Test
    void noValuesIsEmptyNotZero() {
        assertThat(Percentiles.nearestRank(List.of(), 99)).isEmpty();
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRejected() {
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1.0), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(1.0), 100.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
