package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.ui.action.Keymap;
import ecstop.ui.present.Layout;
import ecstop.ui.present.Presenter;
import ecstop.ui.present.StatusPart;
import ecstop.ui.state.State;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.Text;
import java.util.List;

/**
 * The whole screen, drawn from the State through the presenter's row models: panes where
 * the layout puts them, help on top. The panes tile the screen and each paints every one of
 * its cells, so nothing is cleared first: with Lanterna every cell written costs, and a frame
 * should write each once.
 */
public final class WindowView {
    private final Presenter presenter;
    private final PaneRegistry panes;
    private final StatusBar status = new StatusBar();
    private final HelpOverlay help;

    public WindowView(Keymap keys, Presenter presenter, PaneRegistry panes) {
        this.help = new HelpOverlay(keys);
        this.presenter = presenter;
        this.panes = panes;
    }

    public void draw(TextGraphics g, State s, RenderContext c) {
        Palette p = c.palette();
        Layout layout = panes.layout(s);
        int cols = s.screen().columns();
        int rows = s.screen().rows();
        if (layout.tooSmall()) {
            Pen.clear(g, 0, 0, cols, rows, p.background());
            String notice = "ecs-top needs at least " + Layout.MIN_WIDTH + "x" + Layout.MIN_HEIGHT + " (now " + cols + "x" + rows + ")";
            Pen.put(g, 0, 0, Text.fit(notice, cols, c.glyphs().ellipsis()), p.text(), p.background());
            return;
        }
        panes.draw(g, s, layout, c);
        drawStatus(g, s, c);
        if (s.nav().help()) {
            help.draw(g, cols, rows - 1, c);
        }
    }

    /**
     * Repaints the status bar alone, over a screen that holds a full frame of the same State:
     * it is the only part that reads the clock (ages, next refresh). Help never covers the
     * bottom line.
     */
    public void drawStatus(TextGraphics g, State s, RenderContext c) {
        drawStatus(g, s, c, List.of());
    }

    /**
     * As {@link #drawStatus(TextGraphics, State, RenderContext)}, unless the line would read
     * as {@code onScreen} does: then nothing is drawn (while nobody looks, ages move by the
     * minute). Returns the line as it now stands.
     */
    public List<StatusPart> drawStatus(TextGraphics g, State s, RenderContext c, List<StatusPart> onScreen) {
        Layout layout = panes.layout(s);
        if (layout.tooSmall()) {
            return List.of();
        }
        List<StatusPart> line = presenter.status(s, c.now(), c.header());
        if (!line.equals(onScreen)) {
            status.draw(g, layout.status(), line, c);
        }
        return line;
    }
}
