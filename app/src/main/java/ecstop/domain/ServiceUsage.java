package ecstop.domain;

import java.util.Map;
import java.util.OptionalDouble;

/** A service's utilisation series over the window, by metric and statistic. */
public record ServiceUsage(ServiceRef ref, Map<MetricKey, Series> series) {
    public ServiceUsage {
        series = Map.copyOf(series);
    }

    public String name() { return ref.name(); }

    public Series series(Metric metric, Stat stat) {
        return series.getOrDefault(MetricKey.of(metric, stat), Series.EMPTY);
    }

    /** The figure a bar shows; empty is "no data". */
    public OptionalDouble value(Metric metric, Stat stat) {
        return series(metric, stat).summary(stat);
    }
}
