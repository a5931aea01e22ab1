package ecstop.ui.widget.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A drawn chart: a character and an {@link Ink} per cell, row 0 at the top, and where its
 * plot area lies (for the UI to map a column back to a time, or a click to a marker).
 * Every character is one cell wide.
 */
public final class ChartGrid {
    private final int width;
    private final int height;
    private final char[] chars;
    private final Ink[] inks;
    private int plotLeft;
    private int plotWidth;
    private int plotHeight;

    ChartGrid(int width, int height) {
        this.width = Math.max(0, width);
        this.height = Math.max(0, height);
        this.chars = new char[this.width * this.height];
        this.inks = new Ink[this.width * this.height];
        Arrays.fill(chars, ' ');
        Arrays.fill(inks, Ink.BLANK);
    }

    public int width() { return width; }

    public int height() { return height; }

    /** The plot's first column; its first row is 0. */
    public int plotLeft() { return plotLeft; }

    public int plotWidth() { return plotWidth; }

    public int plotHeight() { return plotHeight; }

    void plot(int left, int w, int h) {
        plotLeft = left;
        plotWidth = w;
        plotHeight = h;
    }

    public char charAt(int col, int row) {
        return chars[row * width + col];
    }

    public Ink inkAt(int col, int row) {
        return inks[row * width + col];
    }

    boolean inside(int col, int row) {
        return col >= 0 && col < width && row >= 0 && row < height;
    }

    boolean blank(int col, int row) {
        return inks[row * width + col].role() == Ink.Role.BLANK;
    }

    void set(int col, int row, char c, Ink ink) {
        if (inside(col, row)) {
            chars[row * width + col] = c;
            inks[row * width + col] = ink;
        }
    }

    /** Writes {@code text} from {@code col}, clipped to the grid. */
    void write(int col, int row, String text, Ink ink) {
        for (int i = 0; i < text.length(); i++) {
            set(col + i, row, text.charAt(i), ink);
        }
    }

    public String row(int row) {
        return new String(chars, row * width, width);
    }

    public List<String> rows() {
        List<String> out = new ArrayList<>(height);
        for (int r = 0; r < height; r++) {
            out.add(row(r));
        }
        return out;
    }

    /** The characters, one line a row: what {@code --once} prints. */
    public String text() {
        return String.join("\n", rows());
    }
}
