package ecstop.domain.task;

import ecstop.domain.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The running tasks of a cluster or service with their figures, hottest first, the container
 * nearest its hard limit and the hot tasks marked. Pure: the reads are done before.
 *
 * <p>A task is hot among idle siblings when its peak CPU or memory over the window is at least
 * half of {@code warn} and at least {@value #HOT_RATIO} times every other task's of its
 * service: one stuck worker or an uneven balancer, not a busy service. Peaks, not the latest
 * period: a worker stuck at noon is still the one to look at in the evening.
 */
public record TaskTable(List<TaskFigures> tasks) {
    static final double HOT_RATIO = 3;

    public TaskTable {
        tasks = List.copyOf(tasks);
    }

    /** {@code usages} may be empty (no per-task figures): the tasks are listed with none. */
    public static TaskTable of(List<RunningTask> running, List<TaskUsages> usages, double warn) {
        Map<String, TaskUsage> byTask = new HashMap<>();
        Map<List<String>, ContainerUsage> byContainer = new HashMap<>();
        for (TaskUsages u : usages) {
            u.tasks().forEach(t -> byTask.put(t.taskId(), t));
            u.containers().forEach(c -> byContainer.put(List.of(c.taskId(), c.container()), c));
        }
        List<TaskFigures> out = new ArrayList<>();
        for (RunningTask t : running) {
            TaskUsage u = byTask.get(t.id());
            List<ContainerFigures> containers = new ArrayList<>();
            for (TaskContainer c : t.containers()) {
                ContainerUsage cu = byContainer.get(List.of(t.id(), c.name()));
                Series cpu = cu == null ? Series.EMPTY : cu.of(ContainerMetric.CPU_UNITS);
                Series mem = cu == null ? Series.EMPTY : cu.of(ContainerMetric.MEMORY_MIB);
                Series restarts = cu == null ? Series.EMPTY : cu.of(ContainerMetric.RESTARTS);
                containers.add(new ContainerFigures(c, cpu.peak(), mem.peak(), mem.last(), sum(restarts), false));
            }
            out.add(new TaskFigures(t, peak(u, TaskMetric.CPU_PERCENT), last(u, TaskMetric.CPU_PERCENT),
                    peak(u, TaskMetric.MEMORY_PERCENT), last(u, TaskMetric.MEMORY_PERCENT),
                    peak(u, TaskMetric.STORAGE_PERCENT), containers, false));
        }
        out = markHot(out, warn);
        out = markNearest(out);
        out.sort(Comparator.comparingDouble(TaskFigures::heat).reversed()
                .thenComparing(f -> f.task().service().orElse(""))
                .thenComparing(f -> f.task().id()));
        return new TaskTable(out);
    }

    /** The container whose memory peak comes closest to its hard limit, if any has both. */
    public Optional<ContainerFigures> nearestLimit() {
        return tasks.stream().flatMap(t -> t.containers().stream()).filter(ContainerFigures::nearestLimit).findFirst();
    }

    /** The task that holds {@code c}. */
    public Optional<TaskFigures> taskOf(ContainerFigures c) {
        return tasks.stream().filter(t -> t.containers().stream().anyMatch(x -> x == c)).findFirst();
    }

    public List<TaskFigures> hot() {
        return tasks.stream().filter(TaskFigures::hot).toList();
    }

    private static List<TaskFigures> markHot(List<TaskFigures> all, double warn) {
        Map<String, List<TaskFigures>> byService = new HashMap<>();
        all.forEach(f -> byService.computeIfAbsent(f.task().service().orElse(""), k -> new ArrayList<>()).add(f));
        List<TaskFigures> out = new ArrayList<>();
        for (TaskFigures f : all) {
            List<TaskFigures> siblings = byService.get(f.task().service().orElse("")).stream().filter(s -> s != f).toList();
            boolean hot = !siblings.isEmpty()
                    && (aloneOver(f.cpuPeak(), siblings.stream().map(TaskFigures::cpuPeak).toList(), warn)
                        || aloneOver(f.memoryPeak(), siblings.stream().map(TaskFigures::memoryPeak).toList(), warn));
            out.add(hot ? f.markedHot() : f);
        }
        return out;
    }

    private static boolean aloneOver(OptionalDouble mine, List<OptionalDouble> theirs, double warn) {
        return mine.isPresent() && mine.getAsDouble() >= warn / 2
                && theirs.stream().allMatch(v -> v.isPresent() && v.getAsDouble() * HOT_RATIO <= mine.getAsDouble());
    }

    private static List<TaskFigures> markNearest(List<TaskFigures> all) {
        ContainerFigures best = null;
        for (TaskFigures t : all) {
            for (ContainerFigures c : t.containers()) {
                if (c.ofLimit().isPresent() && (best == null || c.ofLimit().getAsDouble() > best.ofLimit().getAsDouble())) {
                    best = c;
                }
            }
        }
        if (best == null) {
            return all;
        }
        List<TaskFigures> out = new ArrayList<>();
        for (TaskFigures t : all) {
            ContainerFigures b = best;
            out.add(t.containers().stream().anyMatch(c -> c == b)
                    ? t.withContainers(t.containers().stream().map(c -> c == b ? c.nearest() : c).toList()) : t);
        }
        return out;
    }

    private static OptionalDouble peak(TaskUsage u, TaskMetric m) {
        return u == null ? OptionalDouble.empty() : u.of(m).peak();
    }

    private static OptionalDouble last(TaskUsage u, TaskMetric m) {
        return u == null ? OptionalDouble.empty() : u.of(m).last();
    }

    private static OptionalDouble sum(Series s) {
        return s.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(s.points().stream().mapToDouble(ecstop.domain.Point::value).sum());
    }
}
