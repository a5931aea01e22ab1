package ecstop.emulator;

import java.time.Duration;

/**
 * Why a simulated service is starved, beyond its figures: what its stopped tasks, events and
 * deployments show. None of it changes a task count or a metric value; each is a schedule
 * of occurrences on the emulator's clock, every {@link #every} unless a service says
 * otherwise, with the messages ECS writes.
 */
public enum Trouble {
    /** A task's container is killed for memory: exit 137, "OutOfMemoryError: Container killed due to memory usage". */
    OOM_KILLS(Duration.ofMinutes(9)),
    /** The essential container exits with 1 and ECS starts another. */
    CRASH_LOOP(Duration.ofMinutes(17)),
    /** Tasks fail their load balancer's health checks and are replaced. */
    HEALTH_CHURN(Duration.ofMinutes(8)),
    /** EC2: no container instance has the CPU units a task needs; the task stays pending. */
    PLACEMENT_CPU(Duration.ofMinutes(15)),
    /** EC2: no container instance has the memory a task needs; the task stays pending. */
    PLACEMENT_MEMORY(Duration.ofMinutes(15)),
    /** Fargate has no capacity for the task in its availability zones. */
    FARGATE_CAPACITY(Duration.ofMinutes(15)),
    /** Every hour a release whose image is missing: its tasks fail to start and the circuit breaker rolls back. */
    FAILED_ROLLOUT(Duration.ofHours(1)),
    /** The rollout in progress started hours ago and has not finished. */
    STUCK_DEPLOYMENT(Duration.ofHours(3)),
    /**
     * Each release leaks: a deployment replaces the tasks at the start of the service's memory
     * sawtooth (a {@link LoadProfile.Trait#LEAKY} service's), memory climbs from then on, and the
     * OOM kills follow. It recurs with the sawtooth, not with {@link #every}.
     */
    LEAKING_RELEASE(Duration.ofDays(1));

    final Duration every;

    Trouble(Duration every) {
        this.every = every;
    }
}
