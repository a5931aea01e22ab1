package ecstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesTest {
    @Test
    void emptyIsNoDataNotZero() {
        assertThat(Series.EMPTY.peak()).isEmpty();
        assertThat(Series.EMPTY.summary(Stat.AVG)).isEmpty();
        assertThat(Level.of(Series.EMPTY.peak(), Thresholds.DEFAULT)).isEqualTo(Level.NONE);
    }

    @Test
    void sortsByTimeAndDropsNonNumbers() {
        Series s = new Series(List.of(
                new Point(Instant.ofEpochSecond(7200), 30),
                new Point(Instant.ofEpochSecond(0), 412),
                new Point(Instant.ofEpochSecond(3600), Double.NaN)));
        assertThat(s.points()).extracting(Point::value).containsExactly(412.0, 30.0);
        assertThat(s.peak()).hasValue(412);
        assertThat(s.summary(Stat.AVG)).hasValue(221);
        assertThat(s.last()).hasValue(30);
    }

    @Test
    void levelsFollowThresholds() {
        Thresholds t = Thresholds.DEFAULT;
        assertThat(Level.of(java.util.OptionalDouble.of(95), t)).isEqualTo(Level.HOT);
        assertThat(Level.of(java.util.OptionalDouble.of(94.99), t)).isEqualTo(Level.WARN);
        assertThat(Level.of(java.util.OptionalDouble.of(80), t)).isEqualTo(Level.WARN);
        assertThat(Level.of(java.util.OptionalDouble.of(79.9), t)).isEqualTo(Level.OK);
        assertThat(Level.of(java.util.OptionalDouble.of(0), t)).isEqualTo(Level.OK);
    }
}
