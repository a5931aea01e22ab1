package ecstop.domain;

import java.util.Map;

/**
 * What a fleet snapshot cannot show by itself: where CloudWatch cut it short, which targets
 * failed and why (their rows are missing, the others stand), and which parts of a target
 * tell the rows apart.
 */
public record FleetNotes(FleetLimits limits, Map<Target, Failure> failed, TargetLabels labels) {
    public FleetNotes {
        failed = Map.copyOf(failed);
    }
}
