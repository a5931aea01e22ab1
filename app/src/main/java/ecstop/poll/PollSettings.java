package ecstop.poll;

import ecstop.domain.Governor;
import java.time.Duration;
import java.util.Objects;

/**
 * How often to ask. {@code infoEvery}: DescribeServices on every Nth refresh (task counts
 * change slowly, and it is the call that costs most ECS quota). {@code clustersEvery}: the
 * cluster list on every Nth tick. {@code retryBase}: the first retry after a transient
 * failure, doubling from there but never past the interval in force, so polling is back to
 * normal within one interval of the fault clearing. {@code governor}: the slower cadence
 * while nobody looks and the daily budget ({@link Governor#OFF} by default).
 */
public record PollSettings(Duration interval, int infoEvery, int clustersEvery, Duration retryBase, Governor governor) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    public PollSettings {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("refresh interval must be positive: " + interval);
        }
        if (infoEvery < 1 || clustersEvery < 1) {
            throw new IllegalArgumentException("infoEvery and clustersEvery must be at least 1");
        }
        Objects.requireNonNull(governor, "governor");
    }

    public PollSettings(Duration interval, int infoEvery, int clustersEvery, Duration retryBase) {
        this(interval, infoEvery, clustersEvery, retryBase, Governor.OFF);
    }

    public static PollSettings every(Duration interval) {
        return new PollSettings(interval, 5, 10, Duration.ofSeconds(5));
    }

    public PollSettings with(Governor g) {
        return new PollSettings(interval, infoEvery, clustersEvery, retryBase, g);
    }

    /** Delay before the next attempt after {@code failures} transient failures in a row. */
    public Duration retryAfter(int failures) {
        return retryAfter(failures, interval);
    }

    /** As {@link #retryAfter(int)}, never past {@code cap}. */
    public Duration retryAfter(int failures, Duration cap) {
        if (failures <= 0) {
            return cap;
        }
        Duration d = retryBase;
        for (int i = 1; i < failures && d.compareTo(cap) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(cap) < 0 ? d : cap;
    }
}
