package ecstop.domain.alert;

import ecstop.domain.ServiceRef;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Which (service, trigger) pairs may fire: armed until they fire, re-armed only by a CLEAR
 * reading, so each crossing notifies once however long the condition lasts, and a value in
 * the hysteresis band changes nothing. A pair seen for the first time is only noted: what
 * was already burning when ecs-top opened (or the cluster was switched) is on the screen,
 * not news. A pair with no reading (no data this time) keeps its state. Immutable and
 * persistent: a refresh of 5,000 services changes a few pairs, so the next book shares the
 * rest with this one instead of copying 10,000 entries on the UI thread.
 */
public record AlertBook(Map<Key, Boolean> armed) {
    public static final AlertBook EMPTY = new AlertBook(HashMap.empty());

    public record Key(ServiceRef service, Trigger trigger) {}

    /** The next book and the alerts that fired on the way to it. */
    public record Update(AlertBook book, List<Alert> fired) {}

    public Update read(Collection<Reading> readings) {
        Map<Key, Boolean> next = armed;
        List<Alert> fired = new ArrayList<>();
        for (Reading r : readings) {
            Key k = new Key(r.service(), r.trigger());
            Boolean was = armed.get(k).getOrNull();
            Boolean now = switch (r.condition()) {
                case FIRING -> {
                    if (Boolean.TRUE.equals(was)) {
                        fired.add(new Alert(r.service(), r.trigger(), r.detail()));
                    }
                    yield false;
                }
                case CLEAR -> true;
                case HOLDING -> was == null ? Boolean.TRUE : was;
            };
            if (!now.equals(was)) {
                next = next.put(k, now);
            }
        }
        return new Update(next == armed ? this : new AlertBook(next), List.copyOf(fired));
    }
}
