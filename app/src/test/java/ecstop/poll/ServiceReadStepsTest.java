package ecstop.poll;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.aws.AwsFleetReader;
import ecstop.domain.ClusterRef;
import ecstop.domain.Lookback;
import ecstop.domain.Question;
import ecstop.domain.Scope;
import ecstop.domain.ServiceReadKeys;
import ecstop.domain.ServiceRef;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.domain.task.ClusterTasks;
import ecstop.domain.timeline.ServiceSeries;
import ecstop.domain.timeline.ServiceTimeline;
import ecstop.emulator.Accounts;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import ecstop.testing.EmulatorExtension;
import ecstop.testfleet.FakeFleet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The open service's own reads as plan steps: listed only while a detail is open and its
 * screen asks for them, for that service alone; each read through the production reader over
 * HTTP to the emulator, its calls counted against the emulator's log and its metrics handed to
 * the budget.
 */
class ServiceReadStepsTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:34:56Z");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Accounts.demo(EmulatorConfig.DEFAULT_SEED,
            Fleet.DEFAULT_BIG_CLUSTER_SERVICES, false)).at(NOW);

    static final ServiceRef OPEN = new ServiceRef(FakeFleet.ref("prod"), "web");
    static final PollView VIEW = new PollView(Question.of(Scope.of(FakeFleet.ref("prod")), Lookback.hours(24), Stat.MAX),
            Optional.of(OPEN), RightsizeRule.DEFAULT);

    /** Each step's class, and for a read of the open service its key: "ForService:timeline". */
    private static List<String> names(List<ReadStep> steps) {
        return steps.stream().map(s -> s instanceof ReadStep.ForService<?> f ? "ForService:" + f.key()
                : s.getClass().getSimpleName()).toList();
    }

    @Test
    void listedOnlyForAnOpenServiceWhoseScreenAsksAndOnlyForIt() {
        FetchPlan plan = FetchPlan.every(3);
        assertThat(names(plan.refresh(VIEW, FakeFleet.NOW))).doesNotContain("ForService:timeline", "ForService:tasks");
        PollView both = VIEW.withReads(Set.of(ServiceReadKeys.TIMELINE, ServiceReadKeys.TASKS));
        List<ReadStep> steps = plan.refresh(both, FakeFleet.NOW);
        assertThat(names(steps)).startsWith("ClusterBars").contains("ForService:timeline", "ForService:tasks");
        assertThat(steps).filteredOn(ReadStep.ForService.class::isInstance)
                .hasSize(2).allSatisfy(s -> assertThat(((ReadStep.ForService<?>) s).service()).isEqualTo(OPEN));
        PollView closed = new PollView(VIEW.question(), Optional.empty(), RightsizeRule.DEFAULT,
                Set.of(ServiceReadKeys.TIMELINE, ServiceReadKeys.TASKS));
        assertThat(names(plan.refresh(closed, FakeFleet.NOW))).doesNotContain("ForService:timeline", "ForService:tasks");
    }

    @Test
    void theTimelineReadCostsFiveCallsAndFourMetricsWhichTheBudgetCounts() {
        try (Readers readers = Readers.of(AwsFleetReader.forEndpoint(emulator.endpoint(), "us-east-1"))) {
            ServiceRef service = new ServiceRef(new ClusterRef(Target.of("default", "us-east-1"), "storage-prod"),
                    "storage-prod_file-finder");
            ReadStep.Answer a = new ReadStep.ForService<>(ServiceReadKeys.TIMELINE, service, Lookback.hours(24))
                    .read(readers, null, new ReadStep.Asked(7, () -> true, NOW));

            assertThat(a.failed()).isFalse();
            assertThat(a.event()).isInstanceOfSatisfying(PollEvent.ServiceRead.class, e -> {
                assertThat(e.generation()).isEqualTo(7);
                assertThat(e.key()).isEqualTo(ServiceReadKeys.TIMELINE);
                assertThat(((ServiceTimeline) e.result().get()).markers().isEmpty()).isFalse();
            });
            var seen = emulator.log().snapshot();
            assertThat(seen.calls()).isEqualTo(Map.of("DescribeServices", 1L, "GetMetricData", 1L, "ListTasks", 1L,
                    "DescribeTasks", 1L, "DescribeScalingActivities", 1L));
            assertThat(seen.metricsRequested()).isEqualTo(4);
            assertThat(a.metricsUsd()).isCloseTo(4 * 0.01 / 1000, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void aWeekAgoIsOneGetMetricDataOfFourMetricsAWeekBackWhichTheBudgetCounts() {
        try (Readers readers = Readers.of(AwsFleetReader.forEndpoint(emulator.endpoint(), "us-east-1"))) {
            ServiceRef service = new ServiceRef(new ClusterRef(Target.of("default", "us-east-1"), "storage-prod"),
                    "storage-prod_file-finder");
            ReadStep.Answer a = new ReadStep.ForService<>(ServiceReadKeys.WEEK_AGO, service, Lookback.hours(24))
                    .read(readers, null, new ReadStep.Asked(7, () -> true, NOW));

            assertThat(a.failed()).isFalse();
            assertThat(a.event()).isInstanceOfSatisfying(PollEvent.ServiceRead.class, e -> {
                assertThat(e.generation()).isEqualTo(7);
                assertThat(e.key()).isEqualTo(ServiceReadKeys.WEEK_AGO);
                var series = (ServiceSeries) e.result().get();
                assertThat(series.window().end()).isBetween(NOW.minus(java.time.Duration.ofDays(7)),
                        NOW.minus(java.time.Duration.ofDays(7)).plusSeconds(60));
                assertThat(series.max(ecstop.domain.Metric.MEMORY).points()).isNotEmpty()
                        .allSatisfy(p -> assertThat(p.time()).isBefore(NOW.minus(java.time.Duration.ofDays(7)).plusSeconds(60)));
            });
            var seen = emulator.log().snapshot();
            assertThat(seen.calls()).isEqualTo(Map.of("GetMetricData", 1L));
            assertThat(seen.metricsRequested()).isEqualTo(4);
            assertThat(a.metricsUsd()).isCloseTo(4 * 0.01 / 1000, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void aWeekAgoIsListedOnlyWhileAskedAndReadAtMostOnceAMinute() {
        PollView overlaid = VIEW.withReads(Set.of(ServiceReadKeys.TIMELINE, ServiceReadKeys.WEEK_AGO));
        FetchPlan plan = FetchPlan.every(3);
        assertThat(names(plan.refresh(VIEW.withReads(Set.of(ServiceReadKeys.TIMELINE)), FakeFleet.NOW)))
                .doesNotContain("ForService:week ago");
        List<ReadStep> first = plan.refresh(overlaid, FakeFleet.NOW);
        assertThat(names(first)).contains("ForService:timeline", "ForService:week ago");
        FetchPlan asked = plan.started(first, overlaid, FakeFleet.NOW).barsAnswered(first, true);
        assertThat(names(asked.refresh(overlaid, FakeFleet.NOW.plusSeconds(59)))).doesNotContain("ForService:week ago", "ForService:timeline");
        assertThat(names(asked.refresh(overlaid, FakeFleet.NOW.plusSeconds(60)))).contains("ForService:week ago", "ForService:timeline");
        // failed: due again at the next refresh
        FetchPlan failed = asked.failed(first.stream().filter(r -> r instanceof ReadStep.ForService<?> f
                && f.key().equals(ServiceReadKeys.WEEK_AGO)).findFirst().orElseThrow());
        assertThat(names(failed.refresh(overlaid, FakeFleet.NOW.plusSeconds(1)))).contains("ForService:week ago")
                .doesNotContain("ForService:timeline");
    }

    @Test
    void theTasksReadOfAnEnhancedServiceIsOneCallOfEachButTwoGetMetricDataAndItsMetricsCountInTheBudget() {
        try (Readers readers = Readers.of(AwsFleetReader.forEndpoint(emulator.endpoint(), "eu-west-1"))) {
            ServiceRef service = new ServiceRef(new ClusterRef(Target.of("default", "eu-west-1"), "checkout-eu"), "receipts");
            ReadStep.Answer a = new ReadStep.ForService<>(ServiceReadKeys.TASKS, service, Lookback.hours(24))
                    .read(readers, null, new ReadStep.Asked(3, () -> true, NOW));

            assertThat(a.failed()).isFalse();
            ClusterTasks tasks = (ClusterTasks) ((PollEvent.ServiceRead) a.event()).result().get();
            assertThat(tasks.running()).hasSize(1);
            var seen = emulator.log().snapshot();
            // and its task definition, which says which containers are essential (once per revision: cached)
            // two GetMetricData: the lookback's hourly peaks, then the last minutes for the latest minute; two
            // ListTasks: running, then stopped (none, so nothing more to describe)
            assertThat(seen.calls()).isEqualTo(Map.of("DescribeClusters", 1L, "ListTasks", 2L, "DescribeTasks", 1L,
                    "GetMetricData", 2L, "DescribeTaskDefinition", 1L));
            assertThat(tasks.essential(tasks.running().get(0), "log-router")).contains(false);
            // one task with two containers: 3 task series and 3 a container, twice
            assertThat(seen.metricsRequested()).isEqualTo(18);
            assertThat(a.metricsUsd()).isCloseTo(18 * 0.01 / 1000, org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void aServiceThatIsGoneIsAFailedReadDueAgainNotACrash() {
        try (Readers readers = Readers.of(AwsFleetReader.forEndpoint(emulator.endpoint(), "us-east-1"))) {
            ServiceRef gone = new ServiceRef(new ClusterRef(Target.of("default", "us-east-1"), "storage-prod"), "gone");
            ReadStep.Answer a = new ReadStep.ForService<>(ServiceReadKeys.TIMELINE, gone, Lookback.hours(24))
                    .read(readers, null, new ReadStep.Asked(1, () -> true, NOW));

            assertThat(a.failed()).isTrue();
            assertThat(emulator.log().snapshot().calls("GetMetricData")).isZero();
        }
    }
}
