package ecstop.domain.rightsize;

import java.util.OptionalInt;

/**
 * What one container of a task definition reserves: {@code cpu} units (0 when unset),
 * {@code memory} the hard limit and {@code memoryReservation} the soft limit, in MiB.
 */
public record ContainerSize(String name, int cpu, OptionalInt memory, OptionalInt memoryReservation) {
    /** What ECS reserves on the host for it: the soft limit when set, else the hard limit. */
    OptionalInt reservedMemory() {
        return memoryReservation.isPresent() ? memoryReservation : memory;
    }
}
