package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.Periods;
import ecstop.domain.ServiceRef;
import ecstop.domain.Target;
import ecstop.domain.TimeWindow;
import ecstop.domain.task.ContainerMetric;
import ecstop.domain.task.ContainerUsage;
import ecstop.domain.task.InsightsLevel;
import ecstop.domain.task.RunningTask;
import ecstop.domain.task.TaskContainer;
import ecstop.domain.task.TaskMetric;
import ecstop.domain.task.TaskUsage;
import ecstop.domain.task.TaskUsages;
import ecstop.emulator.Accounts;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Faults;
import ecstop.emulator.Fleet;
import ecstop.testing.EmulatorExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tasks pane's reads through the real SDK clients over HTTP against the emulator: the
 * containerInsights setting, the running tasks with their containers, and the enhanced
 * cluster's task and container series, every call counted by the emulator and by the reads.
 */
class TaskReadsSdkWireTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");
    static final ClusterRef CHECKOUT = new ClusterRef(Target.of("default", "eu-west-1"), "checkout-eu");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Accounts.demo(EmulatorConfig.DEFAULT_SEED,
            Fleet.DEFAULT_BIG_CLUSTER_SERVICES, false)).at(NOW);

    final AtomicReference<CallStats> spent = new AtomicReference<>(CallStats.NONE);
    final List<AwsClients> clients = new ArrayList<>();

    @BeforeEach
    void none() {
        spent.set(CallStats.NONE);
    }

    @AfterEach
    void close() {
        clients.forEach(AwsClients::close);
    }

    TaskReads reads(String region) {
        AwsClients c = AwsClients.create(AwsTarget.emulator(emulator.endpoint(), region)).get();
        clients.add(c);
        return new TaskReads(c::ecs, c::cloudWatch, TokenBucket.ecsClusterReads(), TokenBucket.ecsClusterResourceReads(),
                TokenBucket.getMetricData(), new Failures(Optional.empty()), s -> spent.accumulateAndGet(s, CallStats::plus));
    }

    static ClusterRef us(String cluster) {
        return new ClusterRef(Target.of("default", "us-east-1"), cluster);
    }

    @Test
    void eachClustersInsightsLevelIsOneDescribeClustersCall() {
        assertThat(reads("eu-west-1").insights(CHECKOUT).get()).isEqualTo(InsightsLevel.ENHANCED);
        assertThat(reads("us-east-1").insights(us("data-pipeline")).get()).isEqualTo(InsightsLevel.ENABLED);
        assertThat(reads("us-east-1").insights(us("storage-prod")).get()).isEqualTo(InsightsLevel.DISABLED);
        Failure missing = reads("us-east-1").insights(us("ghost")).getLeft();

        assertThat(missing.kind()).isEqualTo(Failure.Kind.NOT_FOUND);
        assertThat(emulator.log().snapshot().calls()).containsOnlyKeys("DescribeClusters").containsEntry("DescribeClusters", 4L);
        assertThat(spent.get().calls("DescribeClusters")).isEqualTo(4);
    }

    @Test
    void runningTasksCarryTheirContainersSizesInOneListAndOneDescribe() {
        List<RunningTask> receipts = reads("eu-west-1").running(CHECKOUT, Optional.of("receipts")).get();

        assertThat(receipts).hasSize(1);
        RunningTask t = receipts.get(0);
        assertThat(t.service()).contains("receipts");
        assertThat(t.id()).hasSize(32);
        assertThat(t.revision()).hasValue(1);
        assertThat(t.cpu()).hasValue(512);
        assertThat(t.memory()).hasValue(1024);
        assertThat(t.launchType()).isEqualTo("FARGATE");
        assertThat(t.containerInstanceArn()).isEmpty();
        assertThat(t.availabilityZone()).startsWith("eu-west-1");
        assertThat(t.startedAt()).isPresent();
        assertThat(t.containers()).extracting(TaskContainer::name).containsExactly("app", "log-router");
        TaskContainer router = t.containers().get(1);
        assertThat(router.memory()).hasValue(128);
        assertThat(router.memoryReservation()).hasValue(64);
        assertThat(router.lastStatus()).isEqualTo("RUNNING");
        assertThat(router.healthStatus()).isEqualTo("UNKNOWN");
        assertThat(router.exitCode()).isEmpty();
        assertThat(emulator.log().snapshot().calls()).containsEntry("ListTasks", 1L).containsEntry("DescribeTasks", 1L);
        assertThat(spent.get().totalCalls()).isEqualTo(2);
    }

    @Test
    void aWholeClustersRunningTasksPageByHundred() {
        List<RunningTask> all = reads("us-east-1").running(us("catalogue"), Optional.empty()).get();

        int expected = emulator.fleet().cluster("catalogue").orElseThrow().runningTasks()
                + emulator.fleet().cluster("catalogue").orElseThrow().pendingTasks();
        long pages = (expected + 99) / 100;
        assertThat(all).hasSize(expected).extracting(RunningTask::arn).doesNotHaveDuplicates();
        assertThat(emulator.log().snapshot().calls()).containsEntry("ListTasks", pages).containsEntry("DescribeTasks", pages);
        assertThat(spent.get().calls("ListTasks")).isEqualTo((int) pages);
    }

    @Test
    void theEnhancedClustersSeriesNameTheHotTaskAndTheSidecarNearItsLimitInOneCall() {
        TaskReads reads = reads("eu-west-1");
        TimeWindow window = Periods.window(Lookback.hours(24), NOW);
        List<RunningTask> cart = reads.running(CHECKOUT, Optional.of("cart-api")).get();
        List<RunningTask> receipts = reads.running(CHECKOUT, Optional.of("receipts")).get();
        emulator.log().reset();
        spent.set(CallStats.NONE);

        TaskUsages cartUsage = reads.usage(new ServiceRef(CHECKOUT, "cart-api"), cart, window).get();
        TaskUsages receiptsUsage = reads.usage(new ServiceRef(CHECKOUT, "receipts"), receipts, window).get();

        List<Double> peaks = cartUsage.tasks().stream()
                .map(u -> u.of(TaskMetric.CPU_PERCENT).peak().orElseThrow()).sorted(Comparator.reverseOrder()).toList();
        assertThat(peaks).hasSize(4);
        assertThat(peaks.get(0)).isGreaterThan(75);
        assertThat(peaks.subList(1, 4)).allSatisfy(p -> assertThat(p).isLessThan(15));
        assertThat(cartUsage.tasks()).allSatisfy(u -> assertThat(u.of(TaskMetric.STORAGE_PERCENT).isEmpty()).isFalse());
        ContainerUsage router = receiptsUsage.containers().stream().filter(c -> c.container().equals("log-router"))
                .findFirst().orElseThrow();
        ContainerUsage app = receiptsUsage.containers().stream().filter(c -> c.container().equals("app")).findFirst().orElseThrow();
        double routerLimit = receipts.get(0).containers().get(1).memory().orElseThrow();
        assertThat(router.of(ContainerMetric.MEMORY_MIB).peak().orElseThrow() / routerLimit).isGreaterThan(0.95).isLessThan(1.0);
        assertThat(app.of(ContainerMetric.MEMORY_MIB).peak().orElseThrow() / 768).isBetween(0.38, 0.42);
        assertThat(router.of(ContainerMetric.RESTARTS).isEmpty()).isFalse();
        assertThat(app.of(ContainerMetric.RESTARTS).isEmpty()).as("no restart policy, no series").isTrue();
        TaskUsage receiptsTask = receiptsUsage.tasks().get(0);
        assertThat(receiptsTask.of(TaskMetric.MEMORY_PERCENT).peak()).isPresent();
        // 4 tasks x (3 task + 3 container queries) and 1 task x (3 + 2 x 3): one call each
        assertThat(emulator.log().snapshot().calls()).containsOnlyKeys("GetMetricData").containsEntry("GetMetricData", 2L);
        assertThat(emulator.log().snapshot().metricsRequested()).isEqualTo(24 + 9);
        assertThat(cartUsage.stats().metricsRequested()).isEqualTo(24);
        assertThat(spent.get().metricsRequested()).isEqualTo(33);
        assertThat(spent.get().calls("GetMetricData")).isEqualTo(2);
    }

    @Test
    void aDeniedReadIsAFailureNamingItsAction() {
        emulator.faults(Faults.NONE.withDenied("ecs:ListTasks"));

        Failure f = reads("eu-west-1").running(CHECKOUT, Optional.of("receipts")).getLeft();

        assertThat(f.kind()).isEqualTo(Failure.Kind.ACCESS_DENIED);
        assertThat(f.line()).contains("ecs:ListTasks");
        assertThat(spent.get().calls("ListTasks")).isEqualTo(1);
    }
}
