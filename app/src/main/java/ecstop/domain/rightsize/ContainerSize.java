package ecstop.domain.rightsize;

import java.util.OptionalInt;

/**
 * What one container of a task definition reserves: {@code cpu} units (0 when unset),
 * {@code memory} the hard limit and {@code memoryReservation} the soft limit, in MiB; and
 * whether it is {@code essential} (its exit stops the task; true unless the definition says
 * false, as ECS reads it).
 */
public record ContainerSize(String name, int cpu, OptionalInt memory, OptionalInt memoryReservation, boolean essential) {
    /** An essential container, as a definition that does not say. */
    public ContainerSize(String name, int cpu, OptionalInt memory, OptionalInt memoryReservation) {
        this(name, cpu, memory, memoryReservation, true);
    }

    /** What ECS reserves on the host for it: the soft limit when set, else the hard limit. */
    OptionalInt reservedMemory() {
        return memoryReservation.isPresent() ? memoryReservation : memory;
    }
}
