package ecstop.ui.widget;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.awt.Color;
import java.util.EnumSet;

/** Puts already-fitted text with explicit colours, so nothing inherits the previous call's attributes. */
public final class Pen {
    /**
     * Not a colour: as a background, the terminal's own two colours swapped (reverse video,
     * SGR 7), in bold. With colour off (NO_COLOR) it is what still shows the cursor and the
     * status bar: no colour of ours, only the user's palette turned around. Put as
     * a cell's default background with the reverse and bold attributes.
     */
    public static final TextColor REVERSE = new Reverse();

    private Pen() {}

    public static void put(TextGraphics g, int col, int row, String text, TextColor fg, TextColor bg, boolean bold) {
        boolean reverse = bg == REVERSE;
        TextColor back = reverse ? TextColor.ANSI.DEFAULT : bg;
        boolean strong = bold || reverse;
        if (CellCache.simple(text)) {
            com.googlecode.lanterna.TextCharacter[][] style = CellCache.style(fg, back, strong, reverse);
            for (int i = 0; i < text.length(); i++) {
                g.setCharacter(col + i, row, CellCache.cell(style, text.charAt(i), fg, back, strong, reverse));
            }
            return;
        }
        g.setForegroundColor(fg);
        g.setBackgroundColor(back);
        g.clearModifiers();
        if (strong) {
            g.enableModifiers(SGR.BOLD);
        }
        if (reverse) {
            g.enableModifiers(SGR.REVERSE);
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

    /** A cell's attributes: bold, reverse video, both or neither. */
    static EnumSet<SGR> modifiers(boolean bold, boolean reverse) {
        EnumSet<SGR> m = EnumSet.noneOf(SGR.class);
        if (bold) {
            m.add(SGR.BOLD);
        }
        if (reverse) {
            m.add(SGR.REVERSE);
        }
        return m;
    }

    /**
     * The marker behind {@link #REVERSE}. Should it ever reach Lanterna unconverted, it reads
     * as the terminal's default colour, like {@link TextColor.ANSI#DEFAULT}.
     */
    private static final class Reverse implements TextColor {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] getForegroundSGRSequence() { return TextColor.ANSI.DEFAULT.getForegroundSGRSequence(); }

        @Override
        public byte[] getBackgroundSGRSequence() { return TextColor.ANSI.DEFAULT.getBackgroundSGRSequence(); }

        @Override
        public int getRed() { return TextColor.ANSI.DEFAULT.getRed(); }

        @Override
        public int getGreen() { return TextColor.ANSI.DEFAULT.getGreen(); }

        @Override
        public int getBlue() { return TextColor.ANSI.DEFAULT.getBlue(); }

        @Override
        public Color toColor() { return TextColor.ANSI.DEFAULT.toColor(); }

        @Override
        public String toString() { return "REVERSE"; }
    }
}
