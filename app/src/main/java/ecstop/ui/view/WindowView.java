package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Metric;
import ecstop.ui.action.Keymap;
import ecstop.ui.present.Layout;
import ecstop.ui.present.Presenter;
import ecstop.ui.state.Pane;
import ecstop.domain.View;
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
    private final ClusterPane clusters = new ClusterPane();
    private final UsagePane cpu = new UsagePane();
    private final UsagePane memory = new UsagePane();
    private final DetailPane detail = new DetailPane();
    private final RightsizePane rightsize = new RightsizePane();
    private final StatusBar status = new StatusBar();
    private final HelpOverlay help;

    public WindowView(Keymap keys, Presenter presenter) {
        this.help = new HelpOverlay(keys);
        this.presenter = presenter;
    }

    public void draw(TextGraphics g, State s, RenderContext c) {
        Palette p = c.palette();
        Layout layout = presenter.layout(s);
        int cols = s.screen().columns();
        int rows = s.screen().rows();
        if (layout.tooSmall()) {
            Pen.clear(g, 0, 0, cols, rows, p.background());
            String notice = "ecs-top needs at least " + Layout.MIN_WIDTH + "x" + Layout.MIN_HEIGHT + " (now " + cols + "x" + rows + ")";
            Pen.put(g, 0, 0, Text.fit(notice, cols, c.glyphs().ellipsis()), p.text(), p.background());
            return;
        }
        layout.clusters().ifPresent(r -> clusters.draw(g, r, presenter.clusters(s), c));
        if (s.panels() == View.RIGHTSIZE) {
            layout.cpu().ifPresent(r -> rightsize.draw(g, r, presenter.rightsize(s), c));
        } else {
            layout.cpu().ifPresent(r -> cpu.draw(g, r, presenter.usage(s, Metric.CPU), c));
        }
        layout.memory().ifPresent(r -> memory.draw(g, r, presenter.usage(s, Metric.MEMORY), c));
        layout.detail().ifPresent(r -> detail.draw(g, r, presenter.detail(s, c.zone()), c));
        drawStatus(g, s, c);
        if (s.helpVisible()) {
            help.draw(g, cols, rows - 1, c);
        }
    }

    /** What is under a screen position, as the last frame of {@code s} drew it: a pane, and a row of it if any. */
    public record Hit(Pane pane, java.util.OptionalInt row) {}

    public java.util.Optional<Hit> hit(State s, int x, int y) {
        Layout layout = presenter.layout(s);
        if (layout.tooSmall()) {
            return java.util.Optional.empty();
        }
        if (layout.clusters().filter(r -> inside(r, x, y)).isPresent()) {
            return java.util.Optional.of(new Hit(Pane.CLUSTERS, clusters.rowAt(x, y)));
        }
        if (layout.cpu().filter(r -> inside(r, x, y)).isPresent()) {
            return java.util.Optional.of(new Hit(Pane.CPU,
                    s.panels() == View.RIGHTSIZE ? rightsize.rowAt(x, y) : cpu.rowAt(x, y)));
        }
        if (layout.memory().filter(r -> inside(r, x, y)).isPresent()) {
            return java.util.Optional.of(new Hit(Pane.MEMORY, memory.rowAt(x, y)));
        }
        if (layout.detail().filter(r -> inside(r, x, y)).isPresent()) {
            return java.util.Optional.of(new Hit(Pane.DETAIL, java.util.OptionalInt.empty()));
        }
        return java.util.Optional.empty();
    }

    private static boolean inside(ecstop.ui.present.Rect r, int x, int y) {
        return x >= r.col() && x < r.col() + r.width() && y >= r.row() && y < r.row() + r.height();
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
        Layout layout = presenter.layout(s);
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
