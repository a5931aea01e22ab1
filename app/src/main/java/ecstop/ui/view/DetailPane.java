package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Level;
import ecstop.domain.Metric;
import ecstop.domain.Stat;
import ecstop.domain.Thresholds;
import ecstop.ui.present.DetailModel;
import ecstop.ui.present.Rect;
import ecstop.ui.view.Column.Align;
import ecstop.ui.view.Column.Style;
import ecstop.ui.widget.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import com.googlecode.lanterna.TextColor;
import ecstop.domain.signal.Severity;

/**
 * The open service: its tasks and rollout, its signals with their messages, its timeline's answer line and its CPU and
 * memory charts side by side, then one row per period of the window, newest
 * first, with CPU and memory maximum and average, and with room to spare the maxima as bars
 * too: the eye finds "since when" faster in bars than in figures.
 */
public final class DetailPane implements PaneView<DetailModel> {
    private static final int CELL = 9;
    private static final int MIN_BAR = 10;
    private static final int MAX_BAR = 40;
    /** Blank columns between the figures and the first bar, and between the bars. */
    private static final int BARS_GAP = 3;
    private static final int BAR_GAP = 2;
    /** Blank columns between two charts side by side. */
    private static final int CHART_GAP = 3;

    private final ListPanel<DetailModel.Row> panel = new ListPanel<>();
    private final ChartPainter charts;

    public DetailPane() {
        this(ChartPainter.INKED);
    }

    public DetailPane(ChartPainter charts) {
        this.charts = charts;
    }

    /** A click in the detail focuses it; its periods are not a cursor's rows. */
    @Override
    public java.util.OptionalInt rowAt(int x, int y) {
        return java.util.OptionalInt.empty();
    }

    /**
     * The sections top to bottom: each but the last gives its lines above the list (a chart's
     * are blank there and painted over), the last fills the rest as rows, a message, or a chart.
     */
    @Override
    public void draw(TextGraphics g, Rect r, DetailModel m, RenderContext c) {
        List<ListPanel.Line> above = new ArrayList<>();
        List<DetailModel.Section> sections = m.sections();
        List<Runnable> paints = new ArrayList<>();
        for (DetailModel.Section section : sections.subList(0, sections.size() - 1)) {
            if (section.body() instanceof DetailModel.Chart chart) {
                Rect at = new Rect(r.col() + 2, r.row() + 1 + above.size(), r.width() - 4, section.lines());
                paints.add(() -> paint(g, at, chart, c));
            }
            for (int i = 0; i < section.lines(); i++) {
                above.add(i == 0 && section.body() instanceof DetailModel.Message msg ? line(msg, c) : new ListPanel.Line("", false));
            }
        }
        ListPanel.Chrome chrome = new ListPanel.Chrome(m.title(), "Esc closes", m.focused(), above);
        DetailModel.Body last = sections.get(sections.size() - 1).body();
        ListPanel.Body<DetailModel.Row> body;
        if (last instanceof DetailModel.Rows rows) {
            body = new ListPanel.Rows<>(columns(rows, m.service(), r.width() - 2, c), true, 1, rows.rows(), -1, rows.first());
        } else if (last instanceof DetailModel.Message msg) {
            body = new ListPanel.Message<>(msg.text());
        } else {
            body = new ListPanel.Message<>("");
        }
        panel.draw(g, r, chrome, body, c);
        if (last instanceof DetailModel.Chart chart) {
            int top = r.row() + 1 + above.size();
            int height = r.height() - 2 - above.size();
            paints.add(() -> paint(g, new Rect(r.col() + 2, top, r.width() - 4, height), chart, c));
        }
        // over the panel's blank lines, once it has drawn them
        paints.forEach(Runnable::run);
    }

    /** The charts side by side, {@link #CHART_GAP} apart, sharing the width (a blank column each side, as text has). */
    private void paint(TextGraphics g, Rect r, DetailModel.Chart chart, RenderContext c) {
        int n = chart.specs().size();
        if (n == 0 || r.height() <= 0) {
            return;
        }
        int each = (r.width() - CHART_GAP * (n - 1)) / n;
        if (each <= 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            charts.draw(g, new Rect(r.col() + i * (each + CHART_GAP), r.row(), each, r.height()), chart.specs().get(i), c);
        }
    }

    /** A line of text: a signal's in its severity's colour (bold when critical), a note dim. */
    private static ListPanel.Line line(DetailModel.Message m, RenderContext c) {
        Optional<TextColor> fg = m.severity().map(sev -> c.palette().severity(sev));
        return new ListPanel.Line(m.text(), m.dim(), fg, m.severity().filter(sev -> sev == Severity.CRIT).isPresent());
    }

    static List<Column<DetailModel.Row>> columns(DetailModel.Rows m, String service, int inner, RenderContext c) {
        Palette p = c.palette();
        List<Column<DetailModel.Row>> cols = new ArrayList<>();
        cols.add(Column.text("", new Width.Fixed(m.timeWidth()), 0, DetailModel.Row::time, Align.LEFT,
                (row, mark) -> new Style(p.text(), false)));
        for (int i = 0; i < m.columns().size(); i++) {
            int at = i;
            DetailModel.Figure figure = m.columns().get(i);
            Thresholds t = c.thresholds().of(figure.metric(), service);
            cols.add(Column.text(figure.label(), new Width.Fixed(CELL), 0,
                    row -> row.values().get(at).isPresent() ? Figures.percent(row.values().get(at).getAsDouble())
                            : figure.notAsked() ? c.glyphs().ellipsis() : "—",
                    Align.RIGHT, (row, mark) -> new Style(colour(row.values().get(at), t, c), false)));
        }
        int bar = Math.min(MAX_BAR, (inner - 1 - m.timeWidth() - m.columns().size() * CELL - BARS_GAP - BAR_GAP) / 2);
        int cpu = m.column(Metric.CPU, Stat.MAX);
        int mem = m.column(Metric.MEMORY, Stat.MAX);
        if (bar >= MIN_BAR && cpu >= 0 && mem >= 0) {
            cols.add(bar("CPU max", cpu, bar, BARS_GAP, c.thresholds().of(Metric.CPU, service), c));
            cols.add(bar("Mem max", mem, bar, BAR_GAP, c.thresholds().of(Metric.MEMORY, service), c));
        }
        return cols;
    }

    private static Column<DetailModel.Row> bar(String header, int figure, int width, int gap, Thresholds t, RenderContext c) {
        return new Column<>(header, new Width.Fixed(width), gap, new Column.GaugeCell<>(row -> row.values().get(figure),
                (row, mark) -> new Style(colour(row.values().get(figure), t, c), false)));
    }

    private static com.googlecode.lanterna.TextColor colour(OptionalDouble v, Thresholds t, RenderContext c) {
        return v.isPresent() ? c.palette().level(Level.of(v, t)) : c.palette().dim();
    }
}
