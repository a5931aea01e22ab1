package ecstop.domain.task;

import ecstop.domain.CallStats;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.ServiceRef;
import ecstop.domain.TimeWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What Container Insights says the service's running tasks and their containers used over the window, and what asking cost. */
public record TaskUsages(ServiceRef service, TimeWindow window, List<TaskUsage> tasks, List<ContainerUsage> containers,
                         CallStats stats) {
    public TaskUsages {
        tasks = List.copyOf(tasks);
        containers = List.copyOf(containers);
    }

    /**
     * These series with the newest minute of {@code minutes} (the same tasks read over the last
     * minutes at a one-minute period) appended: their peak stays the window's, their latest
     * becomes that minute rather than the last, longer period of the lookback.
     */
    public TaskUsages withLatest(TaskUsages minutes) {
        Map<String, TaskUsage> recentTasks = new HashMap<>();
        minutes.tasks().forEach(t -> recentTasks.put(t.taskId(), t));
        Map<List<String>, ContainerUsage> recentContainers = new HashMap<>();
        minutes.containers().forEach(c -> recentContainers.put(List.of(c.taskId(), c.container()), c));
        List<TaskUsage> t = tasks.stream().map(u -> new TaskUsage(u.taskId(), appended(u.series(),
                Optional.ofNullable(recentTasks.get(u.taskId())).map(TaskUsage::series).orElse(Map.of())))).toList();
        List<ContainerUsage> c = containers.stream().map(u -> new ContainerUsage(u.taskId(), u.container(), appended(u.series(),
                Optional.ofNullable(recentContainers.get(List.of(u.taskId(), u.container()))).map(ContainerUsage::series)
                        .orElse(Map.of())))).toList();
        return new TaskUsages(service, window, t, c, stats.plus(minutes.stats()));
    }

    private static <K> Map<K, Series> appended(Map<K, Series> window, Map<K, Series> minutes) {
        Map<K, Series> out = new HashMap<>(window);
        minutes.forEach((k, m) -> {
            if (!m.isEmpty()) {
                List<Point> points = new ArrayList<>(out.getOrDefault(k, Series.EMPTY).points());
                points.add(m.points().get(m.size() - 1));
                out.put(k, new Series(points));
            }
        });
        return out;
    }
}
