package ecstop.ui.action;

import static ecstop.ui.action.KeyBinding.ch;
import static ecstop.ui.action.KeyBinding.ctrl;
import static ecstop.ui.action.KeyBinding.special;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import ecstop.ui.state.CursorMoves;
import ecstop.ui.state.FilterSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one table of actions: key handling looks keys up here and the help overlay prints it,
 * so the two cannot drift apart. Adding a key is adding one {@link Action}.
 */
public final class Keymap {
    private final List<Action> actions;
    /** The loop's own keys (refresh, repaint, quiet, help, quit): the help ends with them, after the panes' keys. */
    private final List<Action> loop;

    private Keymap(List<Action> actions, List<Action> loop) {
        this.actions = List.copyOf(actions);
        this.loop = List.copyOf(loop);
    }

    public static Keymap standard(boolean ascii) {
        return new Keymap(List.of(
                Action.of("move up", (s, shown) -> CursorMoves.moveBy(s, -1, shown),
                        special(ascii ? "Up" : "↑", KeyType.ArrowUp), ch("k")),
                Action.of("move down", (s, shown) -> CursorMoves.moveBy(s, 1, shown),
                        special(ascii ? "Down" : "↓", KeyType.ArrowDown), ch("j")),
                Action.of("first row", CursorMoves::first, ch("g"), special("Home", KeyType.Home)),
                Action.of("last row", CursorMoves::last, ch("G"), special("End", KeyType.End)),
                Action.of("page up", CursorMoves::pageUp, special("PgUp", KeyType.PageUp)),
                Action.of("page down", CursorMoves::pageDown, special("PgDn", KeyType.PageDown)),
                Action.of("next pane", CursorMoves::nextPane, special("Tab", KeyType.Tab)),
                Action.of("previous pane", CursorMoves::prevPane, special("Shift-Tab", KeyType.ReverseTab)),
                Action.of("pick cluster / open service detail", CursorMoves::enter, special("Enter", KeyType.Enter)),
                Action.of("back: close help, filter, tasks, detail", (s, shown) -> s.back(), special("Esc", KeyType.Escape)),
                Action.of("filter services by name (Enter keeps, Esc clears)", (s, shown) -> FilterSteps.start(s), ch("/")),
                Action.of("cycle sort: peak, name, memory, trouble", (s, shown) -> s.cycleSort(), ch("s")),
                Action.of("only services with signals / all", (s, shown) -> s.toggleSignalsOnly(), ch("!")),
                Action.of("longer lookback", (s, shown) -> s.longer(), ch("+"), ch("=")),
                Action.of("shorter lookback", (s, shown) -> s.shorter(), ch("-")),
                Action.of("toggle maximum / average", (s, shown) -> s.toggleStat(), ch("a"))), List.of(
                Action.effect("refresh now", Action.Effect.REFRESH, ch("r"), ctrl('r')),
                Action.effect("repaint the screen", Action.Effect.REPAINT, ctrl('l')),
                Action.effect("silence alerts for an hour (m again: back on)", Action.Effect.QUIET, ch("m")),
                Action.of("show / hide this help", (s, shown) -> s.toggleHelp(), ch("?")),
                Action.effect("quit", Action.Effect.QUIT, ch("q"), ctrl('c'))));
    }

    /**
     * This keymap with more actions, listed after the standard steps and before the loop's own
     * keys: how a pane adds its own keys (the pane registry's keymap is built so).
     */
    public Keymap with(Action... more) {
        List<Action> all = new ArrayList<>(actions);
        all.addAll(List.of(more));
        return new Keymap(all, loop);
    }

    /** In the order the help lists them. */
    public List<Action> actions() {
        List<Action> all = new ArrayList<>(actions);
        all.addAll(loop);
        return all;
    }

    public Optional<Action> lookup(KeyStroke k) {
        for (Action a : actions()) {
            for (KeyBinding key : a.keys()) {
                if (key.matches(k)) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
