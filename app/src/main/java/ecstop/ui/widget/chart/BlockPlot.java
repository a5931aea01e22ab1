package ecstop.ui.widget.chart;

import ecstop.domain.timeline.Buckets;

/** The chart's lines as columns of lower eighth blocks, or of ASCII for {@code --ascii}. */
final class BlockPlot {
    /** One to seven eighths, as {@code Bars}' sparkline draws them. */
    private static final String EIGHTHS = " ▁▂▃▄▅▆▇";
    static final char FULL = '█';
    /** The ASCII fill of lines 0, 1, 2 and the rest, and of a dimmed line; then a cell less than half full. */
    private static final String ASCII_FILL = "#o*x";
    private static final char ASCII_DIM = '.';
    private static final char ASCII_LOW = '_';

    private BlockPlot() {}

    /**
     * Each line as a column of blocks in eighths (or ASCII): each cell goes to the lowest line
     * that reaches it, so a lower average shows under its maximum. A dimmed line shows only its
     * top, and only where no other line is. Notes the lowest line clipped in each column.
     */
    static void draw(ChartGrid g, ChartSpec spec, int left, int plotW, int plotH, int[] clipped) {
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
                    ch = eighths < 4 ? ASCII_LOW : asciiFill(owner, dim);
                } else {
                    ch = eighths == 8 ? FULL : EIGHTHS.charAt(eighths);
                }
                g.set(left + c, plotH - 1 - r, ch, Ink.series(owner, dim));
            }
        }
    }

    /** A full ASCII cell of line {@code series}: what the legend shows beside its label. */
    static char asciiFill(int series, boolean dim) {
        return dim ? ASCII_DIM : ASCII_FILL.charAt(Math.min(series, ASCII_FILL.length() - 1));
    }
}
