package ecstop.poll;

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
    void theBudgetStretchesTheIntervalSoADayAtItCostsNoMoreThanTheBudget() {
        Cadence c = Cadence.of(SETTINGS, T0);
        assertThat(c.usdPerDay(at(0))).as("no refresh yet, no cost known").isEmpty();

        Cadence paid = c.succeeded(HUNDRED);
        // 202 metrics = $0.00202 a refresh; a day of them within $1.00 needs 174.5 s between them
        assertThat(paid.interval(at(1))).isEqualTo(Duration.ofMillis(174_528));
        assertThat(paid.stretched(at(1))).isTrue();
        assertThat(paid.usdPerDay(at(1)).getAsDouble()).isCloseTo(1.00, within(0.001));
        assertThat(paid.pace(at(1)).budgetStretched()).isTrue();

        // unfocused, the slow cadence already costs less than the budget: nothing to stretch
        Cadence away = paid.with(paid.attention().focus(false, at(2)));
        assertThat(away.interval(at(2))).isEqualTo(Duration.ofMinutes(10));
        assertThat(away.stretched(at(2))).isFalse();
        assertThat(away.usdPerDay(at(2)).getAsDouble()).isCloseTo(0.00202 * 144, within(1e-9));
    }

    @Test
    void noBudgetMeansNoStretchAndACheapClusterIsNotStretched() {
        Cadence unlimited = Cadence.of(PollSettings.every(MINUTE).with(new Governor(Duration.ofMinutes(10),
                Duration.ofMinutes(15), 0)), T0).succeeded(HUNDRED);
        assertThat(unlimited.interval(at(1))).isEqualTo(MINUTE);
        assertThat(unlimited.usdPerDay(at(1)).getAsDouble()).isCloseTo(0.00202 * 1440, within(1e-9));

        Cadence small = Cadence.of(SETTINGS, T0).succeeded(new CallStats(Map.of(), 26, 0));
        assertThat(small.interval(at(1))).isEqualTo(MINUTE);
        assertThat(small.stretched(at(1))).isFalse();
    }

    @Test
    void aNewQuestionForgetsWhatTheOldOneCost() {
        Cadence paid = Cadence.of(SETTINGS, T0).succeeded(HUNDRED);
        assertThat(paid.reset().interval(at(1))).isEqualTo(MINUTE);
        assertThat(paid.reset().usdPerDay(at(1))).isEmpty();
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
        assertThat(away.succeeded(HUNDRED).next(at(1))).isEqualTo(Duration.ofMinutes(10));
    }
}
