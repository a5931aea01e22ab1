package ecstop.domain.task;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One container of a running task with what Container Insights says it used over the window:
 * CPU units at the busiest minute against its own units ({@code cpu}, 0 when unset), memory at
 * the busiest minute and the latest against its soft reservation and hard limit (the one that
 * gets it OOM-killed), restarts summed. {@code nearestLimit} marks the one container of the
 * table whose peak comes closest to its hard limit.
 */
public record ContainerFigures(TaskContainer container, OptionalDouble cpuUnitsPeak, OptionalDouble memoryPeakMiB,
                               OptionalDouble memoryLatestMiB, OptionalDouble restarts, boolean nearestLimit) {

    /** The memory peak as a share of the hard limit, when both are known. */
    public OptionalDouble ofLimit() {
        OptionalInt limit = container.memory();
        return limit.isPresent() && limit.getAsInt() > 0 && memoryPeakMiB.isPresent()
                ? OptionalDouble.of(memoryPeakMiB.getAsDouble() * 100.0 / limit.getAsInt()) : OptionalDouble.empty();
    }

    /** The memory peak as a share of the soft reservation, when both are known. */
    public OptionalDouble ofReservation() {
        OptionalInt r = container.memoryReservation();
        return r.isPresent() && r.getAsInt() > 0 && memoryPeakMiB.isPresent()
                ? OptionalDouble.of(memoryPeakMiB.getAsDouble() * 100.0 / r.getAsInt()) : OptionalDouble.empty();
    }

    ContainerFigures nearest() {
        return new ContainerFigures(container, cpuUnitsPeak, memoryPeakMiB, memoryLatestMiB, restarts, true);
    }
}
