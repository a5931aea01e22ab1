package ecstop.poll;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Lookback;
import ecstop.domain.Question;
import ecstop.domain.View;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.domain.Scope;
import ecstop.domain.ServiceReadKeys;
import ecstop.domain.ServiceRef;
import ecstop.domain.Stat;
import ecstop.testfleet.FakeFleet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What to fetch and when, as values: no threads, no clock. */
class FetchPlanTest {
    private static final PollView VIEW = new PollView(Question.of(Scope.of(FakeFleet.ref("prod")), Lookback.hours(24),
            Stat.MAX), Optional.empty(), RightsizeRule.DEFAULT);
    private static final Scope.Fleet FLEET = new Scope.Fleet(List.of(FakeFleet.TARGET));
    private static final PollView FLEET_SIZED = new PollView(Question.of(FLEET, Lookback.hours(24), Stat.MAX)
            .withView(View.RIGHTSIZE), Optional.empty(), RightsizeRule.DEFAULT);

    private static boolean withInfo(List<ReadStep> steps) {
        return ((ReadStep.ClusterBars) steps.get(0)).request().withServiceInfo();
    }

    /** One refresh that asked {@code steps} and whose bars came back ({@code ok}) or not. */
    private static FetchPlan refreshed(FetchPlan plan, PollView view, boolean ok) {
        List<ReadStep> steps = plan.refresh(view, FakeFleet.NOW);
        return plan.started(steps, view, FakeFleet.NOW).barsAnswered(steps, ok);
    }

    @Test
    void taskDetailsAndStoppedTasksComeFirstThenEveryNthRefreshAndAgainAfterTheyFailed() {
        FetchPlan plan = FetchPlan.every(3);
        List<ReadStep> first = plan.refresh(VIEW, FakeFleet.NOW);
        assertThat(first).extracting(s -> s.getClass().getSimpleName()).containsExactly("ClusterBars", "StoppedTaskSignals");
        assertThat(withInfo(first)).isTrue();
        assertThat(((ReadStep.ClusterBars) first.get(0)).request().cluster()).isEqualTo(FakeFleet.ref("prod"));
        plan = refreshed(plan, VIEW, true);
        for (int i = 0; i < 2; i++) {
            assertThat(plan.refresh(VIEW, FakeFleet.NOW)).singleElement().satisfies(s -> assertThat(withInfo(List.of(s))).isFalse());
            plan = refreshed(plan, VIEW, true);
        }
        assertThat(withInfo(plan.refresh(VIEW, FakeFleet.NOW))).as("three refreshes after the last details").isTrue();
        assertThat(withInfo(refreshed(plan, VIEW, false).refresh(VIEW, FakeFleet.NOW))).as("retried after a failure").isTrue();
        FetchPlan done = refreshed(plan, VIEW, true);
        assertThat(withInfo(done.refresh(VIEW, FakeFleet.NOW))).isFalse();
        assertThat(withInfo(refreshed(done, VIEW, false).refresh(VIEW, FakeFleet.NOW)))
                .as("a failed refresh without details does not bring them sooner").isFalse();
        assertThat(withInfo(done.newScope().refresh(VIEW, FakeFleet.NOW))).as("a new cluster's details at once").isTrue();
    }

    @Test
    void theRightSizingViewOfOneClusterReadsEveryRefreshWithTaskDetailsButNotTheStoppedTasks() {
        PollView sized = new PollView(VIEW.question().withView(View.RIGHTSIZE), Optional.empty(), RightsizeRule.DEFAULT);
        FetchPlan plan = refreshed(FetchPlan.every(3), sized, true);
        assertThat(plan.refresh(sized, FakeFleet.NOW)).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("ClusterBars", "ClusterRightsize");
        assertThat(withInfo(plan.refresh(sized, FakeFleet.NOW))).isTrue();
    }

    @Test
    void theFleetsTableIsReadAtOnceThenEveryNthRefreshAgainAfterAFailureAndAtOnceForANewQuestion() {
        FetchPlan plan = FetchPlan.every(5);
        assertThat(plan.refresh(FLEET_SIZED, FakeFleet.NOW)).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("FleetBars", "FleetRightsize", "FleetDetails");
        plan = refreshed(plan, FLEET_SIZED, true);
        for (int i = 0; i < 4; i++) {
            assertThat(plan.refresh(FLEET_SIZED, FakeFleet.NOW)).noneMatch(ReadStep.FleetRightsize.class::isInstance);
            plan = refreshed(plan, FLEET_SIZED, true);
        }
        List<ReadStep> fifth = plan.refresh(FLEET_SIZED, FakeFleet.NOW);
        assertThat(fifth).anyMatch(ReadStep.FleetRightsize.class::isInstance);
        FetchPlan failed = plan.started(fifth, FLEET_SIZED, FakeFleet.NOW).barsAnswered(fifth, true).failed(fifth.get(1));
        assertThat(failed.refresh(FLEET_SIZED, FakeFleet.NOW)).as("failed: the next refresh").anyMatch(ReadStep.FleetRightsize.class::isInstance);
        FetchPlan read = plan.started(fifth, FLEET_SIZED, FakeFleet.NOW).barsAnswered(fifth, true);
        assertThat(read.refresh(FLEET_SIZED, FakeFleet.NOW)).noneMatch(ReadStep.FleetRightsize.class::isInstance);
        assertThat(read.newQuestion().refresh(FLEET_SIZED, FakeFleet.NOW)).as("another lookback")
                .anyMatch(ReadStep.FleetRightsize.class::isInstance);
        PollView closed = new PollView(FLEET_SIZED.question().withView(View.USAGE), Optional.empty(), RightsizeRule.DEFAULT);
        FetchPlan reopened = refreshed(read, closed, true);
        assertThat(reopened.refresh(FLEET_SIZED, FakeFleet.NOW)).as("the view opened again").anyMatch(ReadStep.FleetRightsize.class::isInstance);
    }

    /** A read of the open service's timeline. */
    private static final java.util.function.Predicate<ReadStep> TIMELINE = s -> s instanceof ReadStep.ForService<?> f
            && f.key().equals(ServiceReadKeys.TIMELINE);

    @Test
    void theOpenServicesTimelineIsReadAtOnceThenAtMostOnceAMinuteAndAgainForAnotherServiceLookbackOrAFailure() {
        ServiceRef api = new ServiceRef(FakeFleet.ref("prod"), "api");
        PollView open = new PollView(VIEW.question(), Optional.of(api), RightsizeRule.DEFAULT, Set.of(ServiceReadKeys.TIMELINE));
        FetchPlan plan = FetchPlan.every(5);
        List<ReadStep> first = plan.refresh(open, FakeFleet.NOW);
        assertThat(first).as("opened: at once").anyMatch(TIMELINE);
        FetchPlan read = plan.started(first, open, FakeFleet.NOW).barsAnswered(first, true);
        assertThat(read.refresh(open, FakeFleet.NOW.plusSeconds(59))).as("within the minute").noneMatch(TIMELINE);
        assertThat(read.refresh(open, FakeFleet.NOW.plusSeconds(60))).as("a minute on").anyMatch(TIMELINE);
        PollView other = new PollView(VIEW.question(), Optional.of(new ServiceRef(FakeFleet.ref("prod"), "web")),
                RightsizeRule.DEFAULT, Set.of(ServiceReadKeys.TIMELINE));
        assertThat(read.refresh(other, FakeFleet.NOW.plusSeconds(1))).as("another service").anyMatch(TIMELINE);
        PollView week = new PollView(VIEW.question().withLookback(Lookback.hours(168)), Optional.of(api), RightsizeRule.DEFAULT,
                Set.of(ServiceReadKeys.TIMELINE));
        assertThat(read.refresh(week, FakeFleet.NOW.plusSeconds(1))).as("another lookback").anyMatch(TIMELINE);
        ReadStep timeline = first.stream().filter(TIMELINE).findFirst().orElseThrow();
        assertThat(read.failed(timeline).refresh(open, FakeFleet.NOW.plusSeconds(1))).as("failed")
                .anyMatch(TIMELINE);
        FetchPlan barsFailed = plan.started(first, open, FakeFleet.NOW).barsAnswered(first, false);
        assertThat(barsFailed.refresh(open, FakeFleet.NOW.plusSeconds(1))).as("the bars failed, so it never ran")
                .anyMatch(TIMELINE);
        assertThat(read.refresh(VIEW, FakeFleet.NOW.plusSeconds(120))).as("no detail open").noneMatch(TIMELINE);
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

    @Test
    void aReadOfTheScopeAPaneAsksForComesWithEveryRefreshWhileItShowsWithOrWithoutADetail() {
        PollView fleet = new PollView(Question.of(FLEET, Lookback.hours(24), Stat.MAX), Optional.empty(), RightsizeRule.DEFAULT,
                Set.of(), Set.of(FleetReader.CONTAINER_LIMITS));
        FetchPlan plan = FetchPlan.every(5);
        for (int refresh = 0; refresh < 3; refresh++) {
            List<ReadStep> steps = plan.refresh(fleet, FakeFleet.NOW.plusSeconds(60L * refresh));
            assertThat(steps).as("refresh %d", refresh)
                    .contains(new ReadStep.Scoped<>(FleetReader.CONTAINER_LIMITS, FLEET, Lookback.hours(24)));
            plan = plan.started(steps, fleet, FakeFleet.NOW).barsAnswered(steps, true);
        }
        assertThat(plan.refresh(VIEW.withScopeReads(Set.of(FleetReader.CONTAINER_LIMITS)), FakeFleet.NOW))
                .contains(new ReadStep.Scoped<>(FleetReader.CONTAINER_LIMITS, VIEW.scope(), VIEW.lookback()));
        assertThat(plan.refresh(VIEW, FakeFleet.NOW)).as("closed").noneMatch(ReadStep.Scoped.class::isInstance);
        assertThat(fleet.asksNoMoreThan(fleet.withScopeReads(Set.of()))).as("opening it reads now").isFalse();
        assertThat(fleet.withScopeReads(Set.of()).asksNoMoreThan(fleet)).as("closing it does not").isTrue();
    }
}
