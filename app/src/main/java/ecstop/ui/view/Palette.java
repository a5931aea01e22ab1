package ecstop.ui.view;

import com.googlecode.lanterna.TextColor;
import ecstop.domain.Level;
import ecstop.config.ColourMode;
import ecstop.domain.signal.Severity;
import ecstop.ui.widget.Pen;

/**
 * The colours by role, in the richest form the terminal takes. 16-colour terminals get the
 * ANSI names, which the user's own theme maps; 256 and true colour get fixed shades.
 * There is no dim attribute in Lanterna, so "no data" is grey. With colour off every role is
 * the terminal's default, and the highlights are {@link Pen#REVERSE}.
 */
public record Palette(
        TextColor hot,
        TextColor warn,
        TextColor ok,
        TextColor dim,
        TextColor accent,
        TextColor selectionFg,
        TextColor selectionBg,
        TextColor statusFg,
        TextColor statusBg,
        TextColor errorFg,
        TextColor errorBg) {

    private static final TextColor DEFAULT = TextColor.ANSI.DEFAULT;

    public static Palette of(ColourMode mode) {
        return switch (mode) {
            case TRUECOLOR -> new Palette(
                    new TextColor.RGB(235, 64, 52), new TextColor.RGB(255, 176, 0), new TextColor.RGB(80, 180, 90),
                    new TextColor.RGB(128, 128, 128), new TextColor.RGB(90, 170, 255),
                    new TextColor.RGB(255, 255, 255), new TextColor.RGB(40, 70, 120),
                    new TextColor.RGB(220, 220, 220), new TextColor.RGB(48, 48, 48),
                    new TextColor.RGB(255, 255, 255), new TextColor.RGB(170, 30, 30));
            case C256 -> new Palette(
                    new TextColor.Indexed(196), new TextColor.Indexed(214), new TextColor.Indexed(71),
                    new TextColor.Indexed(244), new TextColor.Indexed(75),
                    new TextColor.Indexed(231), new TextColor.Indexed(24),
                    new TextColor.Indexed(252), new TextColor.Indexed(236),
                    new TextColor.Indexed(231), new TextColor.Indexed(124));
            case C16, AUTO -> new Palette(
                    TextColor.ANSI.RED, TextColor.ANSI.YELLOW, TextColor.ANSI.GREEN,
                    TextColor.ANSI.BLACK_BRIGHT, TextColor.ANSI.CYAN,
                    TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLUE,
                    TextColor.ANSI.BLACK, TextColor.ANSI.WHITE,
                    TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.RED);
            // NO_COLOR: no hue carries meaning, and none is sent; the cursor and the status bar
            // stand out in reverse video and bold, the terminal's own colours turned around, so
            // the user can still see where they are.
            case NONE -> new Palette(
                    DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT,
                    DEFAULT, Pen.REVERSE,
                    DEFAULT, Pen.REVERSE,
                    DEFAULT, Pen.REVERSE);
        };
    }

    public TextColor level(Level level) {
        return switch (level) {
            case HOT -> hot;
            case WARN -> warn;
            case OK -> ok;
            case NONE -> dim;
        };
    }

    /** A signal: red when it needs someone, amber when it may, grey when it has passed or is expected. */
    public TextColor severity(Severity s) {
        return switch (s) {
            case CRIT -> hot;
            case WARN -> warn;
            case INFO -> dim;
        };
    }

    public TextColor text() { return DEFAULT; }

    public TextColor background() { return DEFAULT; }
}
