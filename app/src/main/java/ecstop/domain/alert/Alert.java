package ecstop.domain.alert;

import ecstop.domain.ServiceRef;

/** A trigger that fired for a service: notify once. */
public record Alert(ServiceRef service, Trigger trigger, String detail) {
    /** "replicator CPU 98.2%". */
    public String line() {
        return service.name() + " " + trigger.label() + " " + detail;
    }
}
