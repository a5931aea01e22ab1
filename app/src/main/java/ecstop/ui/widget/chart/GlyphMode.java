package ecstop.ui.widget.chart;

/**
 * How the chart draws its lines: braille (2×4 dots a cell, the finest), lower eighth blocks
 * (for fonts without braille), or ASCII (for {@code --ascii}).
 */
public enum GlyphMode {
    BRAILLE, EIGHTHS, ASCII;

    public boolean ascii() {
        return this == ASCII;
    }
}
