package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.ThresholdRule;
import ecstop.domain.Thresholds;
import ecstop.ui.action.Action;
import ecstop.ui.action.Keymap;
import ecstop.ui.widget.Box;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The `?` overlay, printed from the same registry that handles the keys, with the thresholds
 * that colour the bars and raise alerts: the general ones in the bottom edge, and below the
 * keys each per-service rule of the config file.
 */
public final class HelpOverlay {
    private final Keymap keys;

    public HelpOverlay(Keymap keys) {
        this.keys = keys;
    }

    public void draw(TextGraphics g, int screenWidth, int screenHeight, RenderContext c) {
        List<String[]> lines = new ArrayList<>();
        for (Action a : keys.actions()) {
            lines.add(new String[] {a.keysLabel(), a.help()});
        }
        for (ThresholdRule r : c.thresholds().rules()) {
            lines.add(new String[] {"threshold", r.describe()});
        }
        // every line must be on the help: when one column is taller than the screen, two
        // columns side by side, descriptions cut to fit rather than keys left out
        int columns = lines.size() + 2 > screenHeight ? 2 : 1;
        int perColumn = (lines.size() + columns - 1) / columns;
        int keyW = lines.stream().mapToInt(l -> Text.width(l[0])).max().orElse(8) + 2;
        int descW = lines.stream().mapToInt(l -> Text.width(l[1])).max().orElse(20);
        int w = Math.min(screenWidth - 2, columns * (keyW + descW) + 4 + (columns - 1) * 2);
        int h = Math.min(screenHeight - 2, perColumn + 2);
        int x = (screenWidth - w) / 2;
        int y = (screenHeight - h) / 2;
        Palette p = c.palette();
        Pen.clear(g, x, y, w, h, p.background());
        Box.draw(g, x, y, w, h, "Keys", levels(c.thresholds()) + c.glyphs().sep() + "any key closes", p.accent(),
                p.accent(), true, c.glyphs());
        int columnW = (w - 4 - (columns - 1) * 2) / columns;
        for (int i = 0; i < lines.size(); i++) {
            int row = i % perColumn;
            if (row >= h - 2) {
                continue;
            }
            int cx = x + 2 + (i / perColumn) * (columnW + 2);
            Pen.put(g, cx, y + 1 + row, Text.pad(lines.get(i)[0], Math.min(keyW, columnW), c.glyphs().ellipsis()),
                    p.accent(), p.background(), true);
            if (columnW > keyW) {
                Pen.put(g, cx + keyW, y + 1 + row, Text.fit(lines.get(i)[1], columnW - keyW, c.glyphs().ellipsis()),
                        p.text(), p.background());
            }
        }
    }

    /** "amber 80% red 95%": the thresholds for every service no rule names. */
    static String levels(Thresholds t) {
        return "amber " + Thresholds.percent(t.warn()) + " red " + Thresholds.percent(t.hot());
    }
}
