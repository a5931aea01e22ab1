package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.ui.action.Action;
import ecstop.ui.action.Keymap;
import ecstop.ui.widget.Box;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.Text;

/** The `?` overlay, printed from the same registry that handles the keys. */
public final class HelpOverlay {
    private final Keymap keys;

    public HelpOverlay(Keymap keys) {
        this.keys = keys;
    }

    public void draw(TextGraphics g, int screenWidth, int screenHeight, RenderContext c) {
        int keyW = keys.actions().stream().mapToInt(a -> Text.width(a.keysLabel())).max().orElse(8) + 2;
        int descW = keys.actions().stream().mapToInt(a -> Text.width(a.help())).max().orElse(20);
        int w = Math.min(screenWidth - 2, keyW + descW + 4);
        int h = Math.min(screenHeight - 2, keys.actions().size() + 2);
        int x = (screenWidth - w) / 2;
        int y = (screenHeight - h) / 2;
        Palette p = c.palette();
        Pen.clear(g, x, y, w, h, p.background());
        Box.draw(g, x, y, w, h, "Keys", "any key closes", p.accent(), p.accent(), true, c.glyphs());
        int inner = w - 4;
        for (int i = 0; i < Math.min(h - 2, keys.actions().size()); i++) {
            Action b = keys.actions().get(i);
            String k = Text.pad(b.keysLabel(), Math.min(keyW, inner), c.glyphs().ellipsis());
            Pen.put(g, x + 2, y + 1 + i, k, p.accent(), p.background(), true);
            if (inner > keyW) {
                Pen.put(g, x + 2 + keyW, y + 1 + i, Text.fit(b.help(), inner - keyW, c.glyphs().ellipsis()),
                        p.text(), p.background());
            }
        }
    }
}
