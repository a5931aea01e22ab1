package ecstop.domain.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A service's markers in time order (stable for equal times), and the ←/→ cursor over them.
 * The cursor's resting place is "now", past the newest marker (no selection): ← moves to the
 * newest, → from the newest goes back to "now", and neither key wraps.
 */
public record Markers(List<Marker> inOrder) {
    public static final Markers NONE = new Markers(List.of());

    public Markers {
        List<Marker> sorted = new ArrayList<>(inOrder);
        sorted.sort(Comparator.comparing(Marker::time));
        inOrder = List.copyOf(sorted);
    }

    public static Markers of(Collection<Marker> markers) {
        return new Markers(List.copyOf(markers));
    }

    public int size() {
        return inOrder.size();
    }

    public boolean isEmpty() {
        return inOrder.isEmpty();
    }

    /** Those at or after {@code start} and before {@code end}. */
    public Markers within(Instant start, Instant end) {
        return new Markers(inOrder.stream().filter(m -> !m.time().isBefore(start) && m.time().isBefore(end)).toList());
    }

    /**
     * The selection after {@code delta} presses (negative for ←, positive for →), from
     * {@code selected} (empty for "now"). A selection out of range counts as "now".
     */
    public OptionalInt step(OptionalInt selected, int delta) {
        int n = inOrder.size();
        int from = selected.isPresent() && selected.getAsInt() >= 0 && selected.getAsInt() < n ? selected.getAsInt() : n;
        int to = Math.max(0, Math.min(n, from + delta));
        return to == n ? OptionalInt.empty() : OptionalInt.of(to);
    }

    public Optional<Marker> at(OptionalInt selected) {
        return selected.isPresent() && selected.getAsInt() >= 0 && selected.getAsInt() < inOrder.size()
                ? Optional.of(inOrder.get(selected.getAsInt())) : Optional.empty();
    }

    /** The newest change (not an incident) at or before {@code t} and not before {@code notBefore}. */
    public Optional<Marker> lastChangeBefore(Instant t, Instant notBefore) {
        return lastBefore(t, notBefore, MarkerKind::change);
    }

    /** The newest release (a deployment or a new revision) at or before {@code t} and not before {@code notBefore}. */
    public Optional<Marker> lastReleaseBefore(Instant t, Instant notBefore) {
        return lastBefore(t, notBefore, MarkerKind::release);
    }

    private Optional<Marker> lastBefore(Instant t, Instant notBefore, Predicate<MarkerKind> kind) {
        Marker found = null;
        for (Marker m : inOrder) {
            if (m.time().isAfter(t)) {
                break;
            }
            if (kind.test(m.kind()) && !m.time().isBefore(notBefore)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }
}
