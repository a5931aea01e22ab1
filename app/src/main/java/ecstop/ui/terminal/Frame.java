package ecstop.ui.terminal;

import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.TerminalSize;
import ecstop.ui.action.Keymap;
import ecstop.ui.present.Presenter;
import ecstop.ui.present.StatusPart;
import ecstop.ui.state.ScreenSize;
import ecstop.ui.state.State;
import ecstop.ui.view.Palette;
import ecstop.ui.view.RenderContext;
import ecstop.ui.view.PaneRegistry;
import ecstop.ui.view.WindowView;
import ecstop.ui.widget.Glyphs;
import java.io.IOException;
import java.util.List;

/**
 * A started screen with the gui2 window on it, shared by the terminal loop and the headless
 * renderer. {@link #draw} paints the current State; nothing here reads input.
 */
final class Frame {
    private final TickScreen screen;
    private final MultiWindowTextGUI gui;
    private final FleetComponent component;
    private final RenderContext context;
    /** The State whose full frame is on the screen; null when the next draw must be full. */
    private State onScreen;
    private State toDraw;
    private final WindowView view;

    /** The status line a clock tick drew last on the full frame of {@link #onScreen}; empty: not known. */
    private List<StatusPart> statusOnScreen = List.of();

    /** {@code options.colour()} must be resolved (not AUTO) by now. */
    Frame(TickScreen screen, Keymap keys, Presenter presenter, PaneRegistry panes, UiOptions options) throws IOException {
        this.screen = screen;
        this.context = new RenderContext(Palette.of(options.colour()), Glyphs.of(options.ascii()), options.thresholds(),
                options.clock().getZone(), options.header(), options.clock().instant());
        this.view = new WindowView(keys, presenter, panes);
        this.component = new FleetComponent(view, () -> toDraw, () -> context.at(options.clock().instant()));
        screen.startScreen();
        screen.setCursorPosition(null);
        this.gui = new DirectGUI(screen);
        gui.addWindow(component.window());
    }

    /** The terminal's size now, a resize included: the State is laid out for it before each draw. */
    ScreenSize size() {
        TerminalSize resized = screen.doResizeIfNecessary();
        TerminalSize size = resized != null ? resized : screen.getTerminalSize();
        return new ScreenSize(size.getColumns(), size.getRows());
    }

    /**
     * Paints the State, laid out for {@link #size()}; {@code complete} repaints every cell
     * (Ctrl-L). When only the clock moved since the last frame (the same State, so the same
     * size: the once-a-second redraw of an idle screen) only the status bar is repainted and
     * only its row is compared and sent: a full frame rewrites every cell, and even a delta
     * refresh compares every cell twice, which was most of an idle minute's CPU.
     */
    void draw(State s, boolean complete) throws IOException {
        toDraw = s;
        if (s == onScreen && !complete) {
            List<StatusPart> line = component.drawClock(screen.newTextGraphics(), s, statusOnScreen);
            if (!line.equals(statusOnScreen)) {
                screen.refreshRow(s.screen().rows() - 1);
                statusOnScreen = line;
            }
        } else {
            statusOnScreen = List.of();
            gui.updateScreen();
            if (complete) {
                screen.refresh(Screen.RefreshType.COMPLETE);
            }
            onScreen = s;
        }
    }

    TickScreen screen() { return screen; }

    /**
     * gui2 for one full-screen window whose component paints every cell: the window is drawn
     * straight onto the screen. The stock drawGUI first blanks the whole screen for the
     * background pane, then draws each window into an image of its own and copies that onto
     * the screen cell by cell: two extra passes over every cell, each cell costing Unicode
     * look-ups in Lanterna, so most of a frame.
     */
    private static final class DirectGUI extends MultiWindowTextGUI {
        DirectGUI(Screen screen) {
            super(screen, new DefaultWindowManager(), new EmptySpace());
        }

        @Override
        protected synchronized void drawGUI(TextGUIGraphics graphics) {
            List<Window> windows = List.copyOf(getWindows());
            getWindowManager().prepareWindows(this, windows, graphics.getSize());
            for (Window w : windows) {
                if (w.isVisible()) {
                    w.draw(graphics.newTextGraphics(w.getPosition(), w.getDecoratedSize()));
                }
            }
        }
    }
}
