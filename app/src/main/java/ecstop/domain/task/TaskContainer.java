package ecstop.domain.task;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One container of a running task as DescribeTasks gives it: its sizes as the task
 * definition set them ({@code cpu} 0 when unset; {@code memory} the hard limit that gets it
 * OOM-killed, {@code memoryReservation} the soft one), its status, health (HEALTHY,
 * UNHEALTHY, or UNKNOWN without a health check) and, once it has exited, its exit code.
 * Whether it is essential is the task definition's to say, not DescribeTasks'.
 */
public record TaskContainer(String name, String lastStatus, String healthStatus, int cpu, OptionalInt memory,
                            OptionalInt memoryReservation, OptionalInt exitCode, String reason) {
    public TaskContainer {
        Objects.requireNonNull(name, "name");
        lastStatus = lastStatus == null ? "" : lastStatus;
        healthStatus = healthStatus == null ? "UNKNOWN" : healthStatus;
        reason = reason == null ? "" : reason;
    }
}
