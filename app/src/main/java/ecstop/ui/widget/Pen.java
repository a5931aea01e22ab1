package ecstop.ui.widget;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

/** Puts already-fitted text with explicit colours, so nothing inherits the previous call's attributes. */
public final class Pen {
    private Pen() {}

    public static void put(TextGraphics g, int col, int row, String text, TextColor fg, TextColor bg, boolean bold) {
        if (CellCache.simple(text)) {
            com.googlecode.lanterna.TextCharacter[][] style = CellCache.style(fg, bg, bold);
            for (int i = 0; i < text.length(); i++) {
                g.setCharacter(col + i, row, CellCache.cell(style, text.charAt(i), fg, bg, bold));
            }
            return;
        }
        g.setForegroundColor(fg);
        g.setBackgroundColor(bg);
        g.clearModifiers();
        if (bold) {
            g.enableModifiers(SGR.BOLD);
        }
        g.putString(col, row, text);
    }

    public static void put(TextGraphics g, int col, int row, String text, TextColor fg, TextColor bg) {
        put(g, col, row, text, fg, bg, false);
    }

    /** Blanks a rectangle with the background colour. */
    public static void clear(TextGraphics g, int col, int row, int width, int height, TextColor bg) {
        if (width <= 0 || height <= 0) {
            return;
        }
        String blank = " ".repeat(width);
        for (int r = 0; r < height; r++) {
            put(g, col, row + r, blank, TextColor.ANSI.DEFAULT, bg);
        }
    }
}
