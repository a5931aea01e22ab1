package ecstop.domain.timeline;

import ecstop.domain.Metric;
import ecstop.domain.Series;
import ecstop.domain.ServiceRef;
import ecstop.domain.TimeWindow;
import java.util.Map;

/**
 * One service's AWS/ECS CPU and memory over a window at the window's period, by statistic:
 * the Maximum (the most loaded task), the Average (the mean across tasks) and, when asked
 * for, the Minimum (the least loaded task; with the Maximum, the spread across tasks). A
 * metric with no datapoints maps to an empty series; {@code minimum} is empty when not read.
 */
public record ServiceSeries(ServiceRef service, TimeWindow window, Map<Metric, Series> maximum,
                            Map<Metric, Series> average, Map<Metric, Series> minimum) {
    public ServiceSeries {
        maximum = Map.copyOf(maximum);
        average = Map.copyOf(average);
        minimum = Map.copyOf(minimum);
    }

    public Series max(Metric m) {
        return maximum.getOrDefault(m, Series.EMPTY);
    }

    public Series avg(Metric m) {
        return average.getOrDefault(m, Series.EMPTY);
    }

    public Series min(Metric m) {
        return minimum.getOrDefault(m, Series.EMPTY);
    }
}
