package ecstop.domain.alert;

import ecstop.domain.ServiceRef;
import java.util.Objects;

/**
 * One trigger's condition for one service in one snapshot. HOLDING is the hysteresis band:
 * it neither fires nor re-arms, so a value hovering at the threshold does not flap.
 * {@code detail} says what was seen ("98.2%"), for the notification: set where it fires, may be empty elsewhere.
 */
public record Reading(ServiceRef service, Trigger trigger, Condition condition, String detail) {
    public enum Condition { FIRING, HOLDING, CLEAR }

    public Reading {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(detail, "detail");
    }
}
