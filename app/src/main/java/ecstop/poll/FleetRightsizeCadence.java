package ecstop.poll;

import java.time.Duration;
import java.time.Instant;

/**
 * When the fleet's right-sizing table is read again. It costs every cluster's reads, and a
 * table of maxima over days moves slowly, so not on every refresh of the bars: at once for a
 * new question (the view opened, another lookback), then when the last read started
 * {@code every} ago or more. A read that failed as a whole is tried again at the next refresh;
 * one still running is not started twice.
 */
final class FleetRightsizeCadence {
    private final Duration every;
    private long generation = -1;
    private Instant started; // null: none started for this generation, or the last failed

    FleetRightsizeCadence(Duration every) {
        this.every = every;
    }

    /** Whether a read is due for {@code generation} now; if so, it counts as started. */
    synchronized boolean start(long generation, Instant now) {
        if (generation == this.generation && started != null && Duration.between(started, now).compareTo(every) < 0) {
            return false;
        }
        this.generation = generation;
        started = now;
        return true;
    }

    /** The read started for {@code generation} came to nothing: the next refresh tries again. */
    synchronized void failed(long generation) {
        if (generation == this.generation) {
            started = null;
        }
    }
}
