package ecstop.poll;

import java.time.Duration;

/**
 * How often to ask. {@code infoEvery}: DescribeServices on every Nth refresh (task counts
 * change slowly, and it is the call that costs most ECS quota). {@code clustersEvery}: the
 * cluster list on every Nth tick. {@code retryBase}: the first retry after a transient
 * failure, doubling from there but never past {@code interval}, so polling is back to
 * normal within one interval of the fault clearing.
 */
public record PollSettings(Duration interval, int infoEvery, int clustersEvery, Duration retryBase) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    public PollSettings {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("refresh interval must be positive: " + interval);
        }
        if (infoEvery < 1 || clustersEvery < 1) {
            throw new IllegalArgumentException("infoEvery and clustersEvery must be at least 1");
        }
    }

    public static PollSettings every(Duration interval) {
        return new PollSettings(interval, 5, 10, Duration.ofSeconds(5));
    }

    /** Delay before the next attempt after {@code failures} transient failures in a row. */
    public Duration retryAfter(int failures) {
        if (failures <= 0) {
            return interval;
        }
        Duration d = retryBase;
        for (int i = 1; i < failures && d.compareTo(interval) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(interval) < 0 ? d : interval;
    }
}
