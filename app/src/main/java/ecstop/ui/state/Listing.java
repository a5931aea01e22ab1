package ecstop.ui.state;

import ecstop.domain.ServiceRef;
import java.util.List;
import java.util.Optional;

/**
 * What is on screen, as far as moving through it cares: the panes that take the focus, in Tab
 * order, and each one's list as shown. Moves are relative to what the user sees, so the steps
 * that move take one; the pane registry provides it, which keeps State free of any reference to
 * presentation and of any list of panes.
 */
public interface Listing {
    /** The panes shown that take the focus, in Tab order. */
    List<Pane> order();

    /** The list of {@code pane} as shown; empty when the pane is not on screen. */
    Optional<Rows> of(Pane pane);

    /** Rows a page key moves in {@code pane}. */
    default int pageRows(Pane pane) {
        return of(pane).map(Rows::pageRows).orElse(1);
    }

    /** One pane's list: its rows, where its cursor is and how it moves there, what Enter does on a row. */
    interface Rows {
        int size();

        /** The cursor's row, inside the list when it has rows. */
        int cursor();

        /** Rows a page key moves. */
        int pageRows();

        /** Where the user is with the cursor on {@code row} (0 ≤ row &lt; size). */
        Navigation to(Navigation nav, int row);

        /** The service on {@code row}, when the list is of services. */
        default Optional<ServiceRef> service(int row) { return Optional.empty(); }

        /** Enter on {@code row}. */
        default State enter(State s, int row) { return s; }

        /** A second click on the cursor's row does what Enter does (the picker: opens the cluster). */
        default boolean secondClickEnters() { return false; }
    }
}
