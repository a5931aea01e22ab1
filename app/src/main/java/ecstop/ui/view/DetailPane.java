package ecstop.ui.view;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.Level;
import ecstop.domain.Metric;
import ecstop.domain.Periods;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.Window;
import ecstop.ui.Pane;
import ecstop.ui.State;
import ecstop.ui.widget.BarCell;
import ecstop.ui.widget.Box;
import ecstop.ui.widget.Figures;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The open service: its tasks and rollout, then one row per period of the window, newest
 * first, with CPU and memory maximum and average. The statistic the bars do not show
 * arrives with the next fetch; until then its cells say so.
 */
public final class DetailPane {
    private static final int CELL = 9;
    private static final int MIN_BAR = 10;
    private static final int MAX_BAR = 40;
    private static final List<Column> COLUMNS = List.of(
            new Column("CPU max", Metric.CPU, Stat.MAX), new Column("CPU avg", Metric.CPU, Stat.AVG),
            new Column("Mem max", Metric.MEMORY, Stat.MAX), new Column("Mem avg", Metric.MEMORY, Stat.AVG));

    private record Column(String label, Metric metric, Stat stat) {}

    public void draw(TextGraphics g, Rect r, State s, RenderContext c) {
        boolean focused = s.focus() == Pane.DETAIL;
        Palette p = c.palette();
        Glyphs gl = c.glyphs();
        String name = s.detailService().orElse("");
        Optional<Snapshot> snap = s.snapshot();
        String period = snap.map(x -> Periods.describe(x.window().period())).orElse("");
        String title = name + (period.isEmpty() ? "" : gl.sep() + period + gl.sep() + snap.get().lookback().label());
        Box.draw(g, r.col(), r.row(), r.width(), r.height(), title, "Esc closes", focused ? p.accent() : p.text(),
                focused ? p.accent() : p.text(), focused, gl);
        int inner = r.width() - 2;
        int height = r.height() - 2;
        int x = r.col() + 1;
        int y = r.row() + 1;
        Pen.clear(g, x, y, inner, height, p.background());
        if (height <= 0) {
            return;
        }
        Pen.put(g, x + 1, y, Text.fit(tasksLine(s.info().get(name), gl), inner - 1, gl.ellipsis()),
                s.info().containsKey(name) ? p.text() : p.dim(), p.background());
        Optional<ServiceUsage> usage = snap.flatMap(x2 -> x2.services().stream().filter(u -> u.name().equals(name)).findFirst());
        if (usage.isEmpty() || height < 3) {
            if (height >= 2) {
                Pen.put(g, x + 1, y + 1, Text.fit(snap.isEmpty() ? "loading" + gl.ellipsis() : "not in the latest data",
                        inner - 1, gl.ellipsis()), p.dim(), p.background());
            }
            return;
        }
        Window w = snap.get().window();
        DateTimeFormatter fmt = timeFormat(w).withZone(c.zone());
        int timeW = Math.max(5, Text.width(fmt.format(w.start())));
        StringBuilder header = new StringBuilder(Text.pad("", timeW, ""));
        for (Column col : COLUMNS) {
            header.append(Text.padLeft(col.label(), CELL, ""));
        }
        Pen.put(g, x + 1, y + 1, Text.fit(header.toString(), inner - 1, gl.ellipsis()), p.accent(), p.background(), true);
        // with room to spare, the maxima as bars too: the eye finds "since when" faster than in figures
        int barsX = x + 1 + timeW + COLUMNS.size() * CELL + 3;
        int barW = Math.min(MAX_BAR, (x + inner - barsX - 2) / 2);
        boolean bars = barW >= MIN_BAR;
        if (bars) {
            Pen.put(g, barsX, y + 1, Text.pad("CPU max", barW + 2, ""), p.accent(), p.background(), true);
            Pen.put(g, barsX + barW + 2, y + 1, "Mem max", p.accent(), p.background(), true);
        }

        Map<Column, Map<Instant, Double>> values = new HashMap<>();
        for (Column col : COLUMNS) {
            Map<Instant, Double> m = new HashMap<>();
            for (Point pt : usage.get().series(col.metric(), col.stat()).points()) {
                m.put(pt.time(), pt.value());
            }
            values.put(col, m);
        }
        int rows = height - 2;
        long buckets = w.buckets();
        int first = (int) Math.max(0, Math.min(s.detailScroll(), buckets - rows));
        for (int i = 0; i < rows && first + i < buckets; i++) {
            long bucket = buckets - 1 - first - i;
            Instant t = w.start().plus(w.period().multipliedBy(bucket));
            int row = y + 2 + i;
            int cx = x + 1;
            Pen.put(g, cx, row, Text.pad(fmt.format(t), timeW, ""), p.text(), p.background());
            cx += timeW;
            for (Column col : COLUMNS) {
                if (cx + CELL > x + inner) {
                    break;
                }
                Series whole = usage.get().series(col.metric(), col.stat());
                Double v = values.get(col).get(t);
                boolean notAsked = whole.isEmpty() && !usage.get().series(col.metric(), col.stat().other()).isEmpty();
                String text = v != null ? Figures.percent(v) : notAsked ? gl.ellipsis() : "—";
                TextColor fg = v != null ? p.level(Level.of(OptionalDouble.of(v), c.thresholds())) : p.dim();
                Pen.put(g, cx, row, Text.padLeft(text, CELL, ""), fg, p.background());
                cx += CELL;
            }
            if (bars) {
                drawBar(g, barsX, row, barW, values.get(COLUMNS.get(0)).get(t), c);
                drawBar(g, barsX + barW + 2, row, barW, values.get(COLUMNS.get(2)).get(t), c);
            }
        }
    }

    private static void drawBar(TextGraphics g, int x, int row, int width, Double v, RenderContext c) {
        OptionalDouble value = v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        BarCell.draw(g, x, row, width, value, c.palette().level(Level.of(value, c.thresholds())), c.palette().background(),
                c.glyphs());
    }

    /** "3 desired · 3 running · 0 pending · FARGATE · web:42 · rollout COMPLETED". */
    static String tasksLine(ServiceInfo i, Glyphs gl) {
        if (i == null) {
            return "tasks: not fetched yet";
        }
        String sep = gl.sep();
        return i.desired() + " desired" + sep + i.running() + " running" + sep + i.pending() + " pending" + sep
                + nonBlank(i.launchType()) + sep + nonBlank(i.taskDefinitionShort()) + sep
                + "rollout " + nonBlank(i.rolloutState());
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? "?" : s;
    }

    private static DateTimeFormatter timeFormat(Window w) {
        Duration span = Duration.between(w.start(), w.end());
        if (w.period().compareTo(Duration.ofDays(1)) >= 0) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
        }
        if (span.compareTo(Duration.ofDays(1)) > 0) {
            return DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
        }
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    }
}
