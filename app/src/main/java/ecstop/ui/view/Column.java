package ecstop.ui.view;

import com.googlecode.lanterna.TextColor;
import ecstop.domain.Series;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * One column of a list panel: its header, how it takes its width, the blank columns before
 * it, and how a row's cell is formatted and coloured. A pane's column model is a list of these.
 */
public record Column<R>(String header, Width width, int gap, Cell<R> cell) {

    /** How a row fills its cell. */
    public sealed interface Cell<R> {}

    /** Text, aligned and fitted to the width; {@code ink} gives its colour and weight. */
    public record TextCell<R>(Words<R> text, Align align, Ink<R> ink) implements Cell<R> {}

    /** A bar on the 0–110% scale in eighths of a cell, drawn by {@link ecstop.ui.widget.BarCell}. */
    public record GaugeCell<R>(Function<R, OptionalDouble> value, Ink<R> ink) implements Cell<R> {}

    /** The window's history as block heights. */
    public record SparkCell<R>(Function<R, Series> series, Ink<R> ink) implements Cell<R> {}

    /** Marks of one cell each, side by side from the left, each in its own colour: a glyph per signal. */
    public record MarksCell<R>(Function<R, List<Mark>> marks) implements Cell<R> {}

    /** One mark of a {@link MarksCell}. */
    public record Mark(char glyph, Style style) {}

    public enum Align { LEFT, RIGHT }

    /** A cell's text, given its row and whether that row is the cursor's. */
    @FunctionalInterface
    public interface Words<R> {
        String of(R row, RowMark mark);
    }

    /** A cell's colour and weight, given its row and whether that row is the cursor's. */
    @FunctionalInterface
    public interface Ink<R> {
        Style of(R row, RowMark mark);
    }

    /** Foreground and bold; the background is the row's. */
    public record Style(TextColor fg, boolean bold) {}

    /** {@code selected}: the cursor's row; {@code highlighted}: the cursor's row in the focused pane. */
    public record RowMark(boolean selected, boolean highlighted) {}

    public static <R> Column<R> text(String header, Width width, int gap, Function<R, String> text, Align align, Ink<R> ink) {
        return new Column<>(header, width, gap, new TextCell<>((row, mark) -> text.apply(row), align, ink));
    }

    public static <R> Column<R> marked(Width width, Words<R> text, Ink<R> ink) {
        return new Column<>("", width, 0, new TextCell<>(text, Align.LEFT, ink));
    }
}
