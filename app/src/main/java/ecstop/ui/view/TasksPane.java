package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Level;
import ecstop.domain.Metric;
import ecstop.ui.present.Rect;
import ecstop.ui.present.TasksModel;
import ecstop.ui.present.TasksModel.Kind;
import ecstop.ui.present.TasksModel.Row;
import ecstop.ui.view.Column.Align;
import ecstop.ui.view.Column.Style;
import ecstop.ui.widget.Text;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The tasks pane, in place of the CPU and memory bars: a row per running task and, indented
 * under it, its containers, then the service's tasks stopped in the last hour. CPU and memory
 * at the peak of the window and the latest period, with a bar of the peak like the panels',
 * coloured by the service's thresholds; the hot task and the container nearest its hard limit
 * carry a mark. On a narrow screen the age, AZ, health and bars give way before the figures.
 */
public final class TasksPane implements PaneView<TasksModel> {
    private static final int MIN_NAME = 6;
    private static final int MAX_BAR = 10;

    private final ListPanel<Row> panel = new ListPanel<>();

    @Override
    public OptionalInt rowAt(int x, int y) {
        return panel.rowAt(x, y);
    }

    @Override
    public void draw(TextGraphics g, Rect r, TasksModel m, RenderContext c) {
        ListPanel.Chrome chrome = new ListPanel.Chrome(m.title(), m.note(), m.focused(),
                m.above().stream().map(line -> new ListPanel.Line(line.text(), line.dim())).toList());
        ListPanel.Body<Row> body = m.empty().<ListPanel.Body<Row>>map(ListPanel.Message::new)
                .orElseGet(() -> new ListPanel.Rows<>(columns(m.rows(), c), true, 0, m.rows(), m.cursor(), 0));
        panel.draw(g, r, chrome, body, c);
    }

    static List<Column<Row>> columns(List<Row> rows, RenderContext c) {
        Palette p = c.palette();
        int nameWidth = width(rows, Row::name);
        int whereWidth = width(rows, Row::where);
        Column.Ink<Row> plain = (row, mark) -> new Style(mark.highlighted() ? p.selectionFg()
                : row.kind() == Kind.STOPPED ? p.dim() : p.text(), false);
        return List.of(
                Column.marked(new Width.Fixed(1), (row, mark) -> mark.selected() ? c.glyphs().marker() : " ",
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.accent(), true)),
                Column.text("task", new Width.Content(nameWidth, MIN_NAME, 1, 3), 0, Row::name, Align.LEFT,
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg()
                                : row.kind() == Kind.STOPPED ? p.severity(ecstop.domain.signal.Severity.WARN) : p.text(),
                                row.kind() == Kind.TASK || row.marked())),
                Column.text("", new Width.Fixed(1), 0, row -> row.marked() ? (c.glyphs().ascii() ? "<" : "◀") : "",
                        Align.LEFT, (row, mark) -> new Style(p.hot(), true)),
                Column.text("age", new Width.Share(1, 5, 45), 1, Row::age, Align.RIGHT, plain),
                Column.text("AZ", new Width.Share(1, Math.max(2, whereWidth), 50), 1, Row::where, Align.LEFT, plain),
                Column.text("rev", new Width.Share(1, 5, 12), 1, row -> row.revision() + (row.oldRevision() ? "*" : ""),
                        Align.LEFT, (row, mark) -> row.oldRevision() && !mark.highlighted() ? new Style(p.warn(), true)
                                : plain.of(row, mark)),
                Column.text("health", new Width.Share(1, 9, 40), 1, Row::health, Align.LEFT,
                        (row, mark) -> row.health().equals("unhealthy") && !mark.highlighted() ? new Style(p.hot(), true)
                                : plain.of(row, mark)),
                Column.text("essential", new Width.Share(1, 9, 36), 1, Row::essential, Align.LEFT, plain),
                figure("CPU pk", Row::cpuPeak, Metric.CPU, c),
                figure("last", Row::cpuLatest, Metric.CPU, c),
                new Column<>("", new Width.Share(4, MAX_BAR, 30), 1, new Column.GaugeCell<>(Row::cpuPeak, level(Row::cpuPeak,
                        Metric.CPU, c))),
                figure("mem pk", Row::memoryPeak, Metric.MEMORY, c),
                figure("last", Row::memoryLatest, Metric.MEMORY, c),
                new Column<>("", new Width.Share(3, MAX_BAR, 30), 1, new Column.GaugeCell<>(Row::memoryPeak,
                        level(Row::memoryPeak, Metric.MEMORY, c))),
                Column.text("", new Width.Fill(0), 1, Row::note, Align.LEFT,
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : row.marked() ? p.hot() : p.dim(),
                                row.marked())));
    }

    /** A whole percentage, right-aligned in six columns; blank where a row has no such figure. */
    private static Column<Row> figure(String header, Function<Row, OptionalDouble> value, Metric metric, RenderContext c) {
        return Column.text(header, new Width.Fixed(header.length()), 1, row -> {
            OptionalDouble v = value.apply(row);
            return v.isPresent() ? Math.round(v.getAsDouble()) + "%" : row.kind() == Kind.STOPPED ? "" : "–";
        }, Align.RIGHT, level(value, metric, c));
    }

    private static Column.Ink<Row> level(Function<Row, OptionalDouble> value, Metric metric, RenderContext c) {
        Palette p = c.palette();
        return (row, mark) -> {
            Level l = Level.of(value.apply(row), c.thresholds().of(metric, row.service()));
            return new Style(mark.highlighted() && l != Level.HOT ? p.selectionFg() : p.level(l), l == Level.HOT);
        };
    }

    private static int width(List<Row> rows, Function<Row, String> text) {
        return rows.stream().mapToInt(r -> Text.width(Text.sanitize(text.apply(r)))).max().orElse(0);
    }
}
