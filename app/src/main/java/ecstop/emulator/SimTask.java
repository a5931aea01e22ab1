package ecstop.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task as DescribeTasks shows it: running, pending or stopped. {@code service} is empty for
 * a task no service runs; {@code family} and {@code revision} name its task definition.
 */
record SimTask(
        String id,
        Optional<String> service,
        String group,
        String family,
        int revision,
        String launchType,
        String lastStatus,
        String desiredStatus,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> stoppedAt,
        String stopCode,
        String stoppedReason,
        String startedBy,
        List<Container> containers) {

    /**
     * One container of the task; {@code exitCode} is null until it has exited. {@code cpu},
     * {@code memory} and {@code memoryReservation} are its task definition's (0 and null:
     * unset), as DescribeTasks repeats them.
     */
    record Container(String name, String lastStatus, Integer exitCode, String reason, int cpu, Integer memory,
                     Integer memoryReservation) {
        Container(String name, String lastStatus, Integer exitCode, String reason) {
            this(name, lastStatus, exitCode, reason, 0, null, null);
        }
    }

    boolean stopped() {
        return "STOPPED".equals(desiredStatus);
    }
}
