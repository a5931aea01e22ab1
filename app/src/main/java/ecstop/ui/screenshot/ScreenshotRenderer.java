package ecstop.ui.screenshot;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import java.util.List;
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
    private static final double LINE = 1.2;
    private static final double GAP = 0.5;

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
        out.append(String.format(Locale.ROOT, "<rect width=\"100%%\" height=\"100%%\" fill=\"%s\"/>%n",
                CellColours.hex(CellColours.DEFAULT_BG)));
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
            int bg = CellColours.bg(vt.getCharacter(c, row));
            int start = c;
            while (c < cols && CellColours.bg(vt.getCharacter(c, row)) == bg) {
                c++;
            }
            if (bg != CellColours.DEFAULT_BG) {
                rect(out, start * CELL_W, row * CELL_H, (c - start) * CELL_W, CELL_H, bg);
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
            char ch = first.getCharacterString().charAt(0);
            if (ch == ' ' || CellShapes.isShape(ch)) {
                c = shapes(vt, row, cols, c, out);
                continue;
            }
            int fg = CellColours.fg(first);
            boolean bold = first.isBold();
            int start = c;
            StringBuilder run = new StringBuilder();
            while (c < cols) {
                TextCharacter next = vt.getCharacter(c, row);
                char n = next.getCharacterString().charAt(0);
                if (CellColours.fg(next) != fg || next.isBold() != bold || n == ' ' || CellShapes.isShape(n)) {
                    break;
                }
                run.append(next.getCharacterString());
                c += next.isDoubleWidth() ? 2 : 1;
            }
            out.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\"%s textLength=\"%.1f\" lengthAdjust=\"spacingAndGlyphs\">%s</text>%n",
                    start * CELL_W, row * CELL_H + CELL_H * 0.78, CellColours.hex(fg), bold ? " class=\"b\"" : "",
                    (Math.min(c, cols) - start) * CELL_W, escape(run.toString())));
        }
    }

    /**
     * Draws the shape at {@code col} and returns the next column. A run of the same shape in
     * the same colour (a bar, a frame's edge, a flat stretch of sparkline) becomes one
     * rectangle when the shape spans its cell's width: a smaller file, and no seams.
     */
    private static int shapes(VirtualTerminal vt, int row, int cols, int col, StringBuilder out) {
        TextCharacter first = vt.getCharacter(col, row);
        char ch = first.getCharacterString().charAt(0);
        int fg = CellColours.fg(first);
        List<CellShapes.Part> parts = CellShapes.of(ch, CELL_W, CELL_H, LINE, GAP);
        int end = col + 1;
        if (parts.size() == 1 && parts.get(0).x() == 0 && parts.get(0).w() == CELL_W) {
            while (end < cols && vt.getCharacter(end, row).getCharacterString().charAt(0) == ch
                    && CellColours.fg(vt.getCharacter(end, row)) == fg) {
                end++;
            }
        }
        for (CellShapes.Part p : parts) {
            double w = end - col > 1 ? (end - col) * CELL_W : p.w();
            rect(out, col * CELL_W + p.x(), row * CELL_H + p.y(), w, p.h(), fg);
        }
        return end;
    }

    private static void rect(StringBuilder out, double x, double y, double w, double h, int fill) {
        out.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\"/>%n",
                x, y, w, h, CellColours.hex(fill)));
    }

    /** A colour as SVG writes it; the terminal's default colour is {@code fallback}. */
    static String hex(TextColor colour, String fallback) {
        return colour == null || colour == TextColor.ANSI.DEFAULT ? fallback : CellColours.hex(CellColours.rgb(colour, 0));
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
