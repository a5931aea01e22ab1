package ecstop.ui.widget.chart;

import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.Stat;
import java.time.Duration;

/**
 * One line of the chart: datapoints at CloudWatch's {@code period}, folded into columns with
 * {@code stat}'s aggregation; {@code dim} for a line drawn behind the others (a week ago).
 */
public record ChartSeries(String label, Series series, Duration period, Stat stat, boolean dim) {
    public ChartSeries {
        label = label == null ? "" : label;
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
    }

    public static ChartSeries of(String label, Series series, Duration period, Stat stat) {
        return new ChartSeries(label, series, period, stat, false);
    }

    /** The same line {@code by} later and dimmed: a week ago's window laid over this one's. */
    public ChartSeries overlaid(Duration by) {
        return new ChartSeries(label, new Series(series.points().stream()
                .map(p -> new Point(p.time().plus(by), p.value())).toList()), period, stat, true);
    }
}
