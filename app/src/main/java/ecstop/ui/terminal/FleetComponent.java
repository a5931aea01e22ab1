package ecstop.ui.terminal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.ui.present.StatusPart;
import ecstop.ui.state.State;
import ecstop.ui.view.RenderContext;
import ecstop.ui.view.WindowView;
import java.util.List;
import java.util.function.Supplier;

/**
 * The single gui2 component: its renderer draws the whole State through the panes of
 * {@link WindowView}. One component rather than a tree of them, because the panes share one
 * State and one layout, and gui2's focus and input handling are not used: keys go through
 * the {@link ecstop.ui.action.Keymap}.
 */
final class FleetComponent extends AbstractComponent<FleetComponent> {
    private final WindowView view;
    private final Supplier<State> state;
    private final Supplier<RenderContext> context;

    FleetComponent(WindowView view, Supplier<State> state, Supplier<RenderContext> context) {
        this.view = view;
        this.state = state;
        this.context = context;
    }

    /**
     * Repaints what moves with the clock alone (the status bar) onto a screen showing this
     * State's full frame, unless it would read as {@code onScreen}; returns the line now shown.
     */
    List<StatusPart> drawClock(TextGraphics g, State s, List<StatusPart> onScreen) {
        return view.drawStatus(g, s, context.get(), onScreen);
    }

    /**
     * A borderless full-screen window holding the component. gui2's window blanks its whole
     * area before the component draws, a pass over every cell per frame; the panes paint every
     * cell themselves, so that pass is skipped once the window has its size.
     */
    Window window() {
        BasicWindow w = new BasicWindow() {
            private TerminalSize drawnSize;

            @Override
            public void draw(TextGUIGraphics g) {
                if (g.getSize().equals(drawnSize)) {
                    FleetComponent.this.draw(g);
                } else {
                    super.draw(g);
                    drawnSize = g.getSize();
                }
            }
        };
        w.setHints(List.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS, Window.Hint.NO_POST_RENDERING));
        w.setComponent(this);
        return w;
    }

    @Override
    protected ComponentRenderer<FleetComponent> createDefaultRenderer() {
        return new ComponentRenderer<>() {
            @Override
            public TerminalSize getPreferredSize(FleetComponent c) {
                return c.getSize();
            }

            @Override
            public void drawComponent(TextGUIGraphics g, FleetComponent c) {
                view.draw(g, state.get(), context.get());
            }
        };
    }
}
