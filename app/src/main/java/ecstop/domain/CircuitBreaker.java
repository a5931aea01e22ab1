package ecstop.domain;

/**
 * A service's deployment circuit breaker: {@code enabled} stops a rollout whose tasks keep
 * failing; {@code rollback} then returns to the last deployment that completed.
 */
public record CircuitBreaker(boolean enabled, boolean rollback) {}
