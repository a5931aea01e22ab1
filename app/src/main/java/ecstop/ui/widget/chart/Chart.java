package ecstop.ui.widget.chart;

import ecstop.domain.Thresholds;
import ecstop.domain.timeline.Buckets;
import ecstop.domain.timeline.ClockText;
import ecstop.domain.timeline.Marker;
import ecstop.domain.timeline.MarkerKind;
import ecstop.ui.widget.Glyphs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Draws a {@link ChartSpec} into a {@link ChartGrid} of {@code width × height} cells, with no
 * terminal in sight: the detail's chart section paints the grid, {@code --once} prints it.
 *
 * <pre>
 * 100%┤      ⣀⡠⠔⠒⠉⠉⠒⠒⠒⠒⠤⠤   plot: the lines, the warn and hot lines, a line up from each change
 *     │   ⢀⠔⠁
 *   0%┤⣀⠤⠊               y axis: round labels with a blank row between
 *     └──┬──⟳───┬────↯──    time axis: ticks and the markers' glyphs
 *      12:00   18:00        local times, centred on their ticks
 *   ⟳ deploy  ↯ OOM kill    legend, or the selected marker's time and text
 * </pre>
 *
 * Below 6 rows the legend goes, below 4 the time axis, below 8 plot columns the y axis. A
 * bucket without data is left empty, never drawn as 0; a value of 0 still shows (the lowest
 * dot, or one eighth), so the two never look alike. Series 0 is drawn over the others.
 */
public final class Chart {
    private static final int[][] BRAILLE_BITS = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};
    /** One to seven eighths, as {@code Bars}' sparkline draws them. */
    private static final String EIGHTHS = " ▁▂▃▄▅▆▇";
    private static final char FULL = '█';
    private static final String ASCII_FILL = "#o*x";
    private static final char ASCII_DIM = '.';
    private static final char ASCII_LOW = '_';

    private Chart() {}

    public static ChartGrid render(ChartSpec spec, int width, int height) {
        ChartGrid g = new ChartGrid(width, height);
        if (g.width() == 0 || g.height() == 0) {
            return g;
        }
        Glyphs gl = Glyphs.of(spec.mode().ascii());
        boolean axes = height >= 4;
        boolean legend = height >= 6 && (spec.series().size() > 1 || !spec.markers().isEmpty());
        int plotH = height - (axes ? 2 : 0) - (legend ? 1 : 0);
        List<YAxis.Tick> yTicks = YAxis.ticks(spec.y(), plotH);
        int labelW = yTicks.stream().mapToInt(t -> t.label().length()).max().orElse(0);
        int left = width - (labelW + 1) >= 8 ? labelW + 1 : 0;
        int plotW = width - left;
        g.plot(left, plotW, plotH);

        List<Placed> markers = place(spec, plotW);
        int[] clipped = new int[Math.max(0, plotW)];
        Arrays.fill(clipped, Integer.MAX_VALUE);
        if (spec.mode() == GlyphMode.BRAILLE) {
            braille(g, spec, left, plotW, plotH, clipped);
        } else {
            blocks(g, spec, left, plotW, plotH, clipped);
        }
        for (int c = 0; c < plotW; c++) {
            if (clipped[c] != Integer.MAX_VALUE && plotH > 0) {
                g.set(left + c, 0, gl.up().charAt(0), Ink.clip(clipped[c]));
            }
        }
        for (Placed p : markers) {
            if (p.selected || p.kind.change()) {
                for (int r = 0; r < plotH; r++) {
                    if (g.blank(left + p.column, r)) {
                        g.set(left + p.column, r, spec.mode().ascii() ? ':' : '╎', p.selected ? Ink.selected(p.kind) : Ink.line(p.kind));
                    }
                }
            }
        }
        spec.thresholds().ifPresent(t -> thresholds(g, spec, t, left, plotW, plotH));
        if (left > 0) {
            yAxis(g, yTicks, gl, left, plotH);
        }
        if (axes) {
            timeAxis(g, spec, gl, markers, left, plotW, plotH);
        }
        if (legend) {
            legend(g, spec, height - 1);
        }
        return g;
    }

    /** A marker's column and what shows there: the selected one, else the highest rank. */
    private record Placed(int column, MarkerKind kind, boolean selected) {}

    private static List<Placed> place(ChartSpec spec, int plotW) {
        Placed[] at = new Placed[Math.max(0, plotW)];
        List<Marker> all = spec.markers().inOrder();
        for (int i = 0; i < all.size(); i++) {
            Marker m = all.get(i);
            if (m.time().isBefore(spec.start()) || !m.time().isBefore(spec.end())) {
                continue;
            }
            int c = TimeAxis.column(m.time(), spec.start(), spec.end(), plotW);
            boolean selected = spec.selected().isPresent() && spec.selected().getAsInt() == i;
            Placed here = at[c];
            if (here == null || selected || (!here.selected && m.kind().rank() > here.kind.rank())) {
                at[c] = new Placed(c, m.kind(), selected);
            }
        }
        List<Placed> out = new ArrayList<>();
        for (Placed p : at) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /** Each line at 2×4 dots a cell, joined column to column; notes the lowest line clipped in each column. */
    private static void braille(ChartGrid g, ChartSpec spec, int left, int plotW, int plotH, int[] clipped) {
        int dotW = plotW * 2;
        int dotH = plotH * 4;
        int n = spec.series().size();
        int[][] bits = new int[n][Math.max(0, plotW * plotH)];
        for (int s = 0; s < n; s++) {
            ChartSeries cs = spec.series().get(s);
            double[] v = Buckets.of(cs.series(), cs.period(), spec.start(), spec.end(), dotW, cs.stat());
            int prev = -1;
            for (int x = 0; x < dotW; x++) {
                if (Double.isNaN(v[x])) {
                    prev = -1;
                    continue;
                }
                int r = Math.max(0, Math.min(dotH - 1, (int) Math.floor(spec.y().fraction(v[x]) * dotH)));
                if (v[x] > spec.y().max() && !cs.dim()) {
                    clipped[x / 2] = Math.min(clipped[x / 2], s);
                }
                dot(bits[s], x, r, plotW, dotH);
                if (prev >= 0) {
                    for (int rr = Math.min(prev, r) + 1; rr < Math.max(prev, r); rr++) {
                        dot(bits[s], x, rr, plotW, dotH);
                    }
                }
                prev = r;
            }
        }
        for (int cell = 0; cell < plotW * plotH; cell++) {
            int owner = -1;
            int union = 0;
            for (boolean dim : new boolean[] {false, true}) {
                for (int s = 0; s < n && owner < 0; s++) {
                    if (spec.series().get(s).dim() == dim && bits[s][cell] != 0) {
                        owner = s;
                    }
                }
                if (owner >= 0) {
                    for (int s = 0; s < n; s++) {
                        if (spec.series().get(s).dim() == dim) {
                            union |= bits[s][cell];
                        }
                    }
                    g.set(left + cell % plotW, cell / plotW, (char) (0x2800 | union), Ink.series(owner, dim));
                    break;
                }
            }
        }
    }

    private static void dot(int[] bits, int x, int fromBottom, int plotW, int dotH) {
        int fromTop = dotH - 1 - fromBottom;
        bits[(fromTop / 4) * plotW + x / 2] |= BRAILLE_BITS[x % 2][fromTop % 4];
    }

    /**
     * Each line as a column of blocks in eighths (or ASCII): each cell goes to the lowest line
     * that reaches it, so a lower average shows under its maximum. A dimmed line shows only its
     * top, and only where no other line is. Notes the lowest line clipped in each column.
     */
    private static void blocks(ChartGrid g, ChartSpec spec, int left, int plotW, int plotH, int[] clipped) {
        boolean ascii = spec.mode().ascii();
        int n = spec.series().size();
        int top = plotH * 8;
        int[][] h = new int[n][];
        for (int s = 0; s < n; s++) {
            ChartSeries cs = spec.series().get(s);
            double[] v = Buckets.of(cs.series(), cs.period(), spec.start(), spec.end(), plotW, cs.stat());
            h[s] = new int[plotW];
            for (int c = 0; c < plotW; c++) {
                if (Double.isNaN(v[c])) {
                    h[s][c] = -1;
                    continue;
                }
                h[s][c] = (int) Math.max(1, Math.min(top, Math.round(spec.y().fraction(v[c]) * top)));
                if (v[c] > spec.y().max() && !cs.dim()) {
                    clipped[c] = Math.min(clipped[c], s);
                }
            }
        }
        for (int c = 0; c < plotW; c++) {
            for (int r = 0; r < plotH; r++) {
                int floor = r * 8;
                int owner = -1;
                for (int s = 0; s < n; s++) {
                    int hs = h[s][c];
                    if (!spec.series().get(s).dim() && hs > floor && (owner < 0 || hs < h[owner][c])) {
                        owner = s;
                    }
                }
                boolean dim = false;
                if (owner < 0) {
                    for (int s = 0; s < n && owner < 0; s++) {
                        if (spec.series().get(s).dim() && h[s][c] > floor && h[s][c] <= floor + 8) {
                            owner = s;
                            dim = true;
                        }
                    }
                }
                if (owner < 0) {
                    continue;
                }
                int eighths = Math.min(8, h[owner][c] - floor);
                char ch;
                if (ascii) {
                    ch = eighths < 4 ? ASCII_LOW : dim ? ASCII_DIM : ASCII_FILL.charAt(Math.min(owner, ASCII_FILL.length() - 1));
                } else {
                    ch = eighths == 8 ? FULL : EIGHTHS.charAt(eighths);
                }
                g.set(left + c, plotH - 1 - r, ch, Ink.series(owner, dim));
            }
        }
    }

    /**
     * The warn and hot lines, in the cells the lines left empty; hot wins a shared cell. In
     * braille they sit on their own dot row, so 95% and 97% differ by a dot.
     */
    private static void thresholds(ChartGrid g, ChartSpec spec, Thresholds t, int left, int plotW, int plotH) {
        if (plotH <= 0) {
            return;
        }
        for (double level : new double[] {t.warn(), t.hot()}) {
            if (level < spec.y().min() || level > spec.y().max()) {
                continue;
            }
            Ink ink = level == t.hot() ? Ink.HOT : Ink.WARN;
            if (spec.mode() == GlyphMode.BRAILLE) {
                int dotH = plotH * 4;
                int fromTop = dotH - 1 - Math.max(0, Math.min(dotH - 1, (int) Math.floor(spec.y().fraction(level) * dotH)));
                int row = fromTop / 4;
                // One dot a cell: a guide that does not read as another line.
                int pattern = BRAILLE_BITS[0][fromTop % 4];
                for (int c = 0; c < plotW; c++) {
                    Ink.Role was = g.inkAt(left + c, row).role();
                    if (was == Ink.Role.BLANK || was == Ink.Role.WARN || was == Ink.Role.HOT) {
                        int bits = was == Ink.Role.BLANK ? 0 : g.charAt(left + c, row) - 0x2800;
                        g.set(left + c, row, (char) (0x2800 | bits | pattern), was == Ink.Role.HOT ? Ink.HOT : ink);
                    }
                }
            } else {
                int row = YAxis.row(spec.y(), level, plotH);
                char ch = !spec.mode().ascii() ? '╌' : ink == Ink.HOT ? '=' : '-';
                for (int c = 0; c < plotW; c++) {
                    Ink.Role was = g.inkAt(left + c, row).role();
                    if (was == Ink.Role.BLANK || was == Ink.Role.WARN) {
                        g.set(left + c, row, ch, ink);
                    }
                }
            }
        }
    }

    private static void yAxis(ChartGrid g, List<YAxis.Tick> ticks, Glyphs gl, int left, int plotH) {
        for (int r = 0; r < plotH; r++) {
            g.set(left - 1, r, gl.vertical(), Ink.AXIS);
        }
        for (YAxis.Tick t : ticks) {
            g.set(left - 1, t.row(), gl.ascii() ? '+' : '┤', Ink.AXIS);
            g.write(left - 1 - t.label().length(), t.row(), t.label(), Ink.LABEL);
        }
    }

    private static void timeAxis(ChartGrid g, ChartSpec spec, Glyphs gl, List<Placed> markers, int left, int plotW, int plotH) {
        int row = plotH;
        if (left > 0) {
            g.set(left - 1, row, gl.bottomLeft(), Ink.AXIS);
        }
        for (int c = 0; c < plotW; c++) {
            g.set(left + c, row, gl.horizontal(), Ink.AXIS);
        }
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(spec.start(), spec.end(), spec.zone(), plotW);
        int end = -1;
        for (TimeAxis.Tick t : ticks) {
            g.set(left + t.column(), row, gl.ascii() ? '+' : '┬', Ink.AXIS);
            int from = left + t.column() - t.label().length() / 2;
            if (from > end && from + t.label().length() <= g.width()) {
                g.write(from, row + 1, t.label(), Ink.LABEL);
                end = from + t.label().length();
            }
        }
        for (Placed p : markers) {
            g.set(left + p.column, row, p.kind.mark(gl.ascii()), p.selected ? Ink.selected(p.kind) : Ink.marker(p.kind));
        }
    }

    /** The selected marker's time and text, or what each line and glyph means. */
    private static void legend(ChartGrid g, ChartSpec spec, int row) {
        boolean ascii = spec.mode().ascii();
        var selected = spec.markers().at(spec.selected());
        if (selected.isPresent()) {
            Marker m = selected.get();
            g.set(0, row, m.kind().mark(ascii), Ink.selected(m.kind()));
            g.write(2, row, ClockText.at(m.time(), spec.end(), spec.zone()) + " " + m.text(), Ink.LABEL);
            return;
        }
        int col = 0;
        if (spec.series().size() > 1) {
            for (int s = 0; s < spec.series().size(); s++) {
                ChartSeries cs = spec.series().get(s);
                if (!fits(g, col, cs.label().length() + 2)) {
                    return;
                }
                char sample = switch (spec.mode()) {
                    case BRAILLE -> '⣿';
                    case EIGHTHS -> FULL;
                    case ASCII -> cs.dim() ? ASCII_DIM : ASCII_FILL.charAt(Math.min(s, ASCII_FILL.length() - 1));
                };
                g.set(col, row, sample, Ink.series(s, cs.dim()));
                g.write(col + 2, row, cs.label(), Ink.LABEL);
                col += cs.label().length() + 4;
            }
        }
        Set<MarkerKind> kinds = EnumSet.noneOf(MarkerKind.class);
        for (Marker m : spec.markers().within(spec.start(), spec.end()).inOrder()) {
            kinds.add(m.kind());
        }
        for (MarkerKind k : kinds) {
            if (!fits(g, col, k.word().length() + 2)) {
                return;
            }
            g.set(col, row, k.mark(ascii), Ink.marker(k));
            g.write(col + 2, row, k.word(), Ink.LABEL);
            col += k.word().length() + 4;
        }
    }

    private static boolean fits(ChartGrid g, int col, int length) {
        return col + length <= g.width();
    }
}
