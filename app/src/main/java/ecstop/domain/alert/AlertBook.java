package ecstop.domain.alert;

import ecstop.domain.ServiceRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which (service, trigger) pairs may fire: armed until they fire, re-armed only by a CLEAR
 * reading, so each crossing notifies once however long the condition lasts, and a value in
 * the hysteresis band changes nothing. A pair seen for the first time is only noted: what
 * was already burning when ecs-top opened (or the cluster was switched) is on the screen,
 * not news. A pair with no reading (no data this time) keeps its state. Immutable.
 */
public record AlertBook(Map<Key, Boolean> armed) {
    public static final AlertBook EMPTY = new AlertBook(Map.of());

    public record Key(ServiceRef service, Trigger trigger) {}

    /** The next book and the alerts that fired on the way to it. */
    public record Update(AlertBook book, List<Alert> fired) {}

    public AlertBook {
        armed = Map.copyOf(armed);
    }

    public Update read(Collection<Reading> readings) {
        Map<Key, Boolean> next = new HashMap<>(armed);
        List<Alert> fired = new ArrayList<>();
        for (Reading r : readings) {
            Key k = new Key(r.service(), r.trigger());
            Boolean was = armed.get(k);
            switch (r.condition()) {
                case FIRING -> {
                    if (Boolean.TRUE.equals(was)) {
                        fired.add(new Alert(r.service(), r.trigger(), r.detail()));
                    }
                    next.put(k, false);
                }
                case CLEAR -> next.put(k, true);
                case HOLDING -> {
                    if (was == null) {
                        next.put(k, true);
                    }
                }
            }
        }
        return new Update(new AlertBook(next), List.copyOf(fired));
    }
}
