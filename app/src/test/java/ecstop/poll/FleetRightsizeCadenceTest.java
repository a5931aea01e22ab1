package ecstop.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FleetRightsizeCadenceTest {
    static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");
    static final Duration EVERY = Duration.ofMinutes(5);

    @Test
    void aNewQuestionReadsAtOnceThenNotUntilTheIntervalHasPassed() {
        FleetRightsizeCadence c = new FleetRightsizeCadence(EVERY);

        assertThat(c.start(1, T0)).isTrue();
        assertThat(c.start(1, T0.plusSeconds(60))).as("the next refresh of the bars").isFalse();
        assertThat(c.start(1, T0.plus(EVERY).minusSeconds(1))).isFalse();
        assertThat(c.start(1, T0.plus(EVERY))).isTrue();
        assertThat(c.start(2, T0.plus(EVERY).plusSeconds(1))).as("another lookback: a new question").isTrue();
    }

    @Test
    void aFailedReadIsTriedAgainAtTheNextRefreshButAnOlderOnesFailureChangesNothing() {
        FleetRightsizeCadence c = new FleetRightsizeCadence(EVERY);
        c.start(1, T0);
        c.start(2, T0.plusSeconds(10));

        c.failed(1);
        assertThat(c.start(2, T0.plusSeconds(60))).isFalse();

        c.failed(2);
        assertThat(c.start(2, T0.plusSeconds(70))).isTrue();
    }
}
