package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Level;
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
 * The open service: its tasks and rollout, its signals with their messages, then one row per period of the window, newest
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

    private final ListPanel<DetailModel.Row> panel = new ListPanel<>();

    /** A click in the detail focuses it; its periods are not a cursor's rows. */
    @Override
    public java.util.OptionalInt rowAt(int x, int y) {
        return java.util.OptionalInt.empty();
    }

    @Override
    public void draw(TextGraphics g, Rect r, DetailModel m, RenderContext c) {
        List<ListPanel.Line> above = new ArrayList<>();
        above.add(new ListPanel.Line(m.tasks(), !m.tasksKnown()));
        m.signals().forEach(line -> above.add(signalLine(line, c)));
        ListPanel.Chrome chrome = new ListPanel.Chrome(m.title(), "Esc closes", m.focused(), above);
        ListPanel.Body<DetailModel.Row> body = m.message().<ListPanel.Body<DetailModel.Row>>map(ListPanel.Message::new)
                .orElseGet(() -> new ListPanel.Rows<>(columns(m, r.width() - 2, c), true, 1, m.rows(), -1, m.first()));
        panel.draw(g, r, chrome, body, c);
    }

    /** A signal in its severity's colour (bold when critical), a message behind one in plain text. */
    private static ListPanel.Line signalLine(DetailModel.SignalLine line, RenderContext c) {
        Optional<TextColor> fg = line.severity().map(sev -> c.palette().severity(sev));
        return new ListPanel.Line(line.text(), line.dim(), fg, line.severity().filter(sev -> sev == Severity.CRIT).isPresent());
    }

    static List<Column<DetailModel.Row>> columns(DetailModel m, int inner, RenderContext c) {
        Palette p = c.palette();
        List<Column<DetailModel.Row>> cols = new ArrayList<>();
        cols.add(Column.text("", new Width.Fixed(m.timeWidth()), 0, DetailModel.Row::time, Align.LEFT,
                (row, mark) -> new Style(p.text(), false)));
        for (int i = 0; i < m.columns().size(); i++) {
            int at = i;
            boolean notAsked = m.columns().get(i).notAsked();
            cols.add(Column.text(m.columns().get(i).label(), new Width.Fixed(CELL), 0,
                    row -> row.values().get(at).isPresent() ? Figures.percent(row.values().get(at).getAsDouble())
                            : notAsked ? c.glyphs().ellipsis() : "—",
                    Align.RIGHT, (row, mark) -> new Style(colour(row.values().get(at), thresholds(m, at, c), c), false)));
        }
        int bar = Math.min(MAX_BAR, (inner - 1 - m.timeWidth() - m.columns().size() * CELL - BARS_GAP - BAR_GAP) / 2);
        if (bar >= MIN_BAR) {
            cols.add(bar("CPU max", 0, bar, BARS_GAP, thresholds(m, 0, c), c));
            cols.add(bar("Mem max", 2, bar, BAR_GAP, thresholds(m, 2, c), c));
        }
        return cols;
    }

    private static Column<DetailModel.Row> bar(String header, int figure, int width, int gap, Thresholds t, RenderContext c) {
        return new Column<>(header, new Width.Fixed(width), gap, new Column.BarCell<>(row -> row.values().get(figure),
                (row, mark) -> new Style(colour(row.values().get(figure), t, c), false)));
    }

    /** The thresholds of the open service for the metric of figure column {@code figure}. */
    private static Thresholds thresholds(DetailModel m, int figure, RenderContext c) {
        return c.thresholds().of(m.columns().get(figure).metric(), m.service());
    }

    private static com.googlecode.lanterna.TextColor colour(OptionalDouble v, Thresholds t, RenderContext c) {
        return v.isPresent() ? c.palette().level(Level.of(v, t)) : c.palette().dim();
    }
}
