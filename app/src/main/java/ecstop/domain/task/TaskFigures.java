package ecstop.domain.task;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One running task with its figures as a share of the task's size (peak over the window and
 * the latest period; empty where Container Insights has no per-task series) and its
 * containers'. {@code hot} marks a task loaded while its siblings idle (see {@link TaskTable}).
 */
public record TaskFigures(RunningTask task, OptionalDouble cpuPeak, OptionalDouble cpuLatest, OptionalDouble memoryPeak,
                          OptionalDouble memoryLatest, OptionalDouble storagePeak, List<ContainerFigures> containers,
                          boolean hot) {
    public TaskFigures {
        containers = List.copyOf(containers);
    }

    /** What "hottest first" sorts by: the higher of the latest CPU and memory, else of the peaks; -1 without figures. */
    public double heat() {
        double latest = Math.max(cpuLatest.orElse(-1), memoryLatest.orElse(-1));
        return latest >= 0 ? latest : Math.max(cpuPeak.orElse(-1), memoryPeak.orElse(-1));
    }

    TaskFigures withContainers(List<ContainerFigures> c) {
        return new TaskFigures(task, cpuPeak, cpuLatest, memoryPeak, memoryLatest, storagePeak, c, hot);
    }

    TaskFigures markedHot() {
        return new TaskFigures(task, cpuPeak, cpuLatest, memoryPeak, memoryLatest, storagePeak, containers, true);
    }
}
