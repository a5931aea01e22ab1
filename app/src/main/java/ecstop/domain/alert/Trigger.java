package ecstop.domain.alert;

import java.util.Objects;

/**
 * A kind of condition worth a notification, per service: a threshold crossed now
 * ({@link HotReadings}), or an OOM kill or placement failure among its signals
 * ({@link SignalReadings}).
 */
public record Trigger(String id, String label) {
    public static final Trigger CPU_HOT = new Trigger("cpu-hot", "CPU");
    public static final Trigger MEMORY_HOT = new Trigger("memory-hot", "memory");
    public static final Trigger OOM = new Trigger("oom", "OOM:");
    public static final Trigger PLACEMENT = new Trigger("placement", "placement:");

    public Trigger {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
