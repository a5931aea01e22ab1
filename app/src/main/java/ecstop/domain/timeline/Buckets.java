package ecstop.domain.timeline;

import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.Stat;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A series at CloudWatch's period folded into {@code n} equal buckets of a window, each with
 * the statistic's own aggregation: the maximum of maxima, and the time-weighted mean of
 * averages. A datapoint covers its whole period, so it counts in every bucket its period
 * overlaps: when buckets are finer than the period a value repeats (a minute drawn two dots
 * wide), and when they are coarser a minute that straddles two buckets counts in both (a
 * spike is never lost; for the mean it counts by the share of the minute in each). A bucket
 * no datapoint reaches is NaN: no data, never 0.
 */
public final class Buckets {
    private Buckets() {}

    public static double[] of(Series series, Duration period, Instant start, Instant end, int n, Stat stat) {
        if (n <= 0) {
            return new double[0];
        }
        double[] value = new double[n];
        double[] weight = new double[n];
        Arrays.fill(value, Double.NaN);
        long from = start.toEpochMilli();
        long span = end.toEpochMilli() - from;
        long length = Math.max(1, period.toMillis());
        if (span <= 0) {
            return value;
        }
        for (Point p : series.points()) {
            long a = Math.max(0, p.time().toEpochMilli() - from);
            long b = Math.min(span, p.time().toEpochMilli() - from + length);
            if (b <= a) {
                continue;
            }
            // Bucket i covers [i*span/n, (i+1)*span/n) of the window; exact in longs.
            int first = (int) Math.floorDiv(a * n, span);
            int last = (int) Math.min(n - 1, ceilDiv(b * n, span) - 1);
            for (int i = first; i <= last; i++) {
                double lo = Math.max(a, (double) i * span / n);
                double hi = Math.min(b, (double) (i + 1) * span / n);
                if (hi <= lo) {
                    continue;
                }
                if (stat == Stat.MAX) {
                    value[i] = Double.isNaN(value[i]) ? p.value() : Math.max(value[i], p.value());
                } else {
                    double w = hi - lo;
                    value[i] = Double.isNaN(value[i]) ? p.value() * w : value[i] + p.value() * w;
                    weight[i] += w;
                }
            }
        }
        if (stat == Stat.AVG) {
            for (int i = 0; i < n; i++) {
                if (weight[i] > 0) {
                    value[i] /= weight[i];
                }
            }
        }
        return value;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
