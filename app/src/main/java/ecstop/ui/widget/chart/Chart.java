package ecstop.ui.widget.chart;

import ecstop.domain.Thresholds;
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

    private Chart() {}

    public static ChartGrid render(ChartSpec spec, int width, int height) {
        ChartGrid g = new ChartGrid(width, height);
        if (g.width() == 0 || g.height() == 0) {
            return g;
        }
        Glyphs gl = Glyphs.of(spec.mode().ascii());
        boolean axes = height >= 4;
        boolean legend = height >= 6 && (spec.series().size() > 1 || spec.markers().at(spec.selected()).isPresent()
                || !spec.markers().within(spec.start(), spec.end()).isEmpty());
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
            BraillePlot.draw(g, spec, left, plotW, plotH, clipped);
        } else {
            BlockPlot.draw(g, spec, left, plotW, plotH, clipped);
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
                int pattern = BraillePlot.BITS[0][fromTop % 4];
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
                    case EIGHTHS -> BlockPlot.FULL;
                    case ASCII -> BlockPlot.asciiFill(s, cs.dim());
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
