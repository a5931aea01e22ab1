package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** CloudWatch's rounding of StartTime and its age rule for periods. */
class BucketsTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");

    @Test
    void recentStartsRoundDownToTheMinuteAndAnyMinutePeriodServes() {
        Buckets b = Buckets.of(Instant.parse("2026-11-21T10:00:30Z"), Instant.parse("2026-11-21T11:00:00Z"), 60, NOW);

        assertThat(Instant.ofEpochSecond(b.start())).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(b.servable()).isTrue();
        assertThat(b.count()).isEqualTo(60);
    }

    @Test
    void startsOlderThanFifteenDaysNeedFiveMinutePeriods() {
        Instant start = NOW.minus(Duration.ofDays(20));

        assertThat(Buckets.of(start, NOW, 60, NOW).servable()).isFalse();
        assertThat(Buckets.of(start, NOW, 120, NOW).servable()).isFalse();
        assertThat(Buckets.of(start, NOW, 300, NOW).servable()).isTrue();
        assertThat(Buckets.of(start, NOW, 300, NOW).start() % 300).isZero();
    }

    @Test
    void startsOlderThanSixtyThreeDaysNeedHourlyPeriods() {
        Instant start = NOW.minus(Duration.ofDays(70));

        assertThat(Buckets.of(start, NOW, 300, NOW).servable()).isFalse();
        assertThat(Buckets.of(start, NOW, 3600, NOW).servable()).isTrue();
        assertThat(Buckets.of(start, NOW, 86_400, NOW).servable()).isTrue();
    }

    @Test
    void subMinutePeriodsServeNothingFromStandardResolutionMetrics() {
        assertThat(Buckets.of(NOW.minusSeconds(600), NOW, 10, NOW).servable()).isFalse();
    }

    @Test
    void theLastBucketEndsAtEndTime() {
        Buckets b = Buckets.of(Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-21T11:30:00Z"), 3600, NOW);

        assertThat(b.count()).isEqualTo(2);
        assertThat(Instant.ofEpochSecond(b.bucketEnd(1))).isEqualTo(Instant.parse("2026-11-21T11:30:00Z"));
    }
}
