package ecstop.ui.action;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** One key: how the help writes it, and the keystroke it matches ({@code null}: any character, as typing takes it). */
public record KeyBinding(String label, KeyStroke stroke) {
    boolean matches(KeyStroke k) {
        if (stroke == null) {
            return k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown();
        }
        if (k.getKeyType() != stroke.getKeyType()) {
            return false;
        }
        if (stroke.getKeyType() != KeyType.Character) {
            return true;
        }
        return k.getCharacter().equals(stroke.getCharacter()) && k.isCtrlDown() == stroke.isCtrlDown() && !k.isAltDown();
    }

    /** A key that types a character: no use while a filter is typed, which takes every character. */
    boolean types() {
        return stroke == null || stroke.getKeyType() == KeyType.Character && !stroke.isCtrlDown();
    }

    public static KeyBinding anyCharacter(String label) {
        return new KeyBinding(label, null);
    }

    public static KeyBinding ch(String c) {
        return new KeyBinding(c, new KeyStroke(c.charAt(0), false, false));
    }

    public static KeyBinding ctrl(char c) {
        return new KeyBinding("Ctrl-" + Character.toUpperCase(c), new KeyStroke(c, true, false));
    }

    public static KeyBinding special(String label, KeyType type) {
        return new KeyBinding(label, new KeyStroke(type));
    }
}
