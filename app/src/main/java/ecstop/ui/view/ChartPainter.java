package ecstop.ui.view;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.timeline.MarkerKind;
import ecstop.ui.present.Rect;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.chart.Chart;
import ecstop.ui.widget.chart.ChartGrid;
import ecstop.ui.widget.chart.ChartSpec;
import ecstop.ui.widget.chart.Ink;

/** How a chart section of the detail is painted into its rect. */
@FunctionalInterface
public interface ChartPainter {
    void draw(TextGraphics g, Rect r, ChartSpec spec, RenderContext c);

    /**
     * The renderer's grid in colour, each cell by its {@link Ink}'s role (see {@link #colour}):
     * the lines, the warn and hot lines in their levels' colours, each marker kind in its own,
     * the chosen marker in the cursor's colours. With NO_COLOR every role is the terminal's own
     * colour and the chosen marker stands out in reverse video, like the cursor; with
     * {@code --ascii} the spec already asks for ASCII glyphs.
     */
    ChartPainter INKED = (g, r, spec, c) -> {
        ChartGrid grid = Chart.render(spec, r.width(), r.height());
        Palette p = c.palette();
        for (int row = 0; row < Math.min(r.height(), grid.height()); row++) {
            int col = 0;
            while (col < grid.width()) {
                // a run of cells of one ink is one write
                Ink ink = grid.inkAt(col, row);
                int end = col + 1;
                while (end < grid.width() && grid.inkAt(end, row).equals(ink)) {
                    end++;
                }
                String run = grid.row(row).substring(col, end);
                boolean chosen = ink.role() == Ink.Role.SELECTED;
                Pen.put(g, r.col() + col, r.row() + row, run, colour(ink, p), chosen ? p.selectionBg() : p.background(), chosen);
                col = end;
            }
        }
    };

    /**
     * A role's colour: the maximum in the accent and the average in the text colour (a week
     * ago dim), warn and hot as the bars show them, a value clipped at the top hot; changes in
     * the accent (a completion in the "ok" colour), a rollback amber, OOM kills and crashes
     * red; the axes and the lines up from a change dim.
     */
    static TextColor colour(Ink ink, Palette p) {
        return switch (ink.role()) {
            case BLANK, LABEL -> p.text();
            case AXIS, DIM, LINE -> p.dim();
            case SERIES -> ink.series() == 0 ? p.accent() : p.text();
            case WARN -> p.warn();
            case HOT, CLIP -> p.hot();
            case MARKER -> kind(ink.kind(), p);
            case SELECTED -> p.selectionFg();
        };
    }

    private static TextColor kind(MarkerKind k, Palette p) {
        return switch (k) {
            case OOM_KILL, CRASH -> p.hot();
            case DEPLOYMENT_ROLLED_BACK -> p.warn();
            case DEPLOYMENT_COMPLETED -> p.ok();
            case DEPLOYMENT_STARTED, TASK_DEF_CHANGE -> p.accent();
            case SCALING -> p.text();
        };
    }
}
