package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.ServiceDeployment;
import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceHealth;
import ecstop.domain.ServiceInfo;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.StoppedContainer;
import ecstop.domain.StoppedTask;
import ecstop.domain.StoppedTasks;
import ecstop.domain.Target;
import ecstop.emulator.Emulator;
import ecstop.emulator.Faults;
import ecstop.emulator.Fleet;
import ecstop.emulator.SimService;
import ecstop.emulator.Trouble;
import ecstop.testing.EmulatorExtension;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reads behind the signals end to end: AwsFleetReader, the real SDK and HTTP, the
 * emulator's demo fleet. Each reason a demo service is starved arrives as ECS would send it.
 */
class EmulatorSignalsReaderTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:17:00Z");
    static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));
    static final Target TARGET = Target.of("default", "us-east-1");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().at(NOW);
    static AwsFleetReader reader;

    @BeforeAll
    static void open() {
        reader = emulator.closing(AwsFleetReader.forEndpoint(emulator.endpoint(), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static StoppedTasks stopped(String cluster) {
        return reader.stoppedTasks(new ClusterRef(TARGET, cluster)).get();
    }

    static Map<String, ServiceInfo> info(String cluster) {
        Snapshot s = reader.snapshot(new SnapshotRequest(new ClusterRef(reader.target(), cluster), Lookback.hours(24), Stat.MAX,
                NOW, Optional.empty(), true)).get();
        Map<String, ServiceInfo> byName = new java.util.HashMap<>();
        s.info().orElseThrow().forEach((ref, i) -> byName.put(ref.name(), i));
        return byName;
    }

    static List<String> messages(ServiceHealth h) {
        return h.events().stream().map(ServiceEvent::message).toList();
    }

    @Test
    void oomKilledTasksOfTheLastHourInOneListAndOneDescribe() {
        StoppedTasks s = stopped("storage-prod");

        List<StoppedTask> oom = s.byService().get("storage-prod_file-finder");
        assertThat(oom).hasSizeBetween(6, 7).allSatisfy(t -> {
            assertThat(t.stopCode()).isEqualTo("EssentialContainerExited");
            assertThat(t.stoppedAt()).hasValueSatisfying(at -> assertThat(at).isAfter(HOUR_AGO).isBeforeOrEqualTo(NOW));
            assertThat(t.containers()).containsExactly(new StoppedContainer("storage-prod_file-finder", OptionalInt.of(137),
                    "OutOfMemoryError: Container killed due to memory usage"));
        });
        assertThat(s.byService()).containsOnlyKeys("storage-prod_file-finder");
        assertThat(emulator.log().snapshot().calls()).containsOnly(Map.entry("ListTasks", 1L), Map.entry("DescribeTasks", 1L));
        assertThat(s.stats().totalCalls()).isEqualTo(2);
    }

    @Test
    void anEc2ClusterOutOfCpuAndMemoryLeavesTasksPendingWithPlacementEvents() {
        Map<String, ServiceInfo> info = info("storage-prod");

        ServiceInfo tracker = info.get("storage-prod_ingests-tracker");
        assertThat(tracker.desired()).isEqualTo(1);
        assertThat(tracker.running()).isZero();
        assertThat(tracker.pending()).isEqualTo(1);
        assertThat(messages(tracker.health())).anyMatch(m -> m.startsWith("(service storage-prod_ingests-tracker) was unable"
                + " to place a task because no container instance met all of its requirements. The closest matching"
                + " (container-instance ") && m.contains("has insufficient CPU units available."));
        assertThat(tracker.health().events().get(0).createdAt()).isAfter(NOW.minus(Duration.ofMinutes(15)));
        assertThat(messages(info.get("storage-prod_bag-unpacker").health()))
                .anyMatch(m -> m.contains("has insufficient memory available."));
        assertThat(messages(info.get("storage-prod_register").health()))
                .containsOnly("(service storage-prod_register) has reached a steady state.");
    }

    @Test
    void aRolloutStuckForHoursWhileItsTasksFailHealthChecks() {
        ServiceInfo client = info("archivematica").get("am-mcp-client");
        StoppedTasks s = stopped("archivematica");

        ServiceDeployment primary = client.health().deployments().get(0);
        assertThat(primary.primary()).isTrue();
        assertThat(primary.inProgress()).isTrue();
        assertThat(primary.age(NOW)).hasValueSatisfying(a -> assertThat(a).isGreaterThanOrEqualTo(Duration.ofHours(3)));
        assertThat(primary.failedTasks()).isGreaterThan(20);
        assertThat(messages(client.health())).anyMatch(m -> m.matches("\\(service am-mcp-client\\) \\(task [0-9a-f]{32}\\)"
                        + " \\(port 8000\\) is unhealthy in \\(target-group arn:aws:elasticloadbalancing:.*\\) due to .*"))
                .anyMatch(m -> m.contains("failed ELB health checks in (target-group arn:aws:elasticloadbalancing:"));
        assertThat(s.byService().get("am-mcp-client")).isNotEmpty().allSatisfy(t -> {
            assertThat(t.stopCode()).isEqualTo("ServiceSchedulerInitiated");
            assertThat(t.stoppedReason()).startsWith("Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:");
        });
        assertThat(s.byService().get("am-redis")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.containers().get(0).exitCode()).hasValue(137));
        assertThat(client.health().circuitBreaker()).hasValueSatisfying(b -> assertThat(b.enabled()).isTrue());
    }

    @Test
    void aFailedRolloutRolledBackByTheCircuitBreakerACrashLoopAndAJob() {
        ServiceInfo transform = info("data-pipeline").get("transform");
        StoppedTasks s = stopped("data-pipeline");

        assertThat(transform.rolloutState()).isEqualTo("COMPLETED");
        assertThat(transform.health().deployments()).anySatisfy(d -> {
            assertThat(d.failed()).isTrue();
            assertThat(d.failedTasks()).isEqualTo(3);
            assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        });
        assertThat(messages(transform.health()))
                .anyMatch(m -> m.matches("\\(service transform\\) \\(deployment ecs-svc/\\d+\\) deployment failed: tasks failed to start\\."))
                .anyMatch(m -> m.matches("\\(service transform\\) rolling back to deployment ecs-svc/\\d+\\."));
        assertThat(s.byService().get("transform")).hasSize(3).allSatisfy(t -> {
            assertThat(t.stopCode()).isEqualTo("TaskFailedToStart");
            assertThat(t.stoppedReason()).startsWith("CannotPullContainerError: pull image manifest has been retried 5 time(s)");
            assertThat(t.containers().get(0).exitCode()).isEmpty();
        });
        assertThat(s.byService().get("load")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.containers().get(0).exitCode()).hasValue(1));
        assertThat(s.tasks()).filteredOn(t -> t.service().isEmpty()).hasSize(3)
                .allSatisfy(t -> assertThat(t.group()).isEqualTo("family:nightly-report"));
    }

    @Test
    void fargateOutOfCapacityForTheCatalogueServicesThatWantATask() {
        List<ServiceInfo> waiting = info("catalogue").values().stream()
                .filter(i -> i.running() == 0 && i.desired() > 0).toList();

        assertThat(waiting).isNotEmpty().allSatisfy(i -> {
            assertThat(i.pending()).isPositive();
            assertThat(messages(i.health())).anyMatch(m -> m.equals("(service " + i.name() + ") was unable to place a task."
                    + " Reason: Capacity is unavailable at this time. Please try again later or in a different availability"
                    + " zone. For more information, see the Troubleshooting section."));
        });
    }

    @Test
    void tenThousandStoppedTasksAreReadInTwoHundredCallsWithoutThrottling() {
        Fleet busy = Fleet.builder(3).cluster("busy", 0, List.of(
                SimService.running("churn", SimService.FARGATE, 5).withTrouble(Trouble.OOM_KILLS, Duration.ofMillis(360)))).build();
        Emulator e = emulator.start(b -> b.fleet(busy).clock(Clock.fixed(NOW, ZoneOffset.UTC)).tokenBuckets(true));
        try (AwsFleetReader r = AwsFleetReader.forEndpoint(e.endpoint(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            StoppedTasks s = r.stoppedTasks(new ClusterRef(TARGET, "busy")).get();

            assertThat(s.tasks()).hasSize(10_000);
            assertThat(s.tasks().stream().map(StoppedTask::taskArn).distinct().count()).isEqualTo(10_000);
            assertThat(e.log().snapshot().calls()).containsOnly(Map.entry("ListTasks", 100L), Map.entry("DescribeTasks", 100L));
            assertThat(e.log().snapshot().throttled()).isZero();
            assertThat(s.stats().totalCalls()).isEqualTo(200);
        }
    }

    @Test
    void listTasksDeniedIsOneLineNamingTheAction() {
        emulator.faults(Faults.NONE.withDenied("ecs:ListTasks"));

        Either<Failure, StoppedTasks> s = reader.stoppedTasks(new ClusterRef(TARGET, "storage-prod"));

        assertThat(s.getLeft().kind()).isEqualTo(Failure.Kind.ACCESS_DENIED);
        assertThat(s.getLeft().line()).isEqualTo("access denied to ecs:ListTasks (the IAM policy needs ecs:ListTasks)");
    }

    @Test
    void describeTasksDeniedNamesDescribeTasks() {
        emulator.faults(Faults.NONE.withDenied("DescribeTasks"));

        assertThat(reader.stoppedTasks(new ClusterRef(TARGET, "storage-prod")).getLeft().action()).isEqualTo("ecs:DescribeTasks");
    }

    @Test
    void anUnknownClusterIsNotFound() {
        Failure f = reader.stoppedTasks(new ClusterRef(TARGET, "ghost")).getLeft();

        assertThat(f.kind()).isEqualTo(Failure.Kind.NOT_FOUND);
        assertThat(f.line()).contains("ghost");
    }
}
