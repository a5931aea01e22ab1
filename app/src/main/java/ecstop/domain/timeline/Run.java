package ecstop.domain.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A stretch of datapoints at or over a threshold: from the start of its first period to the
 * end of its last. {@code beganBeforeWindow} when it was already going at the window's first
 * datapoint, so its true start is unknown; {@code after} is the change that came just before
 * it, if one did.
 */
public record Run(Instant start, Instant end, boolean beganBeforeWindow, Optional<Marker> after) {
    public Duration length() {
        return Duration.between(start, end);
    }
}
