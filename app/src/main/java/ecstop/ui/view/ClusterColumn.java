package ecstop.ui.view;

import ecstop.domain.ClusterRef;
import ecstop.domain.TargetLabels;
import ecstop.ui.view.Column.Align;
import ecstop.ui.view.Column.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * In the fleet, a column naming each row's cluster (and its profile, region or account where
 * those tell rows apart) after the marker, dim beside the service's name; it gives way first
 * when the pane is narrow. Shared by the bar panels and the right-sizing table.
 */
final class ClusterColumn {
    private static final int MIN_WIDTH = 5;

    private ClusterColumn() {}

    /**
     * {@code columns} with the cluster's column second, headed {@code header}, the name after it
     * one blank apart; {@code width} at most.
     */
    static <R> List<Column<R>> after(List<Column<R>> columns, String header, TargetLabels labels, int width,
                                     Function<R, ClusterRef> cluster, RenderContext c) {
        Palette p = c.palette();
        List<Column<R>> out = new ArrayList<>(columns);
        Column<R> name = out.get(1);
        out.set(1, new Column<>(name.header(), name.width(), 1, name.cell()));
        out.add(1, Column.text(header, new Width.Content(width, MIN_WIDTH, 1, 4), 0,
                row -> labels.label(cluster.apply(row), c.glyphs().sep()), Align.LEFT,
                (row, mark) -> new Style(mark.highlighted() ? p.selectionFg() : p.dim(), false)));
        return out;
    }
}
