package ecstop.ui.state;

import ecstop.domain.ServiceRef;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The steps that move the focus and the cursors through what is on screen (keys, clicks, the
 * wheel), and the service under the cursor they leave. Each takes the {@link Listing} as shown,
 * since moves are relative to what the user sees; each returns a new State.
 */
public final class CursorMoves {
    private CursorMoves() {}

    /** The cursor of the focused pane moves {@code delta} rows, inside its list. */
    public static State moveBy(State s, int delta, Listing shown) {
        return shown.of(s.nav().focus()).filter(r -> r.size() > 0)
                .map(r -> s.with(r.to(s.nav(), clamp(r.cursor() + (long) delta, r.size())))).orElse(s);
    }

    public static State first(State s, Listing shown) { return moveBy(s, Integer.MIN_VALUE / 2, shown); }

    public static State last(State s, Listing shown) { return moveBy(s, Integer.MAX_VALUE / 2, shown); }

    public static State pageUp(State s, Listing shown) { return moveBy(s, -shown.pageRows(s.nav().focus()), shown); }

    public static State pageDown(State s, Listing shown) { return moveBy(s, shown.pageRows(s.nav().focus()), shown); }

    public static State nextPane(State s, Listing shown) { return stepPane(s, 1, shown); }

    public static State prevPane(State s, Listing shown) { return stepPane(s, -1, shown); }

    private static State stepPane(State from, int step, Listing shown) {
        List<Pane> order = shown.order();
        if (order.isEmpty()) {
            return from;
        }
        int i = Math.max(0, order.indexOf(from.nav().focus()));
        State s = from.with(from.nav().withFocus(order.get(Math.floorMod(i + step, order.size()))));
        // pins the cursor row by identity, so switching panels does not make it jump
        return shown.of(s.nav().focus()).filter(r -> r.size() > 0).map(r -> s.with(r.to(s.nav(), r.cursor()))).orElse(s);
    }

    /** Enter: what the focused pane does with the row under its cursor (pick the cluster, open the service's detail). */
    public static State enter(State s, Listing shown) {
        return shown.of(s.nav().focus()).filter(r -> r.size() > 0).map(r -> r.enter(s, r.cursor())).orElse(s);
    }

    /**
     * A click: the pane under the pointer takes the focus and, on a row, its cursor goes
     * there (a cluster row is not opened: Enter or a second click on it does that).
     */
    public static State pointAt(State from, Pane pane, OptionalInt row, Listing shown) {
        boolean again = pane.equals(from.nav().focus());
        State s = from.with(from.nav().withFocus(pane));
        if (row.isEmpty()) {
            return s;
        }
        int at = row.getAsInt();
        return shown.of(pane).filter(r -> at < r.size())
                .map(r -> again && r.secondClickEnters() && at == r.cursor() ? r.enter(s, at) : s.with(r.to(s.nav(), at)))
                .orElse(s);
    }

    /** The wheel over a pane: it takes the focus and its cursor moves {@code delta} rows. */
    public static State scrollIn(State s, Pane pane, int delta, Listing shown) {
        return moveBy(s.with(s.nav().withFocus(pane)), delta, shown);
    }

    /**
     * The service under the cursor of the focused pane; when that pane lists no services, under
     * the cursor of the first that does (the bars, or the right-sizing table).
     */
    public static Optional<ServiceRef> selectedService(State s, Listing shown) {
        return Stream.concat(Stream.of(s.nav().focus()), shown.order().stream())
                .map(p -> underCursor(p, shown)).flatMap(Optional::stream).findFirst();
    }

    static Optional<ServiceRef> underCursor(Pane pane, Listing shown) {
        return shown.of(pane).filter(r -> r.size() > 0).flatMap(r -> r.service(r.cursor()));
    }

    private static int clamp(long i, int size) {
        return (int) Math.max(0, Math.min(size - 1L, i));
    }
}
