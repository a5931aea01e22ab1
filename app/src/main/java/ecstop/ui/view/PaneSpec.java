package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.ReadKey;
import ecstop.ui.action.Action;
import ecstop.ui.present.Rect;
import ecstop.ui.present.Slot;
import ecstop.ui.state.Listing;
import ecstop.ui.state.Pane;
import ecstop.ui.state.State;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * One pane, described once: where it sits ({@code slot}), when it is on screen ({@code shows}),
 * how its model comes from the State and the rect it is given ({@code presenter}), how it draws
 * and finds the row under a click ({@code view}), how the keys move through it ({@code listing}:
 * the State and its rect's height give its rows and page), the keys it adds to the keymap, and
 * the reads of the scope it shows ({@code reads}: read at every refresh while it is on screen).
 * The registry's loops do the rest: layout, drawing, Tab order, moves, paging and the mouse.
 */
public record PaneSpec<M>(Pane pane, Slot slot, Predicate<State> shows, BiFunction<State, Rect, M> presenter,
                          PaneView<M> view, BiFunction<State, Integer, Listing.Rows> listing, List<Action> keys,
                          List<ReadKey<?>> reads) {
    public PaneSpec {
        keys = List.copyOf(keys);
        reads = List.copyOf(reads);
    }

    /** A pane that reads nothing beyond the bars and the open service. */
    public PaneSpec(Pane pane, Slot slot, Predicate<State> shows, BiFunction<State, Rect, M> presenter, PaneView<M> view,
                    BiFunction<State, Integer, Listing.Rows> listing, List<Action> keys) {
        this(pane, slot, shows, presenter, view, listing, keys, List.of());
    }

    /** The same pane, reading {@code more} of its scope at every refresh while it shows. */
    public PaneSpec<M> reading(ReadKey<?>... more) {
        return new PaneSpec<>(pane, slot, shows, presenter, view, listing, keys, List.of(more));
    }

    void draw(TextGraphics g, Rect r, State s, RenderContext c) {
        view.draw(g, r, presenter.apply(s, r), c);
    }

    OptionalInt rowAt(int x, int y) {
        return view.rowAt(x, y);
    }
}
