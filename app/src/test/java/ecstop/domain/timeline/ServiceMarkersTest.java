package ecstop.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.ServiceDeployment;
import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceHealth;
import ecstop.domain.StoppedContainer;
import ecstop.domain.StoppedTask;
import ecstop.domain.task.ScalingActivity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What the timeline marks, from what DescribeServices, the stopped tasks and the scaling activities say. */
class ServiceMarkersTest {
    static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    static ServiceDeployment deployment(String status, String td, Instant created, String rollout) {
        return new ServiceDeployment("ecs-svc/1", status, "arn:aws:ecs:r:1:task-definition/web:" + td, rollout, "",
                Optional.of(created), Optional.of(created.plusSeconds(300)), 2, 2, 0, 0);
    }

    @Test
    void eachSourceGivesItsKindInTimeOrder() {
        ServiceHealth health = new ServiceHealth(
                List.of(new ServiceEvent(T.plusSeconds(900), "(service web) rolling back to deployment ecs-svc/1."),
                        new ServiceEvent(T.plusSeconds(950), "(service web) has reached a steady state.")),
                List.of(deployment("PRIMARY", "42", T.plusSeconds(600), "IN_PROGRESS"),
                        deployment("ACTIVE", "41", T, "COMPLETED")),
                Optional.empty());
        StoppedTask oom = new StoppedTask("arn:aws:ecs:r:1:task/c/abcdef0123456789", "service:web", "STOPPED",
                "EssentialContainerExited", "Essential container in task exited", Optional.of(T.plusSeconds(1200)),
                List.of(new StoppedContainer("app", OptionalInt.of(137), "OutOfMemoryError: Container killed due to memory usage")));
        StoppedTask crash = new StoppedTask("arn:aws:ecs:r:1:task/c/9999", "service:web", "STOPPED",
                "EssentialContainerExited", "Essential container in task exited", Optional.of(T.plusSeconds(1300)),
                List.of(new StoppedContainer("app", OptionalInt.of(1), "")));
        StoppedTask scaledIn = new StoppedTask("arn:aws:ecs:r:1:task/c/8888", "service:web", "STOPPED",
                "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment ecs-svc/1)", Optional.of(T.plusSeconds(1400)),
                List.of(new StoppedContainer("app", OptionalInt.of(0), "")));
        ScalingActivity scaling = new ScalingActivity("a1", "service/c/web", "ecs:service:DesiredCount", T.plusSeconds(1500),
                Optional.empty(), "Setting desired count to 6.", "alarm", "Successful");

        Markers m = ServiceMarkers.of(health, List.of(oom, crash, scaledIn), List.of(scaling));

        assertThat(m.inOrder()).extracting(Marker::kind).containsExactly(MarkerKind.DEPLOYMENT_STARTED,
                MarkerKind.DEPLOYMENT_COMPLETED, MarkerKind.TASK_DEF_CHANGE, MarkerKind.DEPLOYMENT_STARTED,
                MarkerKind.DEPLOYMENT_ROLLED_BACK, MarkerKind.OOM_KILL, MarkerKind.CRASH, MarkerKind.SCALING);
        assertThat(m.inOrder()).extracting(Marker::text).containsExactly("the deployment of :41",
                "the deployment of :41 completing", "task definition :41 → :42", "the deployment of :42", "a rollback",
                "an OOM kill of task abcdef01 (exit 137)", "a crash of task 9999 (exit 1)", "scaling to 6 tasks");
        // at the same moment, the deployment is what the answer line names
        assertThat(m.lastChangeBefore(T.plusSeconds(600), T)).map(Marker::text).hasValue("the deployment of :42");
    }
}
