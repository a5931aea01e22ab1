package ecstop.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The exact interval asked of CloudWatch: start inclusive, end exclusive, both aligned to
 * the period, with the period's datapoints numbering {@link #buckets()}.
 */
public record TimeWindow(Instant start, Instant end, Duration period) {
    public long buckets() {
        return Duration.between(start, end).getSeconds() / period.getSeconds();
    }

    public long periodSeconds() { return period.getSeconds(); }
}
