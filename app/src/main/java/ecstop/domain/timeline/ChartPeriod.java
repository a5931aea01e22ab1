package ecstop.domain.timeline;

import ecstop.domain.Lookback;
import ecstop.domain.Periods;
import ecstop.domain.TimeWindow;
import java.time.Duration;
import java.time.Instant;

/**
 * The period and window for a chart: unlike the bars ({@link Periods#periodFor}, at most 200
 * points a series so 500 series fit one call), a chart reads a handful of series for one
 * service and wants every minute CloudWatch still keeps. That is the finest period the age
 * of the window's start allows ({@link Periods#minimumForAge}: 60 s within 15 days, 300 s
 * to 63 days, 3,600 s beyond), coarsened only when the call's queries times the points a
 * series would go past GetMetricData's 100,800 datapoints.
 */
public final class ChartPeriod {
    /** GetMetricData's MaxDatapoints per call. */
    public static final long MAX_DATAPOINTS = 100_800;
    /** The chart's overlay: "is this normal for a Monday morning" is answered by last Monday morning. */
    public static final Duration WEEK_AGO = Duration.ofDays(7);

    private ChartPeriod() {}

    /**
     * The finest period for {@code queries} series over {@code span} whose start lies
     * {@code age} before now: a multiple of the age's minimum, so CloudWatch serves it.
     */
    public static Duration finest(Duration age, Duration span, int queries) {
        long floor = Periods.minimumForAge(age).getSeconds();
        long perSeries = MAX_DATAPOINTS / Math.max(1, queries);
        long needed = ceilDiv(Math.max(1, span.getSeconds()), Math.max(1, perSeries));
        long multiple = Math.max(1, ceilDiv(needed, floor));
        return Duration.ofSeconds(multiple * floor);
    }

    /**
     * The window for a chart of {@code lookback} ending with the period that holds
     * {@code now}, moved back by {@code shift} (zero, or seven days for "a week ago"), with
     * the period {@link #finest} gives for it. Rounding the lookback up to whole periods can
     * make the window up to one period older than the lookback (a 7-minute lookback at 5-minute
     * data reaches back 10), so the age is judged with that period included, and judged again
     * if that crossed into a coarser retention tier.
     */
    public static TimeWindow window(Lookback lookback, Duration shift, Instant now, int queries) {
        Duration span = lookback.duration();
        Duration period = finest(span.plus(shift), span, queries);
        for (int i = 0; i < 3; i++) {
            Duration again = finest(span.plus(shift).plus(period), span, queries);
            if (again.equals(period)) {
                break;
            }
            period = again;
        }
        long p = period.getSeconds();
        long end = Math.floorDiv(now.minus(shift).getEpochSecond(), p) * p + p;
        long buckets = ceilDiv(span.getSeconds(), p);
        return new TimeWindow(Instant.ofEpochSecond(end - buckets * p), Instant.ofEpochSecond(end), period);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
