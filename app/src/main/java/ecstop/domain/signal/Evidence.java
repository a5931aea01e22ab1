package ecstop.domain.signal;

import java.time.Instant;
import java.util.Optional;

/** One thing a signal rests on, newest first: an event's message, a stopped task's reason. Already sanitised. */
public record Evidence(Optional<Instant> at, String message) {}
