package ecstop.ui.view;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.rightsize.AxisSizing;
import ecstop.domain.rightsize.Recommendation;
import ecstop.domain.rightsize.Recommendation.Platform;
import ecstop.domain.rightsize.TaskSize;
import ecstop.ui.present.Presenter;
import ecstop.ui.present.Rect;
import ecstop.ui.present.RightsizeModel;
import ecstop.ui.view.Column.Align;
import ecstop.ui.view.Column.Style;
import ecstop.ui.widget.Figures;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The right-sizing table: per service what it reserves and what the rule would reserve (CPU
 * units and MiB), the percentile of its per-period maxima, the monthly difference in dollars
 * for its running tasks, and why. Under-provisioned services are red and never a saving. In
 * the fleet, each row names its cluster.
 */
public final class RightsizePane implements PaneView<RightsizeModel> {
    private static final int MIN_NAME = 6;

    private final ListPanel<RightsizeModel.Row> panel = new ListPanel<>();

    @Override
    public java.util.OptionalInt rowAt(int x, int y) {
        return panel.rowAt(x, y);
    }

    @Override
    public void draw(TextGraphics g, Rect r, RightsizeModel m, RenderContext c) {
        ListPanel.Chrome chrome = new ListPanel.Chrome(m.title(), m.note(), m.focused(),
                m.above().stream().map(line -> new ListPanel.Line(line, false)).toList());
        List<Column<RightsizeModel.Row>> columns = m.fleet().map(labels -> ClusterColumn.after(
                columns(m.nameWidth(), m.percentile(), c), "cluster", labels, m.clusterWidth(), row -> row.ref().cluster(), c))
                .orElseGet(() -> columns(m.nameWidth(), m.percentile(), c));
        ListPanel.Body<RightsizeModel.Row> body = m.empty().<ListPanel.Body<RightsizeModel.Row>>map(ListPanel.Message::new)
                .orElseGet(() -> new ListPanel.Rows<>(columns, true, 0, m.rows(), m.cursor(), 0));
        panel.draw(g, r, chrome, body, c);
    }

    static List<Column<RightsizeModel.Row>> columns(int nameWidth, String percentile, RenderContext c) {
        Palette p = c.palette();
        Column.Ink<RightsizeModel.Row> plain = (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.text(), false);
        return List.of(
                Column.marked(new Width.Fixed(1), (row, mark) -> mark.selected() ? c.glyphs().marker() : " ",
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.accent(), true)),
                Column.text("service", new Width.Content(nameWidth, MIN_NAME, 1, 3), 0, RightsizeModel.Row::shown, Align.LEFT,
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.text(), mark.selected())),
                Column.text("status", new Width.Fixed(17), 1, row -> row.recommendation().status().label(), Align.LEFT,
                        (row, mark) -> new Style(statusColour(row.recommendation(), p), false)),
                Column.text("CPU units", new Width.Fixed(11), 1, row -> size(row.recommendation(), TaskSize::cpu,
                        Recommendation::cpu), Align.RIGHT, plain),
                Column.text("memory MiB", new Width.Fixed(13), 1, row -> size(row.recommendation(), TaskSize::memory,
                        Recommendation::memory), Align.RIGHT, plain),
                Column.text("CPU " + percentile, new Width.Fixed(7), 1, row -> percent(row.recommendation().cpu().percentile(), c),
                        Align.RIGHT, plain),
                Column.text("mem " + percentile, new Width.Fixed(7), 1, row -> percent(row.recommendation().memory().percentile(), c),
                        Align.RIGHT, plain),
                Column.text("$/month", new Width.Fixed(10), 1, row -> dollars(row.recommendation()), Align.RIGHT,
                        (row, mark) -> new Style(row.recommendation().monthlySavings().isPresent() ? p.ok()
                                : row.recommendation().cost().filter(k -> k.monthlyDelta() > 0).isPresent() ? p.warn()
                                : p.text(), false)),
                Column.text("why", new Width.Fill(0), 2, row -> why(row.recommendation()), Align.LEFT,
                        (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.dim(), false)));
    }

    private static TextColor statusColour(Recommendation r, Palette p) {
        return switch (r.status()) {
            case UNDER_PROVISIONED -> p.hot();
            case GROW -> p.warn();
            case OVERSIZED -> p.ok();
            case RESIZE, RIGHT_SIZED -> p.text();
            case TRACKED, NO_DATA -> p.dim();
        };
    }

    /** "1024→512" on Fargate (task sizes), the container reservations on EC2; the number alone when it stays. */
    static String size(Recommendation r, Function<TaskSize, Integer> fargate, Function<Recommendation, AxisSizing> axis) {
        OptionalInt now;
        OptionalInt next;
        if (r.platform() == Platform.FARGATE) {
            now = r.current().map(t -> OptionalInt.of(fargate.apply(t))).orElse(OptionalInt.empty());
            next = r.recommended().map(t -> OptionalInt.of(fargate.apply(t))).orElse(OptionalInt.empty());
        } else {
            now = axis.apply(r).reserved();
            next = axis.apply(r).recommended();
        }
        if (now.isEmpty()) {
            return "—";
        }
        return next.isEmpty() || next.getAsInt() == now.getAsInt() ? String.valueOf(now.getAsInt())
                : now.getAsInt() + "→" + next.getAsInt();
    }

    private static String percent(OptionalDouble v, RenderContext c) {
        return v.isPresent() ? Figures.percent(v.getAsDouble()) : "—";
    }

    /** The month's difference for all running tasks: "-$41.20" saves, "+$12.00" costs; blank where there is no price. */
    private static String dollars(Recommendation r) {
        return r.cost().map(k -> (k.monthlyDelta() < 0 ? "-" : k.monthlyDelta() > 0 ? "+" : "")
                + Presenter.dollars(Math.abs(k.monthlyDelta()))).orElse("");
    }

    private static String why(Recommendation r) {
        return r.notes().isEmpty() ? "" : r.notes().get(0);
    }
}
