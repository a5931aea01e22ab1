package ecstop.domain;

import java.time.Instant;

/** One CloudWatch datapoint: the start of its period and its value (which may exceed 100). */
public record Point(Instant time, double value) {}
