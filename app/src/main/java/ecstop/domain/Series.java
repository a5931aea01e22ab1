package ecstop.domain;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.RandomAccess;

/**
 * A time series in ascending time order. Empty means CloudWatch had no datapoints
 * (a service with no running task publishes none): that is "no data", never 0%.
 *
 * <p>Held as two primitive arrays, not a list of points: at 5,000 services a fleet holds
 * about 240,000 datapoints, and a {@link Point} with its {@link Instant} is 48 bytes and two
 * objects where the arrays take 16 bytes (issue 21: a fifth of the live heap). {@link #points()}
 * is a view that makes each point as it is read. Immutable.
 */
public final class Series {
    public static final Series EMPTY = new Series(List.of());

    private final long[] millis;
    private final double[] values;
    /** Worked out once, where the series is made (a worker thread): the bars ask for them on every re-sort. */
    private final OptionalDouble peak;
    private final OptionalDouble average;

    public Series(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.removeIf(p -> Double.isNaN(p.value()) || Double.isInfinite(p.value()));
        sorted.sort(Comparator.comparing(Point::time));
        millis = new long[sorted.size()];
        values = new double[sorted.size()];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = sorted.get(i).time().toEpochMilli();
            values[i] = sorted.get(i).value();
        }
        peak = Arrays.stream(values).max();
        average = Arrays.stream(values).average();
    }

    /** The points, oldest first. */
    public List<Point> points() {
        return new View();
    }

    public int size() { return values.length; }

    public boolean isEmpty() { return values.length == 0; }

    public OptionalDouble peak() { return peak; }

    public OptionalDouble average() { return average; }

    /**
     * The figure a bar shows for this series: the peak of per-period maxima, or the mean
     * of per-period averages. (Averaging hourly averages weights hours equally, which is
     * what "average over the window" means to a reader of the chart.)
     */
    public OptionalDouble summary(Stat stat) {
        return stat == Stat.MAX ? peak() : average();
    }

    public OptionalDouble last() {
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(values[values.length - 1]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && Arrays.equals(millis, s.millis) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(millis) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Series[points=" + points() + "]";
    }

    private final class View extends AbstractList<Point> implements RandomAccess {
        @Override
        public Point get(int i) {
            return new Point(Instant.ofEpochMilli(millis[i]), values[i]);
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
