package ecstop.domain.signal;

import ecstop.domain.CircuitBreaker;
import ecstop.domain.ServiceDeployment;
import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceHealth;
import ecstop.domain.ServiceInfo;
import ecstop.domain.StoppedContainer;
import ecstop.domain.StoppedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Services, events and stopped tasks worded as ECS words them. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-20T12:17:00Z");
    static final String TG = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/6d0ecf831eec9f09";

    private Fixtures() {}

    static Instant ago(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    static ServiceEvent event(long minutesAgo, String message) {
        return new ServiceEvent(ago(minutesAgo), message);
    }

    static ServiceInfo service(int desired, int running, int pending, List<ServiceDeployment> deployments, ServiceEvent... events) {
        return new ServiceInfo("web", "arn:aws:ecs:eu-west-1:123456789012:service/prod/web", "ACTIVE", desired, running, pending,
                "FARGATE", "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42",
                deployments.stream().filter(ServiceDeployment::primary).map(ServiceDeployment::rolloutState).findFirst().orElse(""),
                new ServiceHealth(Arrays.asList(events), deployments, Optional.of(new CircuitBreaker(true, true))));
    }

    static ServiceInfo steadyService(ServiceEvent... events) {
        return service(3, 3, 0, List.of(completed()), events);
    }

    static ServiceDeployment completed() {
        return deployment("ecs-svc/1111111111111111111", "PRIMARY", "COMPLETED",
                "ECS deployment ecs-svc/1111111111111111111 completed.", 2000, 3, 3, 0);
    }

    static ServiceDeployment deployment(String id, String status, String rollout, String reason, long minutesAgo,
                                        int desired, int running, int failed) {
        return new ServiceDeployment(id, status, "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42", rollout, reason,
                Optional.of(ago(minutesAgo)), Optional.of(ago(Math.max(0, minutesAgo - 5))), desired, running, 0, failed);
    }

    static StoppedTask task(String id, long minutesAgo, String stopCode, String reason, StoppedContainer... containers) {
        return new StoppedTask("arn:aws:ecs:eu-west-1:123456789012:task/prod/" + id, "service:web", "STOPPED", stopCode, reason,
                Optional.of(ago(minutesAgo)), Arrays.asList(containers));
    }

    static StoppedContainer container(Integer exit, String reason) {
        return new StoppedContainer("app", exit == null ? OptionalInt.empty() : OptionalInt.of(exit), reason);
    }

    static StoppedTask oomKilled(String id, long minutesAgo) {
        return task(id, minutesAgo, "EssentialContainerExited", "Essential container in task exited",
                container(137, "OutOfMemoryError: Container killed due to memory usage"));
    }

    static List<Signal> detect(ServiceInfo info, StoppedTask... stopped) {
        return Detect.of(Optional.ofNullable(info), Optional.of(Arrays.asList(stopped)), NOW, SignalRules.DEFAULT);
    }

    static Signal only(List<Signal> signals, SignalKind kind) {
        List<Signal> of = signals.stream().filter(s -> s.kind() == kind).toList();
        if (of.size() != 1) {
            throw new AssertionError("expected one " + kind + " in " + signals);
        }
        return of.get(0);
    }
}
