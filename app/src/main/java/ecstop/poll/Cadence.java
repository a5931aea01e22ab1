package ecstop.poll;

import ecstop.domain.Failure;
import java.time.Duration;

/**
 * When to ask next, as a value: the refresh interval, back-off after transient failures (a
 * retry sooner than the interval, then further apart, never later than the interval: back to
 * normal within one refresh after a fault clears), and when a running fetch counts as hung.
 */
public record Cadence(PollSettings settings, int failuresInARow) {
    /** The least time a fetch runs before it counts as hung; see {@link #stuckAfter()}. */
    static final Duration STUCK_FLOOR = Duration.ofMinutes(2);

    public static Cadence of(PollSettings settings) {
        return new Cadence(settings, 0);
    }

    public Duration interval() { return settings.interval(); }

    /** Delay before the next attempt. */
    public Duration next() { return settings.retryAfter(failuresInARow); }

    public Cadence succeeded() {
        return failuresInARow == 0 ? this : new Cadence(settings, 0);
    }

    /** A transient failure brings the next try nearer; a lasting one (denied, expired) waits the interval. */
    public Cadence failed(Failure f) {
        return new Cadence(settings, f.transientFault() ? failuresInARow + 1 : 0);
    }

    public Cadence reset() { return succeeded(); }

    /**
     * Three intervals, but never less than {@link #STUCK_FLOOR}: a fetch that is still making
     * progress (task details for thousands of services, at ECS's 20 calls a second) must not
     * be given up and restarted for ever under a short refresh interval.
     */
    public Duration stuckAfter() {
        Duration three = settings.interval().multipliedBy(3);
        return three.compareTo(STUCK_FLOOR) > 0 ? three : STUCK_FLOOR;
    }
}
