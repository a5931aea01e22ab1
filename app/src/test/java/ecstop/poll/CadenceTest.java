package ecstop.poll;

import ecstop.domain.Pace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ecstop.domain.CallStats;
import ecstop.domain.Failure;
import ecstop.domain.Governor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cadence as a value, with time passed in: attention, idleness, the budget and back-off. */
class CadenceTest {
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final Governor GOVERNOR = new Governor(Duration.ofMinutes(10), Duration.ofMinutes(15), 1.00);
    private static final PollSettings SETTINGS = PollSettings.every(MINUTE).with(GOVERNOR);
    /** As SETTINGS, but keys do not count (idle-after 0) and no focus report comes: someone looks throughout. */
    private static final PollSettings LOOKING = PollSettings.every(MINUTE)
            .with(new Governor(Duration.ofMinutes(10), Duration.ZERO, 1.00));
    /** What a refresh of a 100-service cluster requests: CPU and memory per service, plus the reservation. */
    private static final CallStats HUNDRED = new CallStats(Map.of("GetMetricData", 1), 202, 0);

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void someoneLookingGetsTheIntervalAndUnfocusedTheSlowOne() {
        Cadence c = Cadence.of(SETTINGS, T0);
        assertThat(c.interval(at(10))).isEqualTo(MINUTE);
        assertThat(c.pace(at(10)).looking()).isEqualTo(Pace.Looking.HERE);

        Cadence away = c.with(c.attention().focus(false, at(20)));
        assertThat(away.interval(at(20))).isEqualTo(Duration.ofMinutes(10));
        assertThat(away.pace(at(20)).looking()).isEqualTo(Pace.Looking.UNFOCUSED);

        Cadence back = away.with(away.attention().focus(true, at(600)));
        assertThat(back.interval(at(600))).isEqualTo(MINUTE);
        assertThat(back.pace(at(600)).focusReported()).isTrue();
    }

    @Test
    void withoutFocusReportsKeysTellAndAFocusedPaneLeftAloneGoesIdleToo() {
        Cadence c = Cadence.of(SETTINGS, T0);
        assertThat(c.away(at(15 * 60 - 1))).isFalse();
        assertThat(c.away(at(15 * 60))).isTrue();
        assertThat(c.pace(at(15 * 60)).looking()).isEqualTo(Pace.Looking.IDLE);
        assertThat(c.pace(at(15 * 60)).focusReported()).isFalse();

        Cadence keyed = c.with(c.attention().key(at(15 * 60 + 5)));
        assertThat(keyed.away(at(15 * 60 + 5))).isFalse();
        assertThat(keyed.attention().keys()).isEqualTo(1);

        Cadence focusedButLeft = c.with(c.attention().focus(true, at(0)));
        assertThat(focusedButLeft.away(at(15 * 60))).as("a focused pane nobody touched for 15 min").isTrue();
    }

    @Test
    void aKeyInAPaneReportedUnfocusedMeansItHasTheFocus() {
        Attention a = Attention.since(T0).focus(false, at(1)).key(at(2));
        assertThat(a.focused()).contains(true);
        assertThat(Attention.since(T0).key(at(2)).focused()).as("no report: still unknown").isEmpty();
    }

    @Test
    void theSlowCadenceNeverRefreshesFasterThanTheIntervalAndOffMeansNoSlowdown() {
        PollSettings slowInterval = PollSettings.every(Duration.ofMinutes(20)).with(GOVERNOR);
        Cadence c = Cadence.of(slowInterval, T0);
        assertThat(c.with(c.attention().focus(false, at(1))).interval(at(1))).isEqualTo(Duration.ofMinutes(20));

        Cadence off = Cadence.of(PollSettings.every(MINUTE), T0);
        Cadence unfocused = off.with(off.attention().focus(false, at(1)));
        assertThat(unfocused.interval(at(86_400))).isEqualTo(MINUTE);
        assertThat(unfocused.pace(at(1)).looking()).isEqualTo(Pace.Looking.HERE);
        assertThat(unfocused.pace(at(1)).awayEvery()).isZero();
    }

    @Test
    void whileTheDaysSpendLeavesRoomSomeoneLookingGetsEveryRefresh() {
        Cadence c = Cadence.of(SETTINGS, T0);
        assertThat(c.usdPerDay(at(0))).as("no refresh yet, no cost known").isEmpty();

        Cadence paid = c.succeeded(HUNDRED, at(0));
        // 202 metrics = $0.00202 a refresh: a whole day at 60 s would be $2.91, but $1.00 has room
        assertThat(paid.interval(at(1))).isEqualTo(MINUTE);
        assertThat(paid.stretched(at(1))).isFalse();
        assertThat(paid.usdPerDay(at(1)).getAsDouble()).isCloseTo(0.00202 * 1440, within(1e-9));
    }

    @Test
    void pastHalfTheBudgetInADayTheRestIsSpreadOverTheDay() {
        Cadence c = Cadence.of(LOOKING, T0);
        // 246 refreshes, one a minute: $0.497 spent; one more still fits in the first half
        for (int i = 0; i < 246; i++) {
            c = c.succeeded(HUNDRED, at(60L * i));
        }
        assertThat(c.interval(at(60L * 246))).isEqualTo(MINUTE);
        c = c.succeeded(HUNDRED, at(60L * 246));
        Instant now = at(60L * 247);
        assertThat(c.spend().lastDay(now)).isCloseTo(0.49894, within(1e-9));
        // the other $0.50 over a day: 0.00202 * 86,400 s / 0.50 = 349.1 s
        assertThat(c.interval(now)).isEqualTo(Duration.ofMillis(349_056));
        assertThat(c.stretched(now)).isTrue();
        assertThat(c.pace(now).budgetStretched()).isTrue();

        // unfocused, the slow cadence is slower still: nothing to stretch
        Cadence away = c.with(c.attention().focus(false, now));
        assertThat(away.interval(now)).isEqualTo(Duration.ofMinutes(10));
        assertThat(away.stretched(now)).isFalse();

        // a day after those refreshes they no longer count
        assertThat(c.interval(at(60L * 247 + 86_400))).isEqualTo(MINUTE);
    }

    @Test
    void withNoRoomForOneMoreRefreshItWaitsUntilOldOnesLeaveTheDay() {
        Cadence c = Cadence.of(LOOKING, T0);
        // $0.999 spent in the first 495 minutes (only r refreshes that fast past the first half)
        for (int i = 0; i < 495; i++) {
            c = c.succeeded(HUNDRED, at(60L * i));
        }
        Instant now = at(60L * 495);
        assertThat(c.spend().lastDay(now)).isCloseTo(0.9999, within(1e-9));
        // the first refresh leaves the day at T0 + 24 h, and then one more fits
        assertThat(now.plus(c.interval(now))).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(c.stretched(now)).isTrue();
    }

    @Test
    void otherBilledReadsCountAgainstTheBudgetButNotAsTheRefreshesCost() {
        Cadence c = Cadence.of(LOOKING, T0).succeeded(HUNDRED, at(0));
        // the fleet's right-sizing read half the budget's worth of metrics
        Cadence after = c.spent(0.50, at(1));
        assertThat(after.spend().lastDay(at(2))).isCloseTo(0.50202, within(1e-9));
        assertThat(after.refreshCostUsd()).as("a refresh still costs what the last one did").isEqualTo(c.refreshCostUsd());
        assertThat(after.stretched(at(2))).isTrue();
        assertThat(c.spent(0, at(1))).isSameAs(c);
    }

    @Test
    void aRefreshDearerThanTheWholeBudgetComesOnceADay() {
        Cadence c = Cadence.of(SETTINGS, T0).succeeded(new CallStats(Map.of(), 150_000, 0), at(0));
        assertThat(c.interval(at(1))).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void noBudgetMeansNoStretchWhateverWasSpent() {
        Cadence unlimited = Cadence.of(PollSettings.every(MINUTE).with(new Governor(Duration.ofMinutes(10),
                Duration.ZERO, 0)), T0);
        for (int i = 0; i < 1000; i++) {
            unlimited = unlimited.succeeded(HUNDRED, at(60L * i));
        }
        assertThat(unlimited.interval(at(60_000))).isEqualTo(MINUTE);
        assertThat(unlimited.usdPerDay(at(60_000)).getAsDouble()).isCloseTo(0.00202 * 1440, within(1e-9));
    }

    @Test
    void aNewQuestionForgetsWhatTheOldOneCost() {
        Cadence paid = Cadence.of(SETTINGS, T0).succeeded(HUNDRED, at(0));
        assertThat(paid.reset().interval(at(1))).isEqualTo(MINUTE);
        assertThat(paid.reset().usdPerDay(at(1))).isEmpty();
        assertThat(paid.reset().spend().lastDay(at(1))).as("what was spent stays spent").isCloseTo(0.00202, within(1e-12));
    }

    @Test
    void retriesBackOffUpToTheIntervalInForceEvenWhileAway() {
        Failure network = new Failure(Failure.Kind.NETWORK, "GetMetricData", "");
        Cadence c = Cadence.of(SETTINGS, T0);
        Cadence away = c.with(c.attention().focus(false, at(0)));
        for (int i = 0; i < 6; i++) {
            away = away.failed(network);
        }
        assertThat(away.next(at(1))).isEqualTo(Duration.ofSeconds(160));
        assertThat(away.failed(network).failed(network).next(at(1))).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.failed(network).next(at(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(away.succeeded(HUNDRED, at(1)).next(at(1))).isEqualTo(Duration.ofMinutes(10));
    }
}
