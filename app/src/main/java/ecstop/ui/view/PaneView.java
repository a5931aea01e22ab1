package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.ui.present.Rect;
import java.util.OptionalInt;

/** How a pane draws its model in its rect, and which of its rows the last frame drew at a screen position. */
public interface PaneView<M> {
    void draw(TextGraphics g, Rect r, M model, RenderContext c);

    /** The index of the row the last frame drew at this screen position, if any. */
    OptionalInt rowAt(int x, int y);
}
