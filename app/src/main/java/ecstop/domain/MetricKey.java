package ecstop.domain;

/** One series of a service: which metric, which statistic. */
public record MetricKey(Metric metric, Stat stat) {
    public static MetricKey of(Metric metric, Stat stat) { return new MetricKey(metric, stat); }
}
