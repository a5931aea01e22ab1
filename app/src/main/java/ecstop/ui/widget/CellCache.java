package ecstop.ui.widget;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ready-made cells for the characters the panes draw, one per character and style. Lanterna's
 * putString builds a new TextCharacter for every cell of every frame, checking each with a
 * BreakIterator; and every buffer a cell passes through (gui2's window image, the screen's back
 * buffer, the refresh) asks {@link TextCharacter#isDoubleWidth()}, which looks the character
 * up in Unicode's block table each time, about a dozen times per cell per frame: most of a
 * frame's cost. These cells know their answer. Thread-safe: cells are immutable, and a lost
 * race only builds one twice.
 */
final class CellCache {
    private static final byte UNKNOWN = 0;
    private static final byte SIMPLE = 1;
    private static final byte OTHER = 2;
    /** Per BMP character: one column wide, printable, no combining or control role. */
    private static final byte[] KIND = new byte[Character.MAX_VALUE + 1];
    /** Per style, pages of 256 characters, made as characters are first drawn. */
    private static final Map<Style, TextCharacter[][]> STYLES = new ConcurrentHashMap<>();

    private record Style(TextColor fg, TextColor bg, boolean bold, boolean reverse) {}

    private CellCache() {}

    /** True when every character of {@code text} is one simple cell, so it can be put cell by cell. */
    static boolean simple(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (kind(text.charAt(i)) != SIMPLE) {
                return false;
            }
        }
        return true;
    }

    /** The cells of one style, to look up once per string rather than once per character. */
    static TextCharacter[][] style(TextColor fg, TextColor bg, boolean bold, boolean reverse) {
        return STYLES.computeIfAbsent(new Style(fg, bg, bold, reverse), s -> new TextCharacter[256][]);
    }

    /** The cell for a {@link #simple} character among {@code pages}, the cells of the style fg, bg, bold, reverse. */
    static TextCharacter cell(TextCharacter[][] pages, char c, TextColor fg, TextColor bg, boolean bold,
                              boolean reverse) {
        TextCharacter[] page = pages[c >>> 8];
        if (page == null) {
            page = new TextCharacter[256];
            pages[c >>> 8] = page;
        }
        TextCharacter cell = page[c & 0xff];
        if (cell == null) {
            cell = new SingleWidth(c, fg, bg, Pen.modifiers(bold, reverse));
            page[c & 0xff] = cell;
        }
        return cell;
    }

    /**
     * A cell already known to be one column wide. Lanterna's equals compares classes, so these
     * never equal its own cells of the same look: at worst a cell is rewritten once more.
     */
    private static final class SingleWidth extends TextCharacter {
        SingleWidth(char c, TextColor fg, TextColor bg, EnumSet<SGR> modifiers) {
            super(c, fg, bg, modifiers);
        }

        @Override
        public boolean isDoubleWidth() {
            return false;
        }
    }

    private static byte kind(char c) {
        byte k = KIND[c];
        if (k == UNKNOWN) {
            k = classify(c);
            KIND[c] = k;
        }
        return k;
    }

    private static byte classify(char c) {
        if (c < ' ' || Character.isSurrogate(c) || TerminalTextUtils.isControlCharacter(c)
                || TerminalTextUtils.isCharDoubleWidth(c)) {
            return OTHER;
        }
        return switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.FORMAT, Character.CONTROL, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> OTHER;
            default -> new TextCharacter(c, TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, EnumSet.noneOf(SGR.class))
                    .isDoubleWidth() ? OTHER : SIMPLE;
        };
    }
}
