package ecstop.domain.signal;

import static ecstop.domain.signal.Fixtures.NOW;
import static ecstop.domain.signal.Fixtures.TG;
import static ecstop.domain.signal.Fixtures.ago;
import static ecstop.domain.signal.Fixtures.completed;
import static ecstop.domain.signal.Fixtures.container;
import static ecstop.domain.signal.Fixtures.deployment;
import static ecstop.domain.signal.Fixtures.detect;
import static ecstop.domain.signal.Fixtures.event;
import static ecstop.domain.signal.Fixtures.oomKilled;
import static ecstop.domain.signal.Fixtures.only;
import static ecstop.domain.signal.Fixtures.service;
import static ecstop.domain.signal.Fixtures.steadyService;
import static ecstop.domain.signal.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.StoppedTask;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Signals from real-world ECS wording: what each one finds, counts, dates and how bad it says it is. */
class DetectTest {
    static final String PLACE_MEMORY = "(service web) was unable to place a task because no container instance met all of its"
            + " requirements. The closest matching (container-instance 5f3c1e2d4b6a4e0f9d8c7b6a5e4d3c2b) has insufficient"
            + " memory available. For more information, see the Troubleshooting section.";
    static final String PLACE_CPU = "(service web) was unable to place a task because no container instance met all of its"
            + " requirements. The closest matching (container-instance 5f3c1e2d4b6a4e0f9d8c7b6a5e4d3c2b) has insufficient CPU"
            + " units available. For more information, see the Troubleshooting section.";
    static final String STEADY = "(service web) has reached a steady state.";

    @Test
    void aQuietServiceHasNoSignals() {
        List<StoppedTask> normal = List.of(
                task("a1", 20, "ServiceSchedulerInitiated", "Scaling activity initiated by (deployment ecs-svc/1111111111111111111)",
                        container(143, "")),
                task("b2", 30, "UserInitiated", "Task stopped by user", container(0, "")),
                task("c3", 40, "SpotInterruption", "Your Spot Task was interrupted.", container(143, "")),
                task("d4", 50, "EssentialContainerExited", "Essential container in task exited", container(0, "")));

        assertThat(detect(steadyService(event(30, STEADY), event(390, STEADY)), normal.toArray(StoppedTask[]::new))).isEmpty();
    }

    @Test
    void oomKillsAreCountedOverTheLastHourWithTheNewestTime() {
        List<Signal> s = detect(steadyService(), oomKilled("aaa", 3), oomKilled("bbb", 17), oomKilled("ccc", 44),
                task("d4", 50, "UserInitiated", "Task stopped by user", container(0, "")));

        Signal oom = only(s, SignalKind.OOM);
        assertThat(oom.count()).isEqualTo(3);
        assertThat(oom.severity()).isEqualTo(Severity.CRIT);
        assertThat(oom.at()).contains(ago(3));
        assertThat(oom.summary()).isEqualTo("3 tasks killed for memory (OOM, exit 137)");
        assertThat(oom.horizon().source()).isEqualTo(Horizon.Source.STOPPED_TASKS);
        assertThat(oom.horizon().from()).contains(NOW.minus(Duration.ofHours(1)));
        assertThat(oom.horizon().describe()).isEqualTo("stopped tasks, last ~1h (ECS keeps them about an hour)");
        assertThat(oom.evidence()).hasSize(3);
        assertThat(oom.evidence().get(0).message()).isEqualTo("task aaa: Essential container in task exited; app exit 137:"
                + " OutOfMemoryError: Container killed due to memory usage");
        assertThat(s).extracting(Signal::kind).containsExactly(SignalKind.OOM);
    }

    @Test
    void anOomNamedOnlyInTheStoppedReasonIsStillAnOomAndOneKillIsAWarning() {
        StoppedTask older = task("e5", 12, "EssentialContainerExited", "OutOfMemoryError: Container killed due to memory usage",
                container(137, ""));

        Signal oom = only(detect(steadyService(), older), SignalKind.OOM);

        assertThat(oom.count()).isEqualTo(1);
        assertThat(oom.severity()).isEqualTo(Severity.WARN);
        assertThat(oom.summary()).isEqualTo("1 task killed for memory (OOM, exit 137)");
    }

    @Test
    void tasksThatFailToStartOrExitWithAnErrorAreCrashes() {
        List<Signal> s = detect(steadyService(),
                task("f1", 5, "TaskFailedToStart", "CannotPullContainerError: pull image manifest has been retried 5 time(s):"
                        + " failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:v43: not found",
                        container(null, "CannotPullContainerError: pull image manifest has been retried 5 time(s)")),
                task("f2", 8, "TaskFailedToStart", "ResourceInitializationError: unable to pull secrets or registry auth:"
                        + " execution resource retrieval failed: unable to retrieve secret from asm", container(null, "")),
                task("f3", 25, "EssentialContainerExited", "Essential container in task exited", container(1, "")),
                task("ok", 30, "EssentialContainerExited", "Essential container in task exited", container(0, "")));

        Signal crash = only(s, SignalKind.CRASH);
        assertThat(crash.count()).isEqualTo(3);
        assertThat(crash.severity()).isEqualTo(Severity.CRIT);
        assertThat(crash.summary()).isEqualTo("3 tasks stopped abnormally: 2 failed to start, 1 exited with an error, exit 1");
        assertThat(crash.at()).contains(ago(5));
        assertThat(crash.evidence()).extracting(Evidence::message).element(2).isEqualTo(
                "task f3: Essential container in task exited; app exit 1");
    }

    @Test
    void placementFailuresNameTheirReasonsAndAreCriticalWhileTheServiceIsShort() {
        List<Signal> s = detect(service(6, 2, 3, List.of(completed()),
                event(7, PLACE_MEMORY), event(22, PLACE_CPU), event(37, PLACE_MEMORY),
                event(46, "(service web) has started 4 tasks: (task 1a2b3c) (task 4d5e6f) (task 7a8b9c) (task 0d1e2f)."),
                event(77, STEADY), event(437, STEADY)));

        Signal place = only(s, SignalKind.PLACEMENT);
        assertThat(place.count()).isEqualTo(3);
        assertThat(place.severity()).isEqualTo(Severity.CRIT);
        assertThat(place.at()).contains(ago(7));
        assertThat(place.summary()).isEqualTo("could not place a task 3 times (insufficient memory, insufficient CPU)");
        assertThat(place.horizon().describe()).isEqualTo("service events since 2026-11-20T05:00Z");
        assertThat(place.evidence().get(0).message()).isEqualTo(PLACE_MEMORY);

        Signal shortOf = only(s, SignalKind.SHORT);
        assertThat(shortOf.severity()).isEqualTo(Severity.CRIT);
        assertThat(shortOf.at()).as("the first event after the last steady state").contains(ago(46));
        assertThat(shortOf.count()).isEqualTo(4);
        assertThat(shortOf.summary()).isEqualTo("2 of 6 running, 3 pending, for 46m");
        assertThat(s.get(0).severity()).isEqualTo(Severity.CRIT);
    }

    @Test
    void fargateCapacityPortsAndAnEmptyClusterAreReasonsToo() {
        Signal place = only(detect(service(2, 1, 1, List.of(completed()),
                event(2, "(service web) was unable to place a task. Reason: Capacity is unavailable at this time. Please try"
                        + " again later or in a different availability zone. For more information, see the Troubleshooting section."),
                event(20, "(service web) was unable to place a task because no container instance met all of its requirements."
                        + " The closest matching (container-instance 0a1b2c3d) is already using a port required by your task."
                        + " For more information, see the Troubleshooting section."),
                event(40, "(service web) was unable to place a task because no container instance met all of its requirements."
                        + " Reason: No Container Instances were found in your cluster. For more information, see the"
                        + " Troubleshooting section."))), SignalKind.PLACEMENT);

        assertThat(place.summary()).isEqualTo(
                "could not place a task 3 times (Fargate capacity unavailable, ports in use, no container instances)");
        assertThat(place.severity()).isEqualTo(Severity.CRIT);
    }

    @Test
    void aPlacementFailureFollowedByASteadyStateIsOnlyANote() {
        Signal place = only(detect(steadyService(event(5, STEADY), event(50, PLACE_MEMORY))), SignalKind.PLACEMENT);

        assertThat(place.severity()).isEqualTo(Severity.INFO);
        assertThat(place.count()).isEqualTo(1);
        assertThat(place.summary()).isEqualTo("could not place a task once (insufficient memory); steady again since 2026-11-20T12:12Z");
    }

    @Test
    void shortWithoutASteadyStateInTheEventsIsAtLeastSinceTheOldestAndWarnsWhenMoreThanHalfRun() {
        Signal s = only(detect(service(4, 3, 1, List.of(completed()), event(10, PLACE_CPU), event(95, PLACE_CPU))), SignalKind.SHORT);

        assertThat(s.severity()).isEqualTo(Severity.WARN);
        assertThat(s.at()).contains(ago(95));
        assertThat(s.summary()).isEqualTo("3 of 4 running, 1 pending, for 1h 35m (at least; no steady state in the events)");
    }

    @Test
    void aPlacementFailureInARolloutsFirstMinutesIsAWarning() {
        List<Signal> s = detect(service(4, 2, 2, List.of(
                deployment("ecs-svc/2", "PRIMARY", "IN_PROGRESS", "ECS deployment ecs-svc/2 in progress.", 4, 4, 0, 0)),
                event(3, PLACE_MEMORY), event(4, "(service web) has started 2 tasks: (task 1a2b) (task 3c4d)."), event(60, STEADY)));

        assertThat(only(s, SignalKind.PLACEMENT).severity()).isEqualTo(Severity.WARN);
        assertThat(only(s, SignalKind.SHORT).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void shortSinceARolloutThatBeganBeforeTheEventsRead() {
        String unhealthy = "(service web) (task 0a1b2c3d4e5f60718293a4b5c6d7e8f9) (port 8080) is unhealthy in (target-group "
                + TG + ") due to (reason Health checks failed with these codes: [502]).";
        Signal s = only(detect(service(9, 6, 3, List.of(
                deployment("ecs-svc/2", "PRIMARY", "IN_PROGRESS", "ECS deployment ecs-svc/2 in progress.", 200, 9, 0, 25),
                deployment("ecs-svc/1", "ACTIVE", "COMPLETED", "ECS deployment ecs-svc/1 completed.", 9000, 6, 6, 0)),
                event(2, unhealthy), event(150, unhealthy))), SignalKind.SHORT);

        assertThat(s.at()).contains(ago(200));
        assertThat(s.ongoing()).isTrue();
        assertThat(s.summary()).isEqualTo("6 of 9 running, 3 pending, for 3h 20m");
        assertThat(s.severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void shortEarlyInARolloutIsExpected() {
        Signal s = only(detect(service(4, 2, 2, List.of(
                deployment("ecs-svc/2", "PRIMARY", "IN_PROGRESS", "ECS deployment ecs-svc/2 in progress.", 4, 4, 0, 0),
                deployment("ecs-svc/1", "ACTIVE", "COMPLETED", "ECS deployment ecs-svc/1 completed.", 900, 2, 2, 0)),
                event(4, "(service web) has started 2 tasks: (task 1a2b) (task 3c4d)."), event(60, STEADY))), SignalKind.SHORT);

        assertThat(s.severity()).isEqualTo(Severity.INFO);
        assertThat(s.summary()).isEqualTo("2 of 4 running, 2 pending, for 4m; a rollout started 4m ago");
    }

    @Test
    void aFailedRolloutRolledBackByTheCircuitBreakerIsAWarning() {
        List<Signal> s = detect(service(4, 4, 0, List.of(
                        deployment("ecs-svc/3000000000000000003", "PRIMARY", "COMPLETED", "ECS deployment ecs-svc/3000000000000000003 completed.", 30, 4, 4, 0),
                        deployment("ecs-svc/2000000000000000002", "INACTIVE", "FAILED", "ECS deployment circuit breaker: tasks failed to start.", 44, 0, 0, 3)),
                event(21, STEADY),
                event(24, "(service web) (deployment ecs-svc/3000000000000000003) deployment completed."),
                event(35, "(service web) rolling back to deployment ecs-svc/1000000000000000001."),
                event(35, "(service web) (deployment ecs-svc/2000000000000000002) deployment failed: tasks failed to start.")));

        Signal deploy = only(s, SignalKind.DEPLOY);
        assertThat(deploy.severity()).isEqualTo(Severity.WARN);
        assertThat(deploy.count()).isEqualTo(1);
        assertThat(deploy.summary()).isEqualTo(
                "rollout ecs-svc/2000000000000000002 FAILED, rolled back (3 failed tasks); 1 rollback in the events");
        assertThat(deploy.ongoing()).isFalse();
        assertThat(deploy.at()).contains(ago(35));
        assertThat(deploy.evidence()).extracting(Evidence::message).contains(
                "ecs-svc/2000000000000000002 FAILED: ECS deployment circuit breaker: tasks failed to start.",
                "(service web) rolling back to deployment ecs-svc/1000000000000000001.");
    }

    @Test
    void aPrimaryRolloutThatFailedIsCritical() {
        Signal deploy = only(detect(service(2, 2, 0, List.of(
                deployment("ecs-svc/9", "PRIMARY", "FAILED", "ECS deployment circuit breaker: tasks failed to start.", 20, 2, 0, 4)))),
                SignalKind.DEPLOY);

        assertThat(deploy.severity()).isEqualTo(Severity.CRIT);
        assertThat(deploy.summary()).isEqualTo("rollout ecs-svc/9 FAILED (4 failed tasks)");
    }

    @Test
    void aRolloutInProgressPastTheThresholdIsStuckAndHoursOfItIsCritical() {
        List<Signal> fresh = detect(service(4, 4, 0, List.of(
                deployment("ecs-svc/5", "PRIMARY", "IN_PROGRESS", "ECS deployment ecs-svc/5 in progress.", 12, 4, 4, 0))));
        Signal stuck = only(detect(service(4, 4, 0, List.of(
                deployment("ecs-svc/5", "PRIMARY", "IN_PROGRESS", "ECS deployment ecs-svc/5 in progress.", 45, 4, 1, 2)))),
                SignalKind.DEPLOY);
        Signal hours = only(detect(service(4, 4, 0, List.of(
                deployment("ecs-svc/5", "PRIMARY", "IN_PROGRESS", "ECS deployment ecs-svc/5 in progress.", 190, 4, 1, 27)))),
                SignalKind.DEPLOY);

        assertThat(fresh).isEmpty();
        assertThat(stuck.severity()).isEqualTo(Severity.WARN);
        assertThat(stuck.summary()).isEqualTo("rollout ecs-svc/5 IN_PROGRESS for 45m, 1 of 4 running, 2 failed tasks");
        assertThat(stuck.at()).contains(ago(45));
        assertThat(stuck.ongoing()).isTrue();
        assertThat(hours.severity()).isEqualTo(Severity.CRIT);
        assertThat(hours.summary()).startsWith("rollout ecs-svc/5 IN_PROGRESS for 3h 10m");
    }

    @Test
    void healthCheckChurnCountsTasksNotLines() {
        List<Signal> s = detect(steadyService(
                        event(3, "(service web) (task 0a1b2c3d4e5f60718293a4b5c6d7e8f9) (port 8080) is unhealthy in (target-group "
                                + TG + ") due to (reason Health checks failed with these codes: [502])."),
                        event(2, "(service web) (task 0a1b2c3d4e5f60718293a4b5c6d7e8f9) failed ELB health checks in (target-group " + TG + ")."),
                        event(2, "(service web) has stopped 1 running tasks: (task 0a1b2c3d4e5f60718293a4b5c6d7e8f9)."),
                        event(30, "service web (instance i-0abc123def4567890) (port 32768) is unhealthy in target-group web-tg due to"
                                + " (reason Request timed out).")),
                task("99ff", 40, "ServiceSchedulerInitiated", "Task failed container health checks", container(137, "")));

        Signal health = only(s, SignalKind.HEALTH);
        assertThat(health.count()).isEqualTo(3);
        assertThat(health.severity()).isEqualTo(Severity.CRIT);
        assertThat(health.at()).contains(ago(2));
        assertThat(health.summary()).isEqualTo("3 tasks failed health checks");
        assertThat(health.evidence()).hasSize(3);
        assertThat(s).extracting(Signal::kind).doesNotContain(SignalKind.CRASH, SignalKind.OOM);
    }

    @Test
    void escapeSequencesInAwsTextNeverReachTheEvidence() {
        Signal place = only(detect(service(2, 1, 1, List.of(completed()),
                event(1, "(service web) was unable to place a task\u001b[2J\u001b]0;pwned\u0007 because \u202e no container"
                        + " instance\nmet all of its requirements. has insufficient memory available."))), SignalKind.PLACEMENT);

        String m = place.evidence().get(0).message();
        assertThat(m).doesNotContain("\u001b", "\u0007", "\u202e", "\n")
                .isEqualTo("(service web) was unable to place a task?[2J?]0;pwned? because ? no container instance met all of"
                        + " its requirements. has insufficient memory available.");
    }

    @Test
    void withoutServiceInfoOnlyStoppedTasksSpeakAndWithoutStoppedTasksOnlyTheInfo() {
        List<Signal> tasksOnly = Detect.of(Optional.empty(), Optional.of(List.of(oomKilled("aaa", 3))), NOW, SignalRules.DEFAULT);
        List<Signal> infoOnly = Detect.of(Optional.of(service(2, 0, 2, List.of(completed()), event(5, PLACE_CPU))),
                Optional.empty(), NOW, SignalRules.DEFAULT);

        assertThat(tasksOnly).extracting(Signal::kind).containsExactly(SignalKind.OOM);
        assertThat(infoOnly).extracting(Signal::kind).containsExactlyInAnyOrder(SignalKind.PLACEMENT, SignalKind.SHORT);
    }

    @Test
    void signalsComeWorstFirst() {
        List<Signal> s = detect(service(3, 2, 1, List.of(completed()), event(5, PLACE_CPU), event(25, PLACE_CPU),
                event(300, STEADY)), oomKilled("aaa", 3));

        assertThat(s).extracting(Signal::severity).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(s).extracting(Signal::kind).containsExactly(SignalKind.PLACEMENT, SignalKind.OOM, SignalKind.SHORT);
    }
}
