package ecstop.ui.state;

/** The terminal's size in cells: the layout, and so every page size, is a function of it and the State. */
public record ScreenSize(int columns, int rows) {
    public ScreenSize {
        columns = Math.max(0, columns);
        rows = Math.max(0, rows);
    }
}
