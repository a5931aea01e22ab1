package ecstop.ui.screenshot;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.Locale;

/**
 * The colours a screenshot paints a cell in, as 0xRRGGBB: reverse video swapped, and the
 * terminal's own default colours (which only a real terminal knows) replaced by a dark theme.
 */
final class CellColours {
    static final int DEFAULT_FG = 0xd0d0d0;
    static final int DEFAULT_BG = 0x1c1c1c;

    private CellColours() {}

    static int fg(TextCharacter ch) {
        return ch.isReversed() ? rgb(ch.getBackgroundColor(), DEFAULT_BG) : rgb(ch.getForegroundColor(), DEFAULT_FG);
    }

    static int bg(TextCharacter ch) {
        return ch.isReversed() ? rgb(ch.getForegroundColor(), DEFAULT_FG) : rgb(ch.getBackgroundColor(), DEFAULT_BG);
    }

    static int rgb(TextColor colour, int fallback) {
        if (colour == null || colour == TextColor.ANSI.DEFAULT) {
            return fallback;
        }
        return colour.getRed() << 16 | colour.getGreen() << 8 | colour.getBlue();
    }

    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }
}
