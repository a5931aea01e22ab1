package ecstop.domain.signal;

import java.time.Duration;

/**
 * When a signal turns from a note into trouble. {@code stuckAfter}: a rollout IN_PROGRESS
 * longer than this is stuck (ECS's own circuit breaker gives up much later, if it is on);
 * {@code rolloutGrace}: running below desired this early in a rollout is expected;
 * {@code critical}: from this many OOM kills, crashes or health-check failures in the
 * horizon a signal is CRIT rather than WARN.
 */
public record SignalRules(Duration stuckAfter, Duration rolloutGrace, int critical) {
    public static final SignalRules DEFAULT = new SignalRules(Duration.ofMinutes(30), Duration.ofMinutes(10), 3);
}
