package ecstop.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.Scope;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.testfleet.FakeFleet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What to fetch and when, as values: no threads, no clock. */
class FetchPlanTest {
    private static final PollView VIEW = new PollView(ecstop.domain.Question.of(Scope.of(FakeFleet.ref("prod")), Lookback.hours(24), Stat.MAX), Optional.empty(), ecstop.domain.rightsize.RightsizeRule.DEFAULT);

    @Test
    void taskDetailsComeFirstThenEveryNthRefreshAndAgainAfterTheyFailed() {
        FetchPlan plan = FetchPlan.every(3);
        SnapshotRequest first = plan.request(VIEW, FakeFleet.NOW);
        assertThat(first.withServiceInfo()).isTrue();
        assertThat(first.cluster()).isEqualTo(FakeFleet.ref("prod"));
        plan = plan.succeeded(first);
        for (int i = 0; i < 2; i++) {
            assertThat(plan.withInfo()).isFalse();
            plan = plan.succeeded(plan.request(VIEW, FakeFleet.NOW));
        }
        assertThat(plan.withInfo()).as("three refreshes after the last details").isTrue();
        SnapshotRequest third = plan.request(VIEW, FakeFleet.NOW);
        assertThat(plan.failed(third).withInfo()).as("retried after a failure").isTrue();
        assertThat(plan.succeeded(third).withInfo()).isFalse();
        assertThat(plan.succeeded(third).newScope().withInfo()).as("a new cluster's details at once").isTrue();
    }

    @Test
    void theFleetScopeHasNoPlanYet() {
        PollView fleet = new PollView(ecstop.domain.Question.of(new Scope.Fleet(List.of(FakeFleet.TARGET)), Lookback.hours(24), Stat.MAX), Optional.empty(), ecstop.domain.rightsize.RightsizeRule.DEFAULT);
        assertThatThrownBy(() -> FetchPlan.every(5).request(fleet, FakeFleet.NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backOffDoublesFromTheBaseNeverPastTheIntervalAndLastingFaultsWaitTheInterval() {
        Cadence c = Cadence.of(PollSettings.every(Duration.ofSeconds(60)));
        Failure network = new Failure(Failure.Kind.NETWORK, "GetMetricData", "");
        Failure denied = new Failure(Failure.Kind.ACCESS_DENIED, "GetMetricData", "");
        assertThat(c.next(FakeFleet.NOW)).isEqualTo(Duration.ofSeconds(60));
        c = c.failed(network);
        assertThat(c.next(FakeFleet.NOW)).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.failed(network).failed(network).next(FakeFleet.NOW)).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.failed(network).failed(network).failed(network).failed(network).next(FakeFleet.NOW)).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.failed(denied).next(FakeFleet.NOW)).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.succeeded().next(FakeFleet.NOW)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aFetchCountsAsHungAfterThreeIntervalsButNeverUnderTwoMinutes() {
        assertThat(Cadence.of(PollSettings.every(Duration.ofSeconds(5))).stuckAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(Cadence.of(PollSettings.every(Duration.ofMinutes(5))).stuckAfter()).isEqualTo(Duration.ofMinutes(15));
    }
}
