package ecstop.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import java.util.Locale;

/**
 * A virtual terminal's cells as SVG: a monospace grid with each cell's foreground and
 * background colour and boldness, for the README's screenshots. Runs of cells that share
 * their attributes become one {@code <text>} stretched to exactly their cells' width, so
 * the grid holds whatever font the viewer has.
 */
public final class ScreenshotRenderer {
    static final double CELL_W = 8.4;
    static final double CELL_H = 17;
    static final String DEFAULT_FG = "#d0d0d0";
    static final String DEFAULT_BG = "#1c1c1c";

    private ScreenshotRenderer() {}

    public static String svg(VirtualTerminal vt) {
        TerminalSize size = vt.getTerminalSize();
        int cols = size.getColumns();
        int rows = size.getRows();
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xml:space=\"preserve\" width=\"%.1f\" height=\"%.1f\" viewBox=\"0 0 %.1f %.1f\">%n",
                cols * CELL_W, rows * CELL_H, cols * CELL_W, rows * CELL_H));
        out.append("<style>text{font-family:'DejaVu Sans Mono','Menlo','Consolas',monospace;font-size:14px;"
                + "white-space:pre}.b{font-weight:bold}rect{shape-rendering:crispEdges}</style>\n");
        out.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>%n", DEFAULT_BG));
        for (int r = 0; r < rows; r++) {
            backgrounds(vt, r, cols, out);
        }
        for (int r = 0; r < rows; r++) {
            texts(vt, r, cols, out);
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static void backgrounds(VirtualTerminal vt, int row, int cols, StringBuilder out) {
        int c = 0;
        while (c < cols) {
            String bg = bg(vt.getCharacter(c, row));
            int start = c;
            while (c < cols && bg(vt.getCharacter(c, row)).equals(bg)) {
                c++;
            }
            if (!bg.equals(DEFAULT_BG)) {
                out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                        start * CELL_W, row * CELL_H, (c - start) * CELL_W, CELL_H, bg));
            }
        }
    }

    /**
     * Text in runs of cells with the same colour and weight, broken at blanks; block and box
     * characters are drawn as shapes, so bars and frames join up whatever the viewer's font.
     */
    private static void texts(VirtualTerminal vt, int row, int cols, StringBuilder out) {
        int c = 0;
        while (c < cols) {
            TextCharacter first = vt.getCharacter(c, row);
            if (shape(first.getCharacterString().charAt(0), c, row, fg(first), out) || first.getCharacterString().charAt(0) == ' ') {
                c++;
                continue;
            }
            String fg = fg(first);
            boolean bold = first.isBold();
            int start = c;
            StringBuilder run = new StringBuilder();
            while (c < cols) {
                TextCharacter ch = vt.getCharacter(c, row);
                if (!fg(ch).equals(fg) || ch.isBold() != bold || ch.getCharacterString().charAt(0) == ' ' || isShape(ch.getCharacterString().charAt(0))) {
                    break;
                }
                run.append(ch.getCharacterString());
                c += ch.isDoubleWidth() ? 2 : 1;
            }
            out.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\"%s textLength=\"%.1f\" lengthAdjust=\"spacingAndGlyphs\">%s</text>%n",
                    start * CELL_W, row * CELL_H + CELL_H * 0.78, fg, bold ? " class=\"b\"" : "",
                    (Math.min(c, cols) - start) * CELL_W, escape(run.toString())));
        }
    }

    private static boolean isShape(char ch) {
        return (ch >= '\u2581' && ch <= '\u258F') || "─│┌┐└┘".indexOf(ch) >= 0;
    }

    /** Draws a block or box character as rectangles; false when {@code ch} is not one. */
    private static boolean shape(char ch, int col, int row, String fg, StringBuilder out) {
        double x = col * CELL_W;
        double y = row * CELL_H;
        double midX = x + CELL_W / 2;
        double midY = y + CELL_H / 2;
        double t = 1.2;
        if (ch >= '\u2588' && ch <= '\u258F') {
            // █ ▉ ▊ ▋ ▌ ▍ ▎ ▏: left-aligned eighths
            rect(out, x, y, CELL_W * (8 - (ch - '\u2588')) / 8.0, CELL_H, fg);
        } else if (ch >= '\u2581' && ch <= '\u2587') {
            // ▁ ▂ ▃ ▄ ▅ ▆ ▇: bottom-aligned eighths
            double h = CELL_H * (ch - '\u2580') / 8.0;
            rect(out, x, y + CELL_H - h, CELL_W, h, fg);
        } else if (ch == '─') {
            rect(out, x, midY - t / 2, CELL_W, t, fg);
        } else if (ch == '│') {
            rect(out, midX - t / 2, y, t, CELL_H, fg);
        } else if (ch == '┌' || ch == '┐' || ch == '└' || ch == '┘') {
            boolean right = ch == '┌' || ch == '└';
            boolean down = ch == '┌' || ch == '┐';
            rect(out, right ? midX - t / 2 : x, midY - t / 2, CELL_W / 2 + t / 2, t, fg);
            rect(out, midX - t / 2, down ? midY - t / 2 : y, t, CELL_H / 2 + t / 2, fg);
        } else {
            return false;
        }
        return true;
    }

    private static void rect(StringBuilder out, double x, double y, double w, double h, String fill) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>%n",
                x, y, w, h, fill));
    }

    private static String fg(TextCharacter ch) {
        return ch.isReversed() ? hex(ch.getBackgroundColor(), DEFAULT_BG) : hex(ch.getForegroundColor(), DEFAULT_FG);
    }

    private static String bg(TextCharacter ch) {
        return ch.isReversed() ? hex(ch.getForegroundColor(), DEFAULT_FG) : hex(ch.getBackgroundColor(), DEFAULT_BG);
    }

    static String hex(TextColor colour, String fallback) {
        if (colour == null || colour == TextColor.ANSI.DEFAULT) {
            return fallback;
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (ch < 0x20) {
                        b.append('?');
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
