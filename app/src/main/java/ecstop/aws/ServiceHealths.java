package ecstop.aws;

import ecstop.domain.CircuitBreaker;
import ecstop.domain.ServiceDeployment;
import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The events, deployments and circuit breaker DescribeServices already returns with the task
 * counts. ECS returns a service's newest 100 events, which reach back weeks for a quiet
 * service (a steady-state line every few hours); kept for every service of a 5,000-service
 * cluster that is half a million strings, so only the events of the last {@link #EVENT_HORIZON}
 * are kept, and the newest one when none is that recent (it bounds "since when").
 */
final class ServiceHealths {
    static final Duration EVENT_HORIZON = Duration.ofHours(24);

    private ServiceHealths() {}

    static ServiceHealth of(Service s, Instant now) {
        return new ServiceHealth(events(s, now), deployments(s), circuitBreaker(s));
    }

    private static List<ServiceEvent> events(Service s, Instant now) {
        List<ServiceEvent> all = new ArrayList<>();
        for (software.amazon.awssdk.services.ecs.model.ServiceEvent e : s.events()) {
            if (e.createdAt() != null) {
                all.add(new ServiceEvent(e.createdAt(), e.message()));
            }
        }
        all.sort(Comparator.comparing(ServiceEvent::createdAt).reversed());
        Instant from = now.minus(EVENT_HORIZON);
        List<ServiceEvent> recent = all.stream().filter(e -> !e.createdAt().isBefore(from)).toList();
        return recent.isEmpty() && !all.isEmpty() ? List.of(all.get(0)) : recent;
    }

    private static List<ServiceDeployment> deployments(Service s) {
        List<ServiceDeployment> out = new ArrayList<>();
        for (Deployment d : s.deployments()) {
            out.add(new ServiceDeployment(d.id(), d.status(), d.taskDefinition(), d.rolloutStateAsString(),
                    d.rolloutStateReason(), Optional.ofNullable(d.createdAt()), Optional.ofNullable(d.updatedAt()),
                    intOf(d.desiredCount()), intOf(d.runningCount()), intOf(d.pendingCount()), intOf(d.failedTasks())));
        }
        return out;
    }

    private static Optional<CircuitBreaker> circuitBreaker(Service s) {
        if (s.deploymentConfiguration() == null || s.deploymentConfiguration().deploymentCircuitBreaker() == null) {
            return Optional.empty();
        }
        DeploymentCircuitBreaker b = s.deploymentConfiguration().deploymentCircuitBreaker();
        return Optional.of(new CircuitBreaker(Boolean.TRUE.equals(b.enable()), Boolean.TRUE.equals(b.rollback())));
    }

    private static int intOf(Integer i) {
        return i == null ? 0 : i;
    }
}
