package ecstop.ui.widget;

/**
 * The scroll position of a list: it moves only as far as needed to keep the cursor in view,
 * so the rows do not jump under the user. Belongs to the pane that draws the list.
 */
public final class ScrollList {
    private int top;

    /** The first visible row for this frame. */
    public int top(int count, int cursor, int height) {
        if (height <= 0 || count <= 0) {
            top = 0;
            return 0;
        }
        if (cursor < top) {
            top = cursor;
        } else if (cursor >= top + height) {
            top = cursor - height + 1;
        }
        top = Math.max(0, Math.min(top, Math.max(0, count - height)));
        return top;
    }
}
