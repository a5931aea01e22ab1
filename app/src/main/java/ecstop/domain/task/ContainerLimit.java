package ecstop.domain.task;

import ecstop.domain.ServiceRef;
import java.util.OptionalDouble;

/**
 * One container of a service, over all its tasks, and how close its memory came to its limit
 * over the lookback: Container Insights' ContainerMemoryUtilization of the busiest task
 * ({@code peak}: the highest period of the window; {@code latest}: the newest period read).
 */
public record ContainerLimit(ServiceRef service, String container, double peak, OptionalDouble latest) {}
