package ecstop.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a service's event log as DescribeServices returns it ("(service web) has
 * reached a steady state."). The message is AWS's text as received: sanitise before showing.
 */
public record ServiceEvent(Instant createdAt, String message) {
    public ServiceEvent {
        Objects.requireNonNull(createdAt, "createdAt");
        message = message == null ? "" : message;
    }
}
