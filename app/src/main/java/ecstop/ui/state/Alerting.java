package ecstop.ui.state;

import java.time.Instant;
import java.util.Optional;

/** Whether alerts are on, and until when the user silenced them (the quiet key). */
public record Alerting(boolean enabled, Optional<Instant> quietUntil) {
    static final Alerting ON = new Alerting(true, Optional.empty());

    /** Alerts may sound at {@code now}. */
    public boolean sounds(Instant now) {
        return enabled && quietUntil.filter(now::isBefore).isEmpty();
    }

    public boolean quiet(Instant now) {
        return quietUntil.filter(now::isBefore).isPresent();
    }
}
