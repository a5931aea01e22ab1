package ecstop.cli;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Lookback;
import ecstop.domain.TimeWindow;
import ecstop.domain.task.InsightsLevel;
import ecstop.domain.task.TaskTable;
import ecstop.domain.timeline.ServiceSeries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code --once --view tasks} prints: the cluster's Container Insights level, its running
 * tasks hottest first (with figures on an enhanced cluster), each service's AWS/ECS figures
 * where per-task ones are missing (with the Minimum on a disabled cluster, for the spread),
 * the hint that turns per-task figures on, and what the reads cost.
 */
record TasksReport(ClusterRef cluster, Optional<String> service, InsightsLevel level, Lookback lookback, TimeWindow window,
                   Instant now, TaskTable table, Map<String, ServiceSeries> services, Map<String, Integer> taskCounts,
                   Optional<String> hint, CallStats calls) {
    TasksReport {
        services = Map.copyOf(services);
        taskCounts = Map.copyOf(taskCounts);
    }

    /** The read, its tasks in a table whose hot tasks are judged by {@code warn}. */
    static TasksReport of(ecstop.domain.task.ClusterTasks t, double warn) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        t.running().forEach(r -> counts.merge(r.service().orElse(""), 1, Integer::sum));
        return new TasksReport(t.cluster(), t.service(), t.level(), t.lookback(), t.window(), t.now(),
                TaskTable.of(t.running(), t.usages(), warn), t.services(), counts, t.hint(), t.calls());
    }

    /**
     * Service names hottest first: by their hottest task where tasks have figures, else by the
     * service's latest Maximum of CPU or memory.
     */
    List<String> serviceOrder() {
        List<String> names = table.tasks().stream().map(t -> t.task().service().orElse("")).distinct().toList();
        if (services.isEmpty()) {
            return names;
        }
        return names.stream().sorted(java.util.Comparator.comparingDouble((String n) -> -heat(n))).toList();
    }

    /**
     * Hottest first: by their own figures where they have them, else service by service in
     * {@link #serviceOrder()}.
     */
    List<ecstop.domain.task.TaskFigures> ordered() {
        if (services.isEmpty()) {
            return table.tasks();
        }
        List<ecstop.domain.task.TaskFigures> out = new java.util.ArrayList<>();
        for (String n : serviceOrder()) {
            table.tasks().stream().filter(t -> t.task().service().orElse("").equals(n)).forEach(out::add);
        }
        return out;
    }

    private double heat(String service) {
        ServiceSeries s = services.get(service);
        if (s == null) {
            return -1;
        }
        return Math.max(s.max(ecstop.domain.Metric.CPU).last().orElse(-1), s.max(ecstop.domain.Metric.MEMORY).last().orElse(-1));
    }
}
