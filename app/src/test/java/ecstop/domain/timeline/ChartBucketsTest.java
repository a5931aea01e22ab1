package ecstop.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.Stat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartBucketsTest {
    private static final Instant START = Instant.parse("2026-12-05T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** One point a minute from START; NaN is a missing minute. */
    private static Series minutes(double... values) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                out.add(new Point(START.plusSeconds(60L * i), values[i]));
            }
        }
        return new Series(out);
    }

    private static double[] of(Series s, int minutes, int n, Stat stat) {
        return Buckets.of(s, MINUTE, START, START.plusSeconds(60L * minutes), n, stat);
    }

    @Test
    void maximumTakesTheMaximumOfMaxima() {
        assertThat(of(minutes(10, 90, 20, 30, 40, 50), 6, 2, Stat.MAX)).containsExactly(90, 50);
    }

    @Test
    void averageTakesTheMeanOfAverages() {
        assertThat(of(minutes(10, 90, 20, 30, 40, 50), 6, 2, Stat.AVG)).containsExactly(40, 40);
    }

    @Test
    void aMinuteThatStraddlesTwoBucketsCountsInBothByItsShare() {
        // 3 minutes into 2 buckets of 90 s: the middle minute is half in each.
        double[] avg = of(minutes(0, 60, 30), 3, 2, Stat.AVG);
        assertThat(avg[0]).isCloseTo((0 * 60 + 60 * 30) / 90.0, within(1e-9));
        assertThat(avg[1]).isCloseTo((60 * 30 + 30 * 60) / 90.0, within(1e-9));
        assertThat(of(minutes(0, 60, 30), 3, 2, Stat.MAX)).containsExactly(60, 60);
    }

    @Test
    void bucketsFinerThanThePeriodRepeatTheMinute() {
        assertThat(of(minutes(10, 20), 2, 4, Stat.MAX)).containsExactly(10, 10, 20, 20);
        assertThat(of(minutes(10, 20), 2, 4, Stat.AVG)).containsExactly(10, 10, 20, 20);
    }

    @Test
    void missingMinutesAreGapsNeverZero() {
        double[] b = of(minutes(5, Double.NaN, Double.NaN, Double.NaN, 7, 0), 6, 6, Stat.AVG);
        assertThat(b[0]).isEqualTo(5);
        assertThat(b[1]).isNaN();
        assertThat(b[3]).isNaN();
        assertThat(b[4]).isEqualTo(7);
        assertThat(b[5]).isEqualTo(0);
        // A bucket with some minutes missing averages the minutes it has.
        assertThat(of(minutes(10, Double.NaN, 30, Double.NaN), 4, 1, Stat.AVG)).containsExactly(20);
    }

    @Test
    void pointsOutsideTheWindowAreLeftOut() {
        Series s = new Series(List.of(new Point(START.minusSeconds(60), 99), new Point(START, 1),
                new Point(START.plusSeconds(120), 98)));
        assertThat(of(s, 2, 2, Stat.MAX)).containsExactly(1, Double.NaN);
    }

    @Test
    void anEmptySeriesOrNoBucketsIsAllGaps() {
        assertThat(of(Series.EMPTY, 60, 3, Stat.MAX)).containsExactly(Double.NaN, Double.NaN, Double.NaN);
        assertThat(of(minutes(1, 2), 2, 0, Stat.MAX)).isEmpty();
    }

    @Test
    void aDaysMinutesFoldIntoEightyColumnsWithoutLosingASpike() {
        double[] v = new double[1440];
        java.util.Arrays.fill(v, 20);
        v[777] = 97;
        double[] max = of(minutes(v), 1440, 80, Stat.MAX);
        int spike = 777 * 80 / 1440;
        for (int i = 0; i < 80; i++) {
            assertThat(max[i]).as("column %d", i).isEqualTo(i == spike ? 97 : 20);
        }
        double[] avg = of(minutes(v), 1440, 80, Stat.AVG);
        assertThat(avg[spike]).isCloseTo(20 + 77.0 / 18, within(1e-9));
    }
}
