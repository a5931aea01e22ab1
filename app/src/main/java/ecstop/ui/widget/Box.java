package ecstop.ui.widget;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;

/** A pane's frame with its title in the top edge and an optional note in the bottom edge. */
public final class Box {
    private Box() {}

    public static void draw(TextGraphics g, int col, int row, int width, int height, String title, String note,
                            TextColor border, TextColor titleColour, boolean focused, Glyphs gl) {
        if (width < 2 || height < 2) {
            return;
        }
        String edge = String.valueOf(gl.horizontal()).repeat(width - 2);
        Pen.put(g, col, row, gl.topLeft() + edge + gl.topRight(), border, TextColor.ANSI.DEFAULT, focused);
        for (int r = 1; r < height - 1; r++) {
            Pen.put(g, col, row + r, String.valueOf(gl.vertical()), border, TextColor.ANSI.DEFAULT, focused);
            Pen.put(g, col + width - 1, row + r, String.valueOf(gl.vertical()), border, TextColor.ANSI.DEFAULT, focused);
        }
        Pen.put(g, col, row + height - 1, gl.bottomLeft() + edge + gl.bottomRight(), border, TextColor.ANSI.DEFAULT, focused);
        if (width > 4 && !title.isEmpty()) {
            Pen.put(g, col + 1, row, " " + Text.fit(title, width - 4, gl.ellipsis()) + " ", titleColour,
                    TextColor.ANSI.DEFAULT, true);
        }
        if (note != null && !note.isEmpty() && width > 6) {
            String n = " " + Text.fit(note, width - 6, gl.ellipsis()) + " ";
            Pen.put(g, col + width - 2 - Text.width(n), row + height - 1, n, border, TextColor.ANSI.DEFAULT);
        }
    }
}
