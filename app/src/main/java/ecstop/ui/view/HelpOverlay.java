package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.ui.action.Action;
import ecstop.ui.action.Keymap;
import ecstop.ui.widget.Box;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.Text;
import java.util.List;

/** The `?` overlay, printed from the same registry that handles the keys. */
public final class HelpOverlay {
    private final Keymap keys;

    public HelpOverlay(Keymap keys) {
        this.keys = keys;
    }

    public void draw(TextGraphics g, int screenWidth, int screenHeight, RenderContext c) {
        List<Action> all = keys.actions();
        // every key must be on the help: when one column is taller than the screen, two
        // columns side by side, descriptions cut to fit rather than keys left out
        int columns = all.size() + 2 > screenHeight ? 2 : 1;
        int perColumn = (all.size() + columns - 1) / columns;
        int keyW = all.stream().mapToInt(a -> Text.width(a.keysLabel())).max().orElse(8) + 2;
        int descW = all.stream().mapToInt(a -> Text.width(a.help())).max().orElse(20);
        int w = Math.min(screenWidth - 2, columns * (keyW + descW) + 4 + (columns - 1) * 2);
        int h = Math.min(screenHeight - 2, perColumn + 2);
        int x = (screenWidth - w) / 2;
        int y = (screenHeight - h) / 2;
        Palette p = c.palette();
        Pen.clear(g, x, y, w, h, p.background());
        Box.draw(g, x, y, w, h, "Keys", "any key closes", p.accent(), p.accent(), true, c.glyphs());
        int columnW = (w - 4 - (columns - 1) * 2) / columns;
        for (int i = 0; i < all.size(); i++) {
            int row = i % perColumn;
            if (row >= h - 2) {
                continue;
            }
            int cx = x + 2 + (i / perColumn) * (columnW + 2);
            Action b = all.get(i);
            Pen.put(g, cx, y + 1 + row, Text.pad(b.keysLabel(), Math.min(keyW, columnW), c.glyphs().ellipsis()),
                    p.accent(), p.background(), true);
            if (columnW > keyW) {
                Pen.put(g, cx + keyW, y + 1 + row, Text.fit(b.help(), columnW - keyW, c.glyphs().ellipsis()),
                        p.text(), p.background());
            }
        }
    }
}
