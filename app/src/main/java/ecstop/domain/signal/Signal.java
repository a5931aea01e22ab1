package ecstop.domain.signal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One reason a service is starved. {@code at} is the newest occurrence, or for SHORT since
 * when (as far as the events tell); {@code count} how many occurrences the horizon holds;
 * {@code summary} one sanitised line without times; {@code evidence} the event messages and
 * stopped-task reasons behind it, newest first.
 */
public record Signal(
        SignalKind kind,
        Severity severity,
        Optional<Instant> at,
        int count,
        String summary,
        Horizon horizon,
        List<Evidence> evidence) {

    public Signal {
        evidence = List.copyOf(evidence);
    }
}
