package ecstop.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Picks the CloudWatch period for a lookback and aligns the window to it.
 *
 * <p>CloudWatch returns no datapoints, and no error, for a period its retention cannot
 * serve: data older than 15 days exists only at 5-minute resolution, older than 63 days
 * only hourly. Within those rules we take the finest period that keeps a series at or
 * under {@link #MAX_POINTS} points, so one GetMetricData call can carry its full 500
 * queries without crossing the 100,800-datapoint limit (500 × 201 &le; 100,800), while
 * the sparkline still has enough points to show a shape.
 */
public final class Periods {
    public static final int MAX_POINTS = 200;
    /** Periods a person reads without arithmetic: a minute, 5 minutes, an hour, 6 hours, a day. */
    static final List<Duration> CANDIDATES = List.of(
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofDays(1));

    private Periods() {}

    /** The smallest period CloudWatch will serve for data that starts this long ago. */
    public static Duration minimumForAge(Duration age) {
        if (age.compareTo(Duration.ofDays(63)) > 0) {
            return Duration.ofHours(1);
        }
        if (age.compareTo(Duration.ofDays(15)) > 0) {
            return Duration.ofMinutes(5);
        }
        return Duration.ofMinutes(1);
    }

    public static Duration periodFor(Duration lookback) {
        // The window may start up to one period earlier than the lookback after alignment;
        // judge the age rule on the lookback plus the largest period we might choose.
        Duration floor = minimumForAge(lookback.plus(Duration.ofHours(1)));
        for (Duration p : CANDIDATES) {
            if (p.compareTo(floor) >= 0 && p.getSeconds() % floor.getSeconds() == 0
                    && ceilDiv(lookback.getSeconds(), p.getSeconds()) <= MAX_POINTS) {
                return p;
            }
        }
        return CANDIDATES.get(CANDIDATES.size() - 1);
    }

    /**
     * The window ending at the end of the period that contains {@code now} (so the current,
     * still-filling period is included) and reaching back at least {@code lookback}.
     */
    public static TimeWindow window(Lookback lookback, Instant now) {
        Duration period = periodFor(lookback.duration());
        long p = period.getSeconds();
        long end = Math.floorDiv(now.getEpochSecond(), p) * p + p;
        long buckets = ceilDiv(lookback.duration().getSeconds(), p);
        return new TimeWindow(Instant.ofEpochSecond(end - buckets * p), Instant.ofEpochSecond(end), period);
    }

    /** "hourly", "5-minute", "6-hourly", "daily": how the detail pane names its rows. */
    public static String describe(Duration period) {
        long s = period.getSeconds();
        if (s == 86_400) return "daily";
        if (s == 3_600) return "hourly";
        if (s % 3_600 == 0) return (s / 3_600) + "-hourly";
        if (s == 60) return "per-minute";
        return (s / 60) + "-minute";
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
