package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CircuitBreaker;
import ecstop.domain.ClusterRef;
import ecstop.domain.Lookback;
import ecstop.domain.ServiceDeployment;
import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceHealth;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.StoppedContainer;
import ecstop.domain.StoppedTask;
import ecstop.domain.StoppedTasks;
import ecstop.domain.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.Service;

/** What the reader keeps of DescribeServices' events and deployments, and of DescribeTasks. */
class SignalReadsTest {
    static final Instant NOW = FakeAws.NOW;
    static final ClusterRef PROD = ecstop.testfleet.Refs.cluster("prod");

    private static SnapshotRequest request() {
        return new SnapshotRequest(ecstop.testfleet.Refs.cluster("prod"), Lookback.hours(24), Stat.MAX, NOW, Optional.empty(), true);
    }

    @Test
    void stoppedTasksKeepTheirGroupStopCodeReasonAndContainersAndSkipTheOnesThatExpired() {
        FakeAws aws = new FakeAws();
        aws.stoppedTasks = List.of("a1", "b2", "c3");
        aws.stoppedTaskGroup = id -> id.equals("c3") ? "family:nightly-report" : "service:web";
        aws.expired = Set.of("b2");

        StoppedTasks s = aws.reader().stoppedTasks(PROD).get();

        assertThat(s.cluster()).isEqualTo(PROD);
        assertThat(s.fetchedAt()).isEqualTo(NOW);
        assertThat(s.tasks()).extracting(StoppedTask::id).containsExactly("a1", "c3");
        StoppedTask a = s.tasks().get(0);
        assertThat(a.taskArn()).isEqualTo(FakeAws.taskArn("prod", "a1"));
        assertThat(a.service()).contains("web");
        assertThat(a.stopCode()).isEqualTo("EssentialContainerExited");
        assertThat(a.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(a.stoppedAt()).contains(NOW.minusSeconds(60));
        assertThat(a.containers()).containsExactly(
                new StoppedContainer("app", OptionalInt.of(137), "OutOfMemoryError: Container killed due to memory usage"));
        assertThat(s.tasks().get(1).service()).isEmpty();
        assertThat(s.byService()).containsOnlyKeys("web");
    }

    @Test
    void describeServicesKeepsTheEventsOfTheLastDayNewestFirstTheDeploymentsAndTheCircuitBreaker() {
        FakeAws aws = new FakeAws();
        aws.services = List.of("web", "quiet");
        aws.serviceOverrides.put("web", Service.builder().serviceName("web").serviceArn(FakeAws.ACCOUNT + "service/prod/web")
                .status("ACTIVE").desiredCount(4).runningCount(2).pendingCount(2)
                .events(event(NOW.minusSeconds(60), "(service web) was unable to place a task because no container instance"
                                + " met all of its requirements. The closest matching (container-instance 5f3c) has"
                                + " insufficient memory available."),
                        event(NOW.minusSeconds(3 * 3600), "(service web) has reached a steady state."),
                        event(NOW.minusSeconds(600), "(service web) has started 2 tasks: (task 1a2b) (task 3c4d)."),
                        event(NOW.minusSeconds(30 * 3600), "(service web) has reached a steady state."))
                .deployments(Deployment.builder().id("ecs-svc/2").status("PRIMARY").rolloutState("IN_PROGRESS")
                                .rolloutStateReason("ECS deployment ecs-svc/2 in progress.").desiredCount(4).runningCount(2)
                                .pendingCount(2).failedTasks(3).createdAt(NOW.minusSeconds(7200)).updatedAt(NOW.minusSeconds(60))
                                .taskDefinition(FakeAws.ACCOUNT + "task-definition/web:8").build(),
                        Deployment.builder().id("ecs-svc/1").status("ACTIVE").rolloutState("COMPLETED").build())
                .deploymentConfiguration(DeploymentConfiguration.builder()
                        .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(false).build()).build())
                .build());
        aws.serviceOverrides.put("quiet", Service.builder().serviceName("quiet").status("ACTIVE")
                .events(event(NOW.minusSeconds(40 * 3600), "(service quiet) has reached a steady state."),
                        event(NOW.minusSeconds(80 * 3600), "(service quiet) has reached a steady state."))
                .build());

        Snapshot s = aws.reader().snapshot(request()).get();

        ServiceHealth web = ecstop.testfleet.Refs.info(s, "web").health();
        assertThat(web.events()).extracting(ServiceEvent::createdAt)
                .containsExactly(NOW.minusSeconds(60), NOW.minusSeconds(600), NOW.minusSeconds(3 * 3600));
        assertThat(web.events().get(0).message()).contains("insufficient memory available");
        assertThat(web.deployments()).hasSize(2);
        ServiceDeployment primary = web.deployments().get(0);
        assertThat(primary.primary()).isTrue();
        assertThat(primary.inProgress()).isTrue();
        assertThat(primary.failedTasks()).isEqualTo(3);
        assertThat(primary.createdAt()).contains(NOW.minusSeconds(7200));
        assertThat(primary.updatedAt()).contains(NOW.minusSeconds(60));
        assertThat(primary.taskDefinition()).endsWith("web:8");
        assertThat(web.deployments().get(1).createdAt()).isEmpty();
        assertThat(web.circuitBreaker()).contains(new CircuitBreaker(true, false));
        assertThat(ecstop.testfleet.Refs.info(s, "web").rolloutState()).isEqualTo("IN_PROGRESS");

        ServiceHealth quiet = ecstop.testfleet.Refs.info(s, "quiet").health();
        assertThat(quiet.events()).as("none within a day: the newest alone, so 'since' has a bound")
                .extracting(ServiceEvent::createdAt).containsExactly(NOW.minusSeconds(40 * 3600));
        assertThat(quiet.circuitBreaker()).isEmpty();
    }

    private static software.amazon.awssdk.services.ecs.model.ServiceEvent event(Instant at, String message) {
        return software.amazon.awssdk.services.ecs.model.ServiceEvent.builder().id(at.toString()).createdAt(at).message(message).build();
    }
}
