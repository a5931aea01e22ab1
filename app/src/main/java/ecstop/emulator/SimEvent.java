package ecstop.emulator;

import java.time.Instant;

/** One entry of a service's event log. */
record SimEvent(String id, Instant createdAt, String message) {}
