package ecstop.domain.task;

import ecstop.domain.Series;
import java.util.Map;

/** One container's series over the window, by metric; a metric with no datapoints maps to an empty series. */
public record ContainerUsage(String taskId, String container, Map<ContainerMetric, Series> series) {
    public ContainerUsage {
        series = Map.copyOf(series);
    }

    public Series of(ContainerMetric m) {
        return series.getOrDefault(m, Series.EMPTY);
    }
}
