package ecstop.ui.present;

/** A pane's place on the screen. */
public record Rect(int col, int row, int width, int height) {
    public boolean isEmpty() { return width <= 0 || height <= 0; }
}
