package ecstop.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A time series in ascending time order. Empty means CloudWatch had no datapoints
 * (a service with no running task publishes none): that is "no data", never 0%.
 */
public record Series(List<Point> points) {
    public static final Series EMPTY = new Series(List.of());

    public Series {
        List<Point> sorted = new ArrayList<>(points);
        sorted.removeIf(p -> Double.isNaN(p.value()) || Double.isInfinite(p.value()));
        sorted.sort(Comparator.comparing(Point::time));
        points = List.copyOf(sorted);
    }

    public boolean isEmpty() { return points.isEmpty(); }

    public OptionalDouble peak() {
        return points.stream().mapToDouble(Point::value).max();
    }

    public OptionalDouble average() {
        return points.stream().mapToDouble(Point::value).average();
    }

    /**
     * The figure a bar shows for this series: the peak of per-period maxima, or the mean
     * of per-period averages. (Averaging hourly averages weights hours equally, which is
     * what "average over the window" means to a reader of the chart.)
     */
    public OptionalDouble summary(Stat stat) {
        return stat == Stat.MAX ? peak() : average();
    }

    public OptionalDouble last() {
        return points.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(points.get(points.size() - 1).value());
    }
}
