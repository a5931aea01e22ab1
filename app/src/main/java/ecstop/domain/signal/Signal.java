package ecstop.domain.signal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One reason a service is starved. {@code at} is the newest occurrence or, when
 * {@code ongoing}, when the trouble began (as far as what was read tells: a service short of
 * tasks, a rollout in progress too long); {@code count} how many occurrences the horizon holds;
 * {@code summary} one sanitised line without times; {@code evidence} the event messages and
 * stopped-task reasons behind it, newest first.
 */
public record Signal(
        SignalKind kind,
        Severity severity,
        Optional<Instant> at,
        boolean ongoing,
        int count,
        String summary,
        Horizon horizon,
        List<Evidence> evidence) {

    public Signal {
        evidence = List.copyOf(evidence);
    }
}
