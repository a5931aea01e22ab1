package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Level;
import ecstop.domain.Metric;
import ecstop.ui.present.ContainersModel;
import ecstop.ui.present.ContainersModel.Row;
import ecstop.ui.present.Rect;
import ecstop.ui.view.Column.Align;
import ecstop.ui.view.Column.Style;
import ecstop.ui.widget.Text;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The containers pane, in place of the CPU and memory bars: one row per container of a
 * service, nearest its memory limit first, with the peak of the last minutes and the newest
 * minute, and a bar of the peak coloured by the service's memory thresholds like the panels'.
 * The cluster column shows in the fleet only; on a narrow screen the bar gives way first.
 */
public final class ContainersPane implements PaneView<ContainersModel> {
    private static final int MAX_BAR = 20;

    private final ListPanel<Row> panel = new ListPanel<>();

    @Override
    public OptionalInt rowAt(int x, int y) {
        return panel.rowAt(x, y);
    }

    @Override
    public void draw(TextGraphics g, Rect r, ContainersModel m, RenderContext c) {
        ListPanel.Chrome chrome = new ListPanel.Chrome(m.title(), m.note(), m.focused(),
                m.above().stream().map(line -> new ListPanel.Line(line, true)).toList());
        ListPanel.Body<Row> body = m.empty().<ListPanel.Body<Row>>map(ListPanel.Message::new)
                .orElseGet(() -> new ListPanel.Rows<>(columns(m.rows(), c), true, 0, m.rows(), m.cursor(), 0));
        panel.draw(g, r, chrome, body, c);
    }

    static List<Column<Row>> columns(List<Row> rows, RenderContext c) {
        Palette p = c.palette();
        Column.Ink<Row> plain = (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.text(), false);
        Column.Ink<Row> level = (row, mark) -> {
            Level l = Level.of(OptionalDouble.of(row.peak()), c.thresholds().of(Metric.MEMORY, row.service()));
            return new Style(mark.highlighted() && l != Level.HOT ? p.selectionFg() : p.level(l), l == Level.HOT);
        };
        List<Column<Row>> columns = new java.util.ArrayList<>();
        columns.add(Column.marked(new Width.Fixed(1), (row, mark) -> mark.selected() ? c.glyphs().marker() : " ",
                (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.accent(), true)));
        int clusterWidth = width(rows, Row::cluster);
        if (clusterWidth > 0) {
            columns.add(Column.text("cluster", new Width.Content(clusterWidth, 7, 1, 4), 0, Row::cluster, Align.LEFT, plain));
        }
        columns.addAll(List.of(
                Column.text("service", new Width.Content(width(rows, Row::service), 7, 1, 3), 1, Row::service, Align.LEFT,
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.text(), true)),
                Column.text("container", new Width.Content(width(rows, Row::container), 9, 1, 3), 1, Row::container,
                        Align.LEFT, plain),
                figure("mem pk", row -> OptionalDouble.of(row.peak()), level),
                figure("last", Row::latest, level),
                new Column<>("", new Width.Share(1, MAX_BAR, 6), 1,
                        new Column.GaugeCell<>(row -> OptionalDouble.of(row.peak()), level))));
        return columns;
    }

    /** A whole percentage, right-aligned; a dash where the newest minute is missing. */
    private static Column<Row> figure(String header, Function<Row, OptionalDouble> value, Column.Ink<Row> ink) {
        return Column.text(header, new Width.Fixed(header.length()), 1, row -> {
            OptionalDouble v = value.apply(row);
            return v.isPresent() ? Math.round(v.getAsDouble()) + "%" : "–";
        }, Align.RIGHT, ink);
    }

    private static int width(List<Row> rows, Function<Row, String> text) {
        return rows.stream().mapToInt(r -> Text.width(Text.sanitize(text.apply(r)))).max().orElse(0);
    }
}
