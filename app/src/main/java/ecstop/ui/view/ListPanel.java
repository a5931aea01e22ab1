package ecstop.ui.view;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.ui.present.Rect;
import ecstop.ui.widget.BarCell;
import ecstop.ui.widget.Box;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.ScrollList;
import ecstop.ui.widget.Sparkline;
import ecstop.ui.widget.Text;
import java.util.List;
import java.util.Optional;

/**
 * The one list panel every pane is: a box with a title and a note, lines above the list, an
 * optional header row, and the rows laid out by a column model, scrolled to keep the cursor
 * in view (or from a given row). Every cell of the box is painted exactly once per frame:
 * with Lanterna each cell written costs, so rows paint their full width and only the space
 * below them is blanked. Keeps the scroll position between frames, so one per pane.
 */
public final class ListPanel<R> {
    /** A line above the list; {@code dim} for what is not known yet; {@code fg}, when set, its own colour. */
    public record Line(String text, boolean dim, Optional<TextColor> fg, boolean bold) {
        public Line(String text, boolean dim) {
            this(text, dim, Optional.empty(), false);
        }
    }

    /** The frame around the list. */
    public record Chrome(String title, String note, boolean focused, List<Line> above) {
        public Chrome(String title, String note, boolean focused) {
            this(title, note, focused, List.of());
        }
    }

    /** What is inside: one dim message, or rows. */
    public sealed interface Body<R> {}

    public record Message<R>(String text) implements Body<R> {}

    /**
     * Rows under a column model. {@code indent}: blank columns before the first one.
     * {@code cursor} &lt; 0: no cursor, the list starts at {@code first}.
     */
    public record Rows<R>(List<Column<R>> columns, boolean header, int indent, List<R> rows, int cursor, int first)
            implements Body<R> {
        public static <R> Rows<R> withCursor(List<Column<R>> columns, List<R> rows, int cursor) {
            return new Rows<>(columns, false, 0, rows, cursor, 0);
        }
    }

    private final ScrollList scroll = new ScrollList();
    /** Where the last frame put the rows, for the mouse: screen row of the first, its index, how many. */
    private int rowsY = -1;
    private int firstShown;
    private int shownCount;
    private Rect drawnIn;

    /** The index of the row the last frame drew at screen row {@code y} inside this panel, if any. */
    public java.util.OptionalInt rowAt(int x, int y) {
        if (drawnIn == null || x <= drawnIn.col() || x >= drawnIn.col() + drawnIn.width() - 1
                || rowsY < 0 || y < rowsY || y >= rowsY + shownCount) {
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of(firstShown + y - rowsY);
    }

    public void draw(TextGraphics g, Rect r, Chrome chrome, Body<R> body, RenderContext c) {
        Palette p = c.palette();
        Glyphs gl = c.glyphs();
        drawnIn = r;
        rowsY = -1;
        TextColor frame = chrome.focused() ? p.accent() : p.text();
        Box.draw(g, r.col(), r.row(), r.width(), r.height(), chrome.title(), chrome.note(), frame, frame, chrome.focused(), gl);
        int inner = r.width() - 2;
        int height = r.height() - 2;
        int x = r.col() + 1;
        int y = r.row() + 1;
        if (height <= 0 || inner <= 0) {
            return;
        }
        int above = Math.min(height, chrome.above().size());
        for (int i = 0; i < above; i++) {
            Line line = chrome.above().get(i);
            putLine(g, x, y + i, inner, line.text(), line.fg().orElse(line.dim() ? p.dim() : p.text()), line.bold(), c);
        }
        int top = y + above;
        int left = height - above;
        if (body instanceof Rows<R> rows && left > (rows.header() ? 1 : 0)) {
            drawRows(g, x, top, inner, left, rows, chrome.focused(), c);
        } else {
            String message = body instanceof Message<R> m ? m.text() : "";
            if (left > 0) {
                putLine(g, x, top, inner, message, p.dim(), false, c);
            }
            Pen.clear(g, x, top + 1, inner, left - 1, p.background());
        }
    }

    /** A line of text one column in from the edge, the rest of the row blank. */
    private static void putLine(TextGraphics g, int x, int y, int inner, String text, TextColor fg, boolean bold,
                                RenderContext c) {
        String shown = " " + Text.fit(text, inner - 1, c.glyphs().ellipsis());
        Pen.put(g, x, y, Text.pad(shown, inner, ""), fg, c.palette().background(), bold);
    }

    private void drawRows(TextGraphics g, int x, int y, int inner, int height, Rows<R> body, boolean focused,
                          RenderContext c) {
        Palette p = c.palette();
        int width = inner - body.indent();
        int[] widths = Widths.allocate(body.columns(), width);
        if (body.header()) {
            StringBuilder h = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                Column<R> col = body.columns().get(i);
                if (widths[i] > 0) {
                    h.append(" ".repeat(col.gap())).append(aligned(col.header(), widths[i],
                            col.cell() instanceof Column.TextCell<R> t ? t.align() : Column.Align.LEFT, ""));
                }
            }
            Pen.put(g, x, y, Text.pad(" ".repeat(body.indent()) + Text.fit(h.toString(), width, c.glyphs().ellipsis()),
                    inner, ""), p.accent(), p.background(), true);
            y++;
            height--;
        }
        List<R> rows = body.rows();
        int top = body.cursor() >= 0
                ? scroll.top(rows.size(), body.cursor(), height)
                : Math.max(0, Math.min(body.first(), rows.size() - height));
        int end = Math.min(rows.size(), top + height);
        rowsY = y;
        firstShown = top;
        shownCount = end - top;
        for (int i = top; i < end; i++) {
            boolean selected = i == body.cursor();
            drawRow(g, x, y + i - top, inner, body, widths, rows.get(i),
                    new Column.RowMark(selected, selected && focused), c);
        }
        Pen.clear(g, x, y + end - top, inner, height - (end - top), p.background());
    }

    private static <R> void drawRow(TextGraphics g, int x, int y, int inner, Rows<R> body, int[] widths, R row,
                                    Column.RowMark mark, RenderContext c) {
        Palette p = c.palette();
        TextColor bg = mark.highlighted() ? p.selectionBg() : p.background();
        int end = x + inner;
        int cx = x;
        if (body.indent() > 0) {
            Pen.put(g, cx, y, " ".repeat(body.indent()), p.text(), bg);
            cx += body.indent();
        }
        for (int i = 0; i < widths.length; i++) {
            Column<R> col = body.columns().get(i);
            int w = widths[i];
            if (w <= 0 || cx + col.gap() + w > end) {
                continue;
            }
            if (col.gap() > 0) {
                Pen.put(g, cx, y, " ".repeat(col.gap()), p.text(), bg);
                cx += col.gap();
            }
            drawCell(g, cx, y, w, col.cell(), row, mark, bg, c);
            cx += w;
        }
        if (cx < end) {
            Pen.put(g, cx, y, " ".repeat(end - cx), p.text(), bg);
        }
    }

    private static <R> void drawCell(TextGraphics g, int x, int y, int w, Column.Cell<R> cell, R row,
                                     Column.RowMark mark, TextColor bg, RenderContext c) {
        if (cell instanceof Column.TextCell<R> t) {
            Column.Style s = t.ink().of(row, mark);
            Pen.put(g, x, y, aligned(t.text().of(row, mark), w, t.align(), c.glyphs().ellipsis()), s.fg(), bg, s.bold());
        } else if (cell instanceof Column.GaugeCell<R> b) {
            BarCell.draw(g, x, y, w, b.value().apply(row), b.ink().of(row, mark).fg(), bg, c.glyphs());
        } else if (cell instanceof Column.SparkCell<R> s) {
            Sparkline.draw(g, x, y, w, s.series().apply(row), s.ink().of(row, mark).fg(), bg, c.glyphs());
        } else if (cell instanceof Column.MarksCell<R> m) {
            List<Column.Mark> marks = m.marks().apply(row);
            for (int i = 0; i < w; i++) {
                Column.Mark one = i < marks.size() ? marks.get(i) : null;
                Pen.put(g, x + i, y, one == null ? " " : String.valueOf(one.glyph()),
                        one == null ? c.palette().text() : one.style().fg(), bg, one != null && one.style().bold());
            }
        }
    }

    private static String aligned(String text, int w, Column.Align align, String ellipsis) {
        return align == Column.Align.RIGHT ? Text.padLeft(text, w, ellipsis) : Text.pad(text, w, ellipsis);
    }
}
