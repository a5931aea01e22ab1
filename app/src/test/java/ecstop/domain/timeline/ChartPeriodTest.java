package ecstop.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Lookback;
import ecstop.domain.Periods;
import ecstop.domain.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartPeriodTest {
    private static final Instant NOW = Instant.parse("2026-12-05T14:07:31Z");

    @ParameterizedTest(name = "{0} back {1}, {2} queries -> {3}s")
    @CsvSource({
            // within 15 days: every minute
            "1h,  0d,  4, 60",
            "24h, 0d,  4, 60",
            "14d, 0d,  4, 60",
            // 14 days of minutes is 20,160 points: five series fit 100,800, six do not
            "14d, 0d,  5, 60",
            "14d, 0d,  6, 120",
            // a week ago's overlay starts 21 days back: 5-minute data only
            "14d, 7d,  2, 300",
            "24h, 7d,  2, 60",
            "30d, 0d,  4, 300",
            // past 63 days: hourly
            "90d, 0d,  4, 3600",
    })
    void finestPeriodTheWindowsAgeAllowsWithinOneCall(String lookback, String shift, int queries, long seconds) {
        Lookback l = Lookback.parse(lookback).get();
        Duration back = Duration.ofDays(Long.parseLong(shift.replace("d", "")));
        TimeWindow w = ChartPeriod.window(l, back, NOW, queries);
        assertThat(w.periodSeconds()).isEqualTo(seconds);
        assertThat(w.buckets() * queries).isLessThanOrEqualTo(ChartPeriod.MAX_DATAPOINTS);
        // CloudWatch serves the period for the window's actual start (else: no datapoints, no error).
        Duration age = Duration.between(w.start(), NOW);
        assertThat(w.periodSeconds() % Periods.minimumForAge(age).getSeconds()).isZero();
    }

    @Test
    void theWindowIsAlignedAndHoldsTheCurrentPeriod() {
        TimeWindow w = ChartPeriod.window(Lookback.hours(24), Duration.ZERO, NOW, 4);
        assertThat(w.end()).isEqualTo(Instant.parse("2026-12-05T14:08:00Z"));
        assertThat(w.start()).isEqualTo(Instant.parse("2026-12-04T14:08:00Z"));
        assertThat(w.buckets()).isEqualTo(1440);
    }

    @Test
    void aWeekAgoIsTheSameWindowSevenDaysEarlier() {
        TimeWindow now = ChartPeriod.window(Lookback.hours(6), Duration.ZERO, NOW, 2);
        TimeWindow then = ChartPeriod.window(Lookback.hours(6), Duration.ofDays(7), NOW, 2);
        assertThat(then.start()).isEqualTo(now.start().minus(Duration.ofDays(7)));
        assertThat(then.end()).isEqualTo(now.end().minus(Duration.ofDays(7)));
    }

    @Test
    void aWindowOnARetentionEdgeIsJudgedWithItsAlignment() {
        // A 7-minute lookback at 5-minute data is two periods, 10 minutes: rounding the
        // window up to whole periods can push its start past 63 days, and then the period
        // must be the hourly tier's, or CloudWatch answers with no datapoints.
        Lookback seven = new Lookback(Duration.ofMinutes(7));
        for (long edgeDays : new long[] {15, 63}) {
            for (long s = -900; s <= 900; s += 10) {
                Duration shift = Duration.ofDays(edgeDays).minus(seven.duration()).plusSeconds(s);
                TimeWindow w = ChartPeriod.window(seven, shift, NOW, 4);
                Duration age = Duration.between(w.start(), NOW);
                assertThat(w.periodSeconds() % Periods.minimumForAge(age).getSeconds())
                        .as("shift %s: start %s, period %ss", shift, w.start(), w.periodSeconds()).isZero();
            }
        }
    }
}
