package ecstop.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One of a service's deployments as DescribeServices reports it: {@code status} PRIMARY,
 * ACTIVE or INACTIVE; {@code rolloutState} COMPLETED, IN_PROGRESS or FAILED (empty for
 * services not on the ECS deployment controller); {@code failedTasks} counts the tasks of
 * this deployment that failed to start or to become healthy.
 */
public record ServiceDeployment(
        String id,
        String status,
        String taskDefinition,
        String rolloutState,
        String rolloutStateReason,
        Optional<Instant> createdAt,
        Optional<Instant> updatedAt,
        int desired,
        int running,
        int pending,
        int failedTasks) {

    public ServiceDeployment {
        id = orEmpty(id);
        status = orEmpty(status);
        taskDefinition = orEmpty(taskDefinition);
        rolloutState = orEmpty(rolloutState);
        rolloutStateReason = orEmpty(rolloutStateReason);
    }

    public boolean primary() {
        return "PRIMARY".equals(status);
    }

    public boolean inProgress() {
        return "IN_PROGRESS".equals(rolloutState);
    }

    public boolean failed() {
        return "FAILED".equals(rolloutState);
    }

    /** How long it has been going at {@code now}; empty when ECS gave no creation time. */
    public Optional<Duration> age(Instant now) {
        return createdAt.map(c -> Duration.between(c, now));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
