package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.ui.present.Rect;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.chart.Chart;
import ecstop.ui.widget.chart.ChartGrid;
import ecstop.ui.widget.chart.ChartSpec;

/** How a chart section of the detail is painted into its rect. */
@FunctionalInterface
public interface ChartPainter {
    void draw(TextGraphics g, Rect r, ChartSpec spec, RenderContext c);

    /** The renderer's grid as text in the palette's text colour: the timeline issue gives it the inks. */
    ChartPainter TEXT = (g, r, spec, c) -> {
        ChartGrid grid = Chart.render(spec, r.width(), r.height());
        for (int row = 0; row < Math.min(r.height(), grid.height()); row++) {
            Pen.put(g, r.col(), r.row() + row, grid.row(row), c.palette().text(), c.palette().background());
        }
    };
}
