package ecstop.ui.state;

import ecstop.domain.Failure;
import java.time.Instant;

/** A failure and when it happened. */
public record Fault(Failure failure, Instant at) {}
