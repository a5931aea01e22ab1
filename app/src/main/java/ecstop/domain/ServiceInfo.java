package ecstop.domain;

import java.util.Objects;

/**
 * What DescribeServices says of a service: task counts, the state of its rollout and, in
 * {@code health}, its events, deployments and circuit breaker.
 */
public record ServiceInfo(
        String name,
        String arn,
        String status,
        int desired,
        int running,
        int pending,
        String launchType,
        String taskDefinition,
        String rolloutState,
        ServiceHealth health) {

    public ServiceInfo {
        Objects.requireNonNull(health, "health");
    }

    /** Task counts and rollout state only, as before events and deployments were read. */
    public ServiceInfo(String name, String arn, String status, int desired, int running, int pending,
                       String launchType, String taskDefinition, String rolloutState) {
        this(name, arn, status, desired, running, pending, launchType, taskDefinition, rolloutState, ServiceHealth.NONE);
    }

    /** "web:42" from "arn:aws:ecs:…:task-definition/web:42". */
    public String taskDefinitionShort() {
        return Arns.lastSegment(taskDefinition);
    }
}
