package ecstop.domain;

import java.util.List;
import java.util.Optional;

/**
 * What DescribeServices says of how a service is doing, beyond its task counts: its newest
 * events (newest first, at most what ECS returns, 100), its deployments, and whether a
 * circuit breaker guards its rollouts. {@link #NONE} when none of it was read.
 */
public record ServiceHealth(List<ServiceEvent> events, List<ServiceDeployment> deployments,
                            Optional<CircuitBreaker> circuitBreaker) {
    public static final ServiceHealth NONE = new ServiceHealth(List.of(), List.of(), Optional.empty());

    public ServiceHealth {
        events = List.copyOf(events);
        deployments = List.copyOf(deployments);
    }
}
