package ecstop.ui.view;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Level;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.ui.Pane;
import ecstop.ui.ServiceRow;
import ecstop.ui.SortOrder;
import ecstop.ui.State;
import ecstop.ui.widget.BarCell;
import ecstop.ui.widget.Box;
import ecstop.ui.widget.Figures;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.ScrollList;
import ecstop.ui.widget.Sparkline;
import ecstop.ui.widget.Text;
import java.util.List;

/**
 * One bar panel (CPU or memory): a row per service with its name, figure, bar and sparkline,
 * coloured by threshold. Only the visible rows are measured and formatted, so a cluster of
 * 5,000 services costs what a screenful costs.
 */
public final class UsagePane {
    private static final int MIN_NAME = 6;
    private static final int MAX_SPARK = 24;
    /** Room for a bar of 15 and a sparkline of 8 at least; below that the bar alone reads better. */
    private static final int MIN_REST_FOR_SPARK = 24;
    private final Metric metric;
    private final Pane pane;
    private final ScrollList scroll = new ScrollList();

    public UsagePane(Metric metric) {
        this.metric = metric;
        this.pane = metric == Metric.CPU ? Pane.CPU : Pane.MEMORY;
    }

    public void draw(TextGraphics g, Rect r, State s, RenderContext c) {
        boolean focused = s.focus() == pane;
        Palette p = c.palette();
        Glyphs gl = c.glyphs();
        List<ServiceRow> rows = s.rows(metric);
        int cursor = s.indexOfSelected(rows);
        String note = rows.isEmpty() ? "" : (cursor + 1) + "/" + rows.size();
        Box.draw(g, r.col(), r.row(), r.width(), r.height(), title(s, gl), note,
                focused ? p.accent() : p.text(), focused ? p.accent() : p.text(), focused, gl);
        int inner = r.width() - 2;
        int height = r.height() - 2;
        int x = r.col() + 1;
        int y = r.row() + 1;
        if (height <= 0 || inner <= 0) {
            return;
        }
        String empty = emptyMessage(s, rows, gl);
        if (empty != null) {
            Pen.clear(g, x, y, inner, height, p.background());
            Pen.put(g, x + 1, y, Text.fit(empty, inner - 1, gl.ellipsis()), p.dim(), p.background());
            return;
        }
        int top = scroll.top(rows.size(), cursor, height);
        int end = Math.min(rows.size(), top + height);
        // each row paints its full width; only the rows below the list need blanking
        Pen.clear(g, x, y + end - top, inner, height - (end - top), p.background());
        // gutter, name, space, figure, space, bar [, space, sparkline]
        int nameW = Math.min(Math.max(MIN_NAME, s.longestName()), Math.max(MIN_NAME, inner * 2 / 5));
        int rest = inner - 1 - nameW - 1 - Figures.WIDTH - 1;
        int spark = rest >= MIN_REST_FOR_SPARK ? Math.min(MAX_SPARK, rest / 3) : 0;
        int bar = rest - (spark > 0 ? spark + 1 : 0);
        if (bar < 4) {
            nameW = Math.max(1, nameW - (4 - bar));
            bar = inner - 1 - nameW - 1 - Figures.WIDTH - 1 - (spark > 0 ? spark + 1 : 0);
        }
        for (int i = top; i < end; i++) {
            ServiceRow row = rows.get(i);
            boolean selected = i == cursor;
            drawRow(g, x, y + i - top, row, selected, focused && selected, nameW, bar, spark, c);
        }
    }

    private void drawRow(TextGraphics g, int x, int y, ServiceRow row, boolean selected, boolean highlighted,
                         int nameW, int bar, int spark, RenderContext c) {
        Palette p = c.palette();
        Glyphs gl = c.glyphs();
        TextColor bg = highlighted ? p.selectionBg() : p.background();
        Level level = Level.of(row.value(), c.thresholds());
        TextColor colour = p.level(level);
        boolean none = row.value().isEmpty();
        TextColor nameFg = highlighted ? p.selectionFg() : none ? p.dim() : p.text();
        Pen.put(g, x, y, selected ? gl.marker() : " ", highlighted ? p.selectionFg() : p.accent(), bg, true);
        Pen.put(g, x + 1, y, Text.pad(row.shown(), nameW, gl.ellipsis()) + " ", nameFg, bg, selected);
        int fx = x + 1 + nameW + 1;
        Pen.put(g, fx, y, Text.padLeft(Figures.percent(row.value(), gl.noData()), Figures.WIDTH, gl.ellipsis()) + " ",
                colour, bg, level == Level.HOT);
        int bx = fx + Figures.WIDTH + 1;
        BarCell.draw(g, bx, y, bar, row.value(), colour, bg, gl);
        if (spark > 0) {
            Pen.put(g, bx + bar, y, " ", p.text(), bg);
            Sparkline.draw(g, bx + bar + 1, y, spark, row.series(), none ? p.dim() : p.accent(), bg, gl);
        }
    }

    /** "CPU · storage-prod_ · peak 24h", naming what the rows show, which is the snapshot's question. */
    String title(State s, Glyphs gl) {
        Stat stat = s.snapshot().map(Snapshot::stat).orElse(s.stat());
        Lookback lookback = s.snapshot().map(Snapshot::lookback).orElse(s.lookback());
        StringBuilder t = new StringBuilder(metric.label());
        if (!s.prefix().isEmpty()) {
            t.append(gl.sep()).append(s.prefix());
        }
        t.append(gl.sep()).append(stat.label()).append(' ').append(lookback.label());
        if (s.sort() != SortOrder.PEAK) {
            t.append(gl.sep()).append("by ").append(s.sort().label());
        }
        if (s.filtering() || !s.filter().isEmpty()) {
            t.append(gl.sep()).append('/').append(s.filter()).append(s.filtering() ? "_" : "");
        }
        return t.toString();
    }

    private static String emptyMessage(State s, List<ServiceRow> rows, Glyphs gl) {
        if (s.cluster().isEmpty()) {
            // with none to pick, "pick one" sends the user looking; say where to look instead
            return s.clustersLoaded() && s.clusters().isEmpty()
                    ? "no ECS clusters in this account and region (check the region and profile)"
                    : "pick a cluster from the list (Enter)";
        }
        if (s.snapshot().isEmpty()) {
            return s.lastError().isPresent() ? "no data yet (see the status bar)" : "loading" + gl.ellipsis();
        }
        if (rows.isEmpty()) {
            return s.filter().isEmpty() ? "no services in this cluster" : "no service matches /" + s.filter();
        }
        return null;
    }
}
