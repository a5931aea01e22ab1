package ecstop.ui.widget;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Bars;
import java.util.OptionalDouble;

/** A bar on the 0–110% scale in eighths of a cell, padded to its width. Empty for "no data". */
public final class BarCell {
    private BarCell() {}

    public static void draw(TextGraphics g, int col, int row, int width, OptionalDouble value, TextColor colour,
                            TextColor bg, Glyphs gl) {
        if (width <= 0) {
            return;
        }
        String bar = value.isPresent() ? Bars.bar(value.getAsDouble(), width, gl.ascii()) : "";
        Pen.put(g, col, row, bar + " ".repeat(Math.max(0, width - bar.length())), colour, bg);
    }
}
