package ecstop.ui.view;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Metric;
import ecstop.ui.KeyRegistry;
import ecstop.ui.State;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.Text;

/**
 * The whole screen, drawn from the State: panes where the layout puts them, help on top.
 * The panes tile the screen and each paints every one of its cells, so nothing is cleared
 * first: with Lanterna every cell written costs, and a frame should write each once.
 */
public final class WindowView {
    private final ClusterPane clusters = new ClusterPane();
    private final UsagePane cpu = new UsagePane(Metric.CPU);
    private final UsagePane memory = new UsagePane(Metric.MEMORY);
    private final DetailPane detail = new DetailPane();
    private final StatusBar status = new StatusBar();
    private final HelpOverlay help;

    public WindowView(KeyRegistry keys) {
        this.help = new HelpOverlay(keys);
    }

    public void draw(TextGraphics g, TerminalSize size, State s, RenderContext c) {
        Palette p = c.palette();
        Layout layout = Layout.of(size, s);
        if (layout.tooSmall()) {
            Pen.clear(g, 0, 0, size.getColumns(), size.getRows(), p.background());
            String notice = "ecs-top needs at least " + Layout.MIN_WIDTH + "x" + Layout.MIN_HEIGHT
                    + " (now " + size.getColumns() + "x" + size.getRows() + ")";
            Pen.put(g, 0, 0, Text.fit(notice, size.getColumns(), c.glyphs().ellipsis()), p.text(), p.background());
            return;
        }
        layout.clusters().ifPresent(r -> clusters.draw(g, r, s, c));
        layout.cpu().ifPresent(r -> cpu.draw(g, r, s, c));
        layout.memory().ifPresent(r -> memory.draw(g, r, s, c));
        layout.detail().ifPresent(r -> detail.draw(g, r, s, c));
        status.draw(g, layout.status(), s, c);
        if (s.helpVisible()) {
            help.draw(g, size.getColumns(), size.getRows() - 1, c);
        }
    }

    /**
     * Repaints the status bar alone, over a screen that holds a full frame of the same State
     * and size: it is the only part that reads the clock (ages, next refresh). Help never
     * covers the bottom line.
     */
    public void drawStatus(TextGraphics g, TerminalSize size, State s, RenderContext c) {
        Layout layout = Layout.of(size, s);
        if (!layout.tooSmall()) {
            status.draw(g, layout.status(), s, c);
        }
    }
}
