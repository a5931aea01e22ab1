package ecstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodsTest {
    @ParameterizedTest
    @CsvSource({"1h,60", "3h,60", "6h,300", "12h,300", "24h,3600", "3d,3600", "7d,3600",
                "14d,21600", "30d,21600", "90d,86400", "455d,86400"})
    void periodIsTheFinestThatKeepsSeriesShort(String lookback, long seconds) {
        assertThat(Periods.periodFor(Lookback.parse(lookback).get().duration()).getSeconds()).isEqualTo(seconds);
    }

    @Test
    void everyPeriodObeysCloudWatchRetentionForItsAge() {
        for (long minutes = 5; minutes <= 455L * 24 * 60; minutes += 97) {
            Duration lookback = Duration.ofMinutes(minutes);
            Duration period = Periods.periodFor(lookback);
            Duration oldest = lookback.plus(period);
            assertThat(period.getSeconds() % 60).isZero();
            assertThat(period.getSeconds() % Periods.minimumForAge(oldest).getSeconds())
                    .as("period for %s", lookback).isZero();
            if (period.compareTo(Duration.ofDays(1)) < 0) {
                // daily is the coarsest period; past 200 days the fetcher pages with NextToken
                assertThat(lookback.getSeconds() / period.getSeconds()).isLessThanOrEqualTo(Periods.MAX_POINTS);
            }
        }
    }

    @Test
    void windowIsAlignedEndsAfterNowAndCoversTheLookback() {
        Instant now = Instant.parse("2026-11-21T10:17:42Z");
        TimeWindow w = Periods.window(Lookback.hours(24), now);
        assertThat(w.end()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
        assertThat(w.start()).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));
        assertThat(w.buckets()).isEqualTo(24);
        assertThat(w.start().getEpochSecond() % w.periodSeconds()).isZero();
        assertThat(w.end()).isAfter(now);
        assertThat(Duration.between(w.start(), now)).isLessThanOrEqualTo(Duration.ofHours(24));

        TimeWindow odd = Periods.window(Lookback.parse("90m").get(), now);
        assertThat(odd.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(odd.buckets()).isEqualTo(90);
    }

    @Test
    void describesPeriodsInWords() {
        assertThat(Periods.describe(Duration.ofHours(1))).isEqualTo("hourly");
        assertThat(Periods.describe(Duration.ofHours(6))).isEqualTo("6-hourly");
        assertThat(Periods.describe(Duration.ofMinutes(5))).isEqualTo("5-minute");
        assertThat(Periods.describe(Duration.ofDays(1))).isEqualTo("daily");
    }
}
