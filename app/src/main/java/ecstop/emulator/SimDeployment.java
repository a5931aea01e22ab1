package ecstop.emulator;

import java.time.Instant;

/** One of a service's deployments as DescribeServices lists it. */
record SimDeployment(
        long id,
        String status,
        int revision,
        int desired,
        int pending,
        int running,
        int failedTasks,
        Instant createdAt,
        Instant updatedAt,
        String rolloutState,
        String rolloutStateReason) {}
