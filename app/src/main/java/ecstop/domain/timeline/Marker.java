package ecstop.domain.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a service at a moment, for the timeline: {@code text} is a noun
 * phrase the answer line can put after "6m after", e.g. "the deployment of :42".
 */
public record Marker(Instant time, MarkerKind kind, String text) {
    public Marker {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text;
    }
}
