package ecstop.ui.widget;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Bars;
import ecstop.domain.Series;

/** The lookback's history in one row of block heights, right-aligned so "now" is always at the edge. */
public final class Sparkline {
    private Sparkline() {}

    public static void draw(TextGraphics g, int col, int row, int width, Series series, TextColor colour,
                            TextColor bg, Glyphs gl) {
        if (width <= 0) {
            return;
        }
        String s = Bars.sparkline(series.points(), width, gl.ascii());
        Pen.put(g, col, row, " ".repeat(width - s.length()) + s, colour, bg);
    }
}
