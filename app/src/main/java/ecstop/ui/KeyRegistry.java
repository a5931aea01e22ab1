package ecstop.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of keys: key handling looks keys up here and the help overlay prints it,
 * so the two cannot drift apart.
 */
public final class KeyRegistry {
    /** One key: how the help writes it, and the keystroke it matches. */
    public record Key(String label, KeyStroke stroke) {
        boolean matches(KeyStroke k) {
            if (k.getKeyType() != stroke.getKeyType()) {
                return false;
            }
            if (stroke.getKeyType() != KeyType.Character) {
                return true;
            }
            return k.getCharacter().equals(stroke.getCharacter()) && k.isCtrlDown() == stroke.isCtrlDown()
                    && !k.isAltDown();
        }
    }

    /** One line of the help: the keys and what they do. */
    public record Binding(Action action, List<Key> keys) {
        public String keysLabel() {
            return String.join(" ", keys.stream().map(Key::label).toList());
        }
    }

    private final List<Binding> bindings;

    private KeyRegistry(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    public static KeyRegistry standard(boolean ascii) {
        Map<Action, List<Key>> m = new LinkedHashMap<>();
        m.put(Action.UP, List.of(special(ascii ? "Up" : "↑", KeyType.ArrowUp), ch("k")));
        m.put(Action.DOWN, List.of(special(ascii ? "Down" : "↓", KeyType.ArrowDown), ch("j")));
        m.put(Action.FIRST, List.of(ch("g"), special("Home", KeyType.Home)));
        m.put(Action.LAST, List.of(ch("G"), special("End", KeyType.End)));
        m.put(Action.PAGE_UP, List.of(special("PgUp", KeyType.PageUp)));
        m.put(Action.PAGE_DOWN, List.of(special("PgDn", KeyType.PageDown)));
        m.put(Action.NEXT_PANE, List.of(special("Tab", KeyType.Tab)));
        m.put(Action.PREVIOUS_PANE, List.of(special("Shift-Tab", KeyType.ReverseTab)));
        m.put(Action.ENTER, List.of(special("Enter", KeyType.Enter)));
        m.put(Action.BACK, List.of(special("Esc", KeyType.Escape)));
        m.put(Action.FILTER, List.of(ch("/")));
        m.put(Action.SORT, List.of(ch("s")));
        m.put(Action.LONGER, List.of(ch("+"), ch("=")));
        m.put(Action.SHORTER, List.of(ch("-")));
        m.put(Action.STAT, List.of(ch("a")));
        m.put(Action.REFRESH, List.of(ch("r"), ctrl('r')));
        m.put(Action.REPAINT, List.of(ctrl('l')));
        m.put(Action.HELP, List.of(ch("?")));
        m.put(Action.QUIT, List.of(ch("q"), ctrl('c')));
        List<Binding> list = new ArrayList<>();
        m.forEach((a, keys) -> list.add(new Binding(a, keys)));
        return new KeyRegistry(list);
    }

    public List<Binding> bindings() { return bindings; }

    public Optional<Action> lookup(KeyStroke k) {
        for (Binding b : bindings) {
            for (Key key : b.keys()) {
                if (key.matches(k)) {
                    return Optional.of(b.action());
                }
            }
        }
        return Optional.empty();
    }

    private static Key ch(String c) {
        return new Key(c, new KeyStroke(c.charAt(0), false, false));
    }

    private static Key ctrl(char c) {
        return new Key("Ctrl-" + Character.toUpperCase(c), new KeyStroke(c, true, false));
    }

    private static Key special(String label, KeyType type) {
        return new Key(label, new KeyStroke(type));
    }
}
