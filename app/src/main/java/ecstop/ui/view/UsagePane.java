package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Level;
import ecstop.domain.Metric;
import ecstop.ui.present.Rect;
import ecstop.ui.present.ServiceRow;
import ecstop.ui.present.UsageModel;
import ecstop.ui.view.Column.Align;
import ecstop.ui.view.Column.Style;
import ecstop.ui.widget.Figures;
import ecstop.domain.signal.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * One bar panel (CPU or memory): a row per service with its name, figure, bar and sparkline,
 * coloured by threshold. Only the visible rows are formatted, so a cluster of 5,000
 * services costs what a screenful costs.
 */
public final class UsagePane implements PaneView<UsageModel> {
    private static final int MIN_NAME = 6;
    private static final int MAX_SPARK = 24;
    /** Room for a bar of 15 and a sparkline of 8 at least; below that the bar alone reads better. */
    private static final int MIN_REST_FOR_SPARK = 24;
    private static final int MIN_BAR = 4;

    private final ListPanel<ServiceRow> panel = new ListPanel<>();

    @Override
    public java.util.OptionalInt rowAt(int x, int y) {
        return panel.rowAt(x, y);
    }

    @Override
    public void draw(TextGraphics g, Rect r, UsageModel m, RenderContext c) {
        ListPanel.Chrome chrome = new ListPanel.Chrome(m.title(), m.note(), m.focused());
        List<Column<ServiceRow>> columns = withSignals(columns(m.metric(), m.nameWidth(), c), m.signalWidth(), c);
        ListPanel.Body<ServiceRow> body = m.empty().<ListPanel.Body<ServiceRow>>map(ListPanel.Message::new)
                .orElseGet(() -> ListPanel.Rows.withCursor(m.fleet().isPresent()
                        ? ClusterColumn.after(columns, "", m.fleet().get(), m.clusterWidth(), row -> row.ref().cluster(), c)
                        : columns, m.rows(), m.cursor()));
        panel.draw(g, r, chrome, body, c);
    }

    /**
     * After the name, a mark per signal, worst first, in its severity's colour (bold when
     * critical): {@code width} wide, the most any service shows, so the figures stay in line;
     * no column at all while no service shows a signal.
     */
    static List<Column<ServiceRow>> withSignals(List<Column<ServiceRow>> columns, int width, RenderContext c) {
        if (width <= 0) {
            return columns;
        }
        Palette p = c.palette();
        List<Column<ServiceRow>> out = new ArrayList<>(columns);
        out.add(2, new Column<>("", new Width.Fixed(width), 1, new Column.MarksCell<>(row -> row.signals().stream()
                .map(s -> new Column.Mark(s.kind().mark(c.glyphs().ascii()),
                        new Style(p.severity(s.severity()), s.severity() == Severity.CRIT)))
                .toList())));
        return out;
    }

    /** Marker, name, figure, bar, and a sparkline where there is room for both; colours by each service's thresholds. */
    static List<Column<ServiceRow>> columns(Metric metric, int nameWidth, RenderContext c) {
        Palette p = c.palette();
        Column.Ink<ServiceRow> level = (row, mark) -> {
            Level l = Level.of(row.value(), c.thresholds().of(metric, row.name()));
            return new Style(p.level(l), l == Level.HOT);
        };
        return List.of(
                Column.marked(new Width.Fixed(1), (row, mark) -> mark.selected() ? c.glyphs().marker() : " ",
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.accent(), true)),
                Column.text("", new Width.Content(nameWidth, MIN_NAME, 2, 5), 0, ServiceRow::shown, Align.LEFT,
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg()
                                : row.value().isEmpty() ? p.dim() : p.text(), mark.selected())),
                Column.text("", new Width.Fixed(Figures.WIDTH), 1,
                        row -> Figures.percent(row.value(), c.glyphs().noData()), Align.RIGHT, level),
                new Column<>("", new Width.Fill(MIN_BAR), 1, new Column.GaugeCell<>(ServiceRow::value, level)),
                new Column<>("", new Width.Share(3, MAX_SPARK, MIN_REST_FOR_SPARK), 1,
                        new Column.SparkCell<>(ServiceRow::series,
                                (row, mark) -> new Style(row.value().isEmpty() ? p.dim() : p.accent(), false))));
    }
}
