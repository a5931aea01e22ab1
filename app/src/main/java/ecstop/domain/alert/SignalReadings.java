package ecstop.domain.alert;

import ecstop.domain.ServiceRef;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.signal.Severity;
import ecstop.domain.signal.Signal;
import ecstop.domain.signal.SignalKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signal triggers of a scope's signals: for each service whose signals were read, FIRING
 * while it shows OOM kills (or placement failures) that are not just a note, CLEAR once it
 * shows none. So a burst of kills notifies once, and the next one only after the service has
 * been clean for as long as its source remembers (ECS keeps stopped tasks about an hour).
 */
public final class SignalReadings {
    private static final Map<SignalKind, Trigger> TRIGGERS = Map.of(SignalKind.OOM, Trigger.OOM,
            SignalKind.PLACEMENT, Trigger.PLACEMENT);

    private SignalReadings() {}

    public static List<Reading> of(ScopeSignals signals) {
        List<Reading> out = new ArrayList<>();
        for (Map.Entry<ServiceRef, List<Signal>> e : signals.byService().entrySet()) {
            TRIGGERS.forEach((kind, trigger) -> {
                Optional<Signal> s = e.getValue().stream()
                        .filter(x -> x.kind() == kind && x.severity() != Severity.INFO).findFirst();
                out.add(new Reading(e.getKey(), trigger,
                        s.isPresent() ? Reading.Condition.FIRING : Reading.Condition.CLEAR,
                        s.map(Signal::summary).orElse("")));
            });
        }
        return out;
    }
}
