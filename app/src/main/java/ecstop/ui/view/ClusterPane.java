package ecstop.ui.view;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Cluster;
import ecstop.domain.Level;
import ecstop.ui.Pane;
import ecstop.ui.State;
import ecstop.ui.widget.Box;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.ScrollList;
import ecstop.ui.widget.Text;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The cluster picker: every cluster, the chosen one marked, service count and reservations where known. */
public final class ClusterPane {
    private static final int COUNT = 5;
    private static final int RESERVATION = 10;
    private final ScrollList scroll = new ScrollList();

    public void draw(TextGraphics g, Rect r, State s, RenderContext c) {
        boolean focused = s.focus() == Pane.CLUSTERS;
        Palette p = c.palette();
        List<Cluster> list = s.clusters();
        String title = "Clusters" + (s.clustersLoaded() ? c.glyphs().sep() + list.size() : "");
        boolean showReservation = r.width() - 2 >= 2 + 10 + COUNT + RESERVATION
                && list.stream().anyMatch(k -> k.cpuReservation().isPresent() || k.memoryReservation().isPresent());
        Box.draw(g, r.col(), r.row(), r.width(), r.height(), title, showReservation ? "svc cpu/mem rsv" : "svc",
                focused ? p.accent() : p.text(), focused ? p.accent() : p.text(), focused, c.glyphs());
        int inner = r.width() - 2;
        int height = r.height() - 2;
        int x = r.col() + 1;
        int y = r.row() + 1;
        Pen.clear(g, x, y, inner, height, p.background());
        if (list.isEmpty()) {
            String msg = s.clustersError().map(f -> "cannot list clusters: " + f.line())
                    .orElse(!s.clustersLoaded() ? "loading" + c.glyphs().ellipsis() : "no clusters in this region");
            Pen.put(g, x + 1, y, Text.fit(msg, inner - 1, c.glyphs().ellipsis()), p.dim(), p.background());
            return;
        }
        int top = scroll.top(list.size(), s.clusterCursor(), height);
        int nameW = inner - 2 - COUNT - (showReservation ? RESERVATION : 0);
        String chosen = s.cluster().orElse("");
        for (int i = top; i < Math.min(list.size(), top + height); i++) {
            Cluster k = list.get(i);
            boolean cursor = focused && i == s.clusterCursor();
            TextColor bg = cursor ? p.selectionBg() : p.background();
            TextColor fg = cursor ? p.selectionFg() : p.text();
            int row = y + i - top;
            boolean isChosen = k.name().equals(chosen);
            Pen.put(g, x, row, (isChosen ? c.glyphs().marker() : " ") + " ", cursor ? fg : p.accent(), bg, true);
            Pen.put(g, x + 2, row, Text.pad(k.name(), nameW, c.glyphs().ellipsis()), fg, bg, isChosen);
            String count = k.activeServices() >= 0 ? String.valueOf(k.activeServices()) : "";
            Pen.put(g, x + 2 + nameW, row, Text.padLeft(count, COUNT, ""), cursor ? fg : p.dim(), bg);
            if (showReservation) {
                drawReservation(g, x + 2 + nameW + COUNT, row, k, bg, c);
            }
        }
    }

    private static void drawReservation(TextGraphics g, int x, int row, Cluster k, TextColor bg, RenderContext c) {
        Pen.put(g, x, row, " ", c.palette().text(), bg);
        drawPercent(g, x + 1, row, k.cpuReservation(), bg, c);
        Pen.put(g, x + 5, row, " ", c.palette().text(), bg);
        drawPercent(g, x + 6, row, k.memoryReservation(), bg, c);
    }

    private static void drawPercent(TextGraphics g, int x, int row, OptionalDouble v, TextColor bg, RenderContext c) {
        if (v.isPresent() && !Double.isFinite(v.getAsDouble())) {
            v = OptionalDouble.empty();
        }
        String text = v.isPresent() ? String.format(Locale.ROOT, "%3.0f%%", Math.max(0, Math.min(999, v.getAsDouble()))) : "  - ";
        Pen.put(g, x, row, text.substring(0, Math.min(4, text.length())),
                c.palette().level(Level.of(v, c.thresholds())), bg);
    }
}
