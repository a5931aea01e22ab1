package ecstop.domain.alert;

import java.util.Objects;

/**
 * A kind of condition worth a notification, per service: a threshold crossed now; the
 * signals work adds its own (an OOM kill, a placement failure) as more triggers, read from
 * its data into {@link Reading}s, without touching how alerts are kept or sent.
 */
public record Trigger(String id, String label) {
    public static final Trigger CPU_HOT = new Trigger("cpu-hot", "CPU");
    public static final Trigger MEMORY_HOT = new Trigger("memory-hot", "memory");

    public Trigger {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
