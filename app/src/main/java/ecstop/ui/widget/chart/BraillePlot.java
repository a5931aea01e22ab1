package ecstop.ui.widget.chart;

import ecstop.domain.timeline.Buckets;

/** The chart's lines in braille: 2×4 dots a cell, so a cell row holds four levels. */
final class BraillePlot {
    /** The bit of dot (column, row from the top) in a braille cell, U+2800 plus the bits. */
    static final int[][] BITS = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

    private BraillePlot() {}

    /** Each line at 2×4 dots a cell, joined column to column; notes the lowest line clipped in each column. */
    static void draw(ChartGrid g, ChartSpec spec, int left, int plotW, int plotH, int[] clipped) {
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

    static void dot(int[] bits, int x, int fromBottom, int plotW, int dotH) {
        int fromTop = dotH - 1 - fromBottom;
        bits[(fromTop / 4) * plotW + x / 2] |= BITS[x % 2][fromTop % 4];
    }
}
