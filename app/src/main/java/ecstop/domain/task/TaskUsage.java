package ecstop.domain.task;

import ecstop.domain.Series;
import java.util.Map;

/** One task's series over the window, by metric; a metric with no datapoints maps to an empty series. */
public record TaskUsage(String taskId, Map<TaskMetric, Series> series) {
    public TaskUsage {
        series = Map.copyOf(series);
    }

    public Series of(TaskMetric m) {
        return series.getOrDefault(m, Series.EMPTY);
    }
}
