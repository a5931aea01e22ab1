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
    /** What a character does when no action takes it: in filter mode, typed into the filter. */
    private final Optional<Typing> typing;

    /** Any character typed, with the step it takes. */
    private record Typing(KeyBinding key, String help, Action.Typed step) {}

    private Keymap(List<Action> actions, List<Action> loop, Optional<Typing> typing) {
        this.actions = List.copyOf(actions);
        this.loop = List.copyOf(loop);
        this.typing = typing;
    }

    private Keymap(List<Action> actions, List<Action> loop) {
        this(actions, loop, Optional.empty());
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
        return new Keymap(all, loop, typing);
    }

    /**
     * Filter mode, while a filter is typed: every character goes into it, Backspace erases one,
     * Enter keeps the filter and goes back to moving; every other key of this keymap (the arrows,
     * Tab, Esc that clears the filter, the Ctrl keys) does what it does outside it.
     */
    public Keymap filtering() {
        List<Action> own = new ArrayList<>(List.of(
                Action.of("erase the filter's last character", (s, shown) -> FilterSteps.erase(s),
                        special("Backspace", KeyType.Backspace)),
                Action.of("keep the filter, back to moving", (s, shown) -> FilterSteps.keep(s), special("Enter", KeyType.Enter))));
        actions.stream().map(Action::withoutTyping).flatMap(Optional::stream)
                .filter(a -> a.keys().stream().noneMatch(k -> own.stream().anyMatch(o -> o.keys().get(0).matches(k.stroke()))))
                .forEach(own::add);
        return new Keymap(own, loop.stream().map(Action::withoutTyping).flatMap(Optional::stream).toList(),
                Optional.of(new Typing(KeyBinding.anyCharacter("a character"), "type it into the filter", FilterSteps::type)));
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
        return typing.filter(t -> t.key().matches(k))
                .map(t -> Action.of(t.help(), (s, shown) -> t.step().apply(s, k.getCharacter()), t.key()));
    }
}
