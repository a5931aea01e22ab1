package ecstop.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * How CloudWatch cuts [StartTime, EndTime) into periods. StartTime is rounded down by its
 * age (to the minute under 15 days, to 5 minutes under 63 days, to the hour beyond), and a
 * period finer than the data kept at that age (60-second data for 15 days, 5-minute data for
 * 63, hourly data for 455) yields no datapoints at all, not an error.
 */
record Buckets(long start, long end, long period, boolean servable) {
    static final long MINUTE_DATA_AGE = Duration.ofDays(15).getSeconds();
    static final long FIVE_MINUTE_DATA_AGE = Duration.ofDays(63).getSeconds();
    static final long RETENTION = Duration.ofDays(455).getSeconds();

    static Buckets of(Instant startTime, Instant endTime, int period, Instant now) {
        long age = now.getEpochSecond() - startTime.getEpochSecond();
        long rounding = age > FIVE_MINUTE_DATA_AGE ? 3600 : age > MINUTE_DATA_AGE ? 300 : 60;
        long start = Math.floorDiv(startTime.getEpochSecond(), rounding) * rounding;
        long end = endTime.getEpochSecond() + (endTime.getNano() > 0 ? 1 : 0);
        boolean servable = period >= 60 && period % rounding == 0;
        return new Buckets(start, end, period, servable);
    }

    /** How many periods the window spans: what GetMetricStatistics's 1,440 limit counts. */
    long count() {
        return end <= start ? 0 : -Math.floorDiv(-(end - start), period);
    }

    long bucketStart(long i) {
        return start + i * period;
    }

    long bucketEnd(long i) {
        return Math.min(end, start + (i + 1) * period);
    }
}
