package ecstop.ui.view;

import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Level;
import ecstop.ui.present.ClusterModel;
import ecstop.ui.present.Rect;
import ecstop.ui.view.Column.Align;
import ecstop.ui.view.Column.Style;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/** The cluster picker: every cluster, the chosen one marked, service count and reservations where known. */
public final class ClusterPane implements PaneView<ClusterModel> {
    /** Room the reservation columns need: marker, a name of at least 10, the service count and two percentages. */
    private static final int RESERVATION_ROOM = 2 + 10 + 5 + 10;

    private final ListPanel<ClusterModel.Row> panel = new ListPanel<>();

    @Override
    public java.util.OptionalInt rowAt(int x, int y) {
        return panel.rowAt(x, y);
    }

    @Override
    public void draw(TextGraphics g, Rect r, ClusterModel m, RenderContext c) {
        boolean reservations = m.reservations() && r.width() - 2 >= RESERVATION_ROOM;
        ListPanel.Chrome chrome = new ListPanel.Chrome(m.title(), reservations ? "svc cpu/mem rsv" : "svc", m.focused());
        ListPanel.Body<ClusterModel.Row> body = m.empty().<ListPanel.Body<ClusterModel.Row>>map(ListPanel.Message::new)
                .orElseGet(() -> ListPanel.Rows.withCursor(columns(reservations, c), m.rows(), m.cursor()));
        panel.draw(g, r, chrome, body, c);
    }

    /** Chosen marker, name, service count, and the CPU and memory reservation when there is room and data. */
    static List<Column<ClusterModel.Row>> columns(boolean reservations, RenderContext c) {
        Palette p = c.palette();
        List<Column<ClusterModel.Row>> base = List.of(
                Column.marked(new Width.Fixed(2), (row, mark) -> (row.chosen() ? c.glyphs().marker() : " ") + " ",
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.accent(), true)),
                Column.text("", new Width.Fill(0), 0, ClusterModel.Row::name, Align.LEFT,
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.text(), row.chosen())),
                Column.text("", new Width.Fixed(5), 0,
                        row -> row.services() >= 0 ? String.valueOf(row.services()) : "",
                        Align.RIGHT, (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.dim(), false)));
        if (!reservations) {
            return base;
        }
        return java.util.stream.Stream.concat(base.stream(), java.util.stream.Stream.of(
                percent(ClusterModel.Row::cpuReservation, c), percent(ClusterModel.Row::memoryReservation, c))).toList();
    }

    private static Column<ClusterModel.Row> percent(Function<ClusterModel.Row, OptionalDouble> of, RenderContext c) {
        return Column.text("", new Width.Fixed(4), 1, row -> percentText(finite(of.apply(row))), Align.LEFT,
                (row, mark) -> new Style(c.palette().level(Level.of(finite(of.apply(row)), c.thresholds())), false));
    }

    private static OptionalDouble finite(OptionalDouble v) {
        return v.isPresent() && !Double.isFinite(v.getAsDouble()) ? OptionalDouble.empty() : v;
    }

    private static String percentText(OptionalDouble v) {
        String text = v.isPresent()
                ? String.format(Locale.ROOT, "%3.0f%%", Math.max(0, Math.min(999, v.getAsDouble()))) : "  - ";
        return text.substring(0, Math.min(4, text.length()));
    }
}
