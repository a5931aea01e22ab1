package ecstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LookbackTest {
    @ParameterizedTest
    @CsvSource({"90m,90", "6h,360", "3d,4320", "2w,20160", " 24H ,1440", "5m,5"})
    void parsesEveryUnit(String text, long minutes) {
        assertThat(Lookback.parse(text).get().duration()).isEqualTo(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"90x", "", "h", "-3h", "1.5h", "4m", "456d", "3 days"})
    void rejectsWithAnExplanation(String text) {
        assertThat(Lookback.parse(text).isLeft()).isTrue();
        assertThat(Lookback.parse(text).getLeft()).contains(text.isEmpty() ? "lookback" : text.trim());
    }

    @ParameterizedTest
    @CsvSource({"90m,90m", "1h,1h", "24h,24h", "36h,36h", "3d,3d", "2w,14d", "30d,30d"})
    void labelsAreShortest(String text, String label) {
        assertThat(Lookback.parse(text).get().label()).isEqualTo(label);
    }

    @Test
    void stepsWalkThroughTheListAndStopAtItsEnds() {
        assertThat(Lookback.hours(24).longer()).isEqualTo(Lookback.days(3));
        assertThat(Lookback.hours(24).shorter()).isEqualTo(Lookback.hours(12));
        assertThat(Lookback.days(30).longer()).isEqualTo(Lookback.days(30));
        assertThat(Lookback.hours(1).shorter()).isEqualTo(Lookback.hours(1));
        // off-list values join the list at the nearest step in the direction asked
        assertThat(Lookback.parse("90m").get().longer()).isEqualTo(Lookback.hours(3));
        assertThat(Lookback.parse("90m").get().shorter()).isEqualTo(Lookback.hours(1));
    }
}
