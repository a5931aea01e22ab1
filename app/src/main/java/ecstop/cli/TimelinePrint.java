package ecstop.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecstop.domain.Metric;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.Stat;
import ecstop.domain.TimeWindow;
import ecstop.domain.timeline.ClockText;
import ecstop.domain.timeline.Marker;
import ecstop.ui.widget.chart.Chart;
import ecstop.ui.widget.chart.ChartSeries;
import ecstop.ui.widget.chart.ChartSpec;
import ecstop.ui.widget.chart.GlyphMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/** {@code --once --view timeline} as text (answer lines, a chart per metric, the markers), JSON or CSV (the series). */
final class TimelinePrint {
    private TimelinePrint() {}

    static String text(TimelineReport r, boolean ascii) {
        StringBuilder sb = new StringBuilder();
        TimeWindow w = r.series().window();
        sb.append(SafeText.safe(r.service().cluster().name())).append(" · ").append(SafeText.safe(r.service().name()))
                .append(" · timeline · lookback ").append(r.lookback().label()).append(" · ")
                .append(w.periodSeconds()).append(" s periods\n");
        r.answerLines().forEach(l -> sb.append(SafeText.safe(l)).append('\n'));
        for (Metric m : List.of(Metric.MEMORY, Metric.CPU)) {
            sb.append('\n').append(TimelineOnce.word(m)).append(" (max: the busiest task; avg: the mean of tasks)\n");
            ChartSpec spec = ChartSpec.of(List.of(
                            ChartSeries.of("max", r.series().max(m), w.period(), Stat.MAX),
                            ChartSeries.of("avg", r.series().avg(m), w.period(), Stat.AVG)), w, r.zone())
                    .withThresholds(r.thresholds().get(m))
                    .withMarkers(r.markers(), OptionalInt.empty())
                    .withMode(ascii ? GlyphMode.ASCII : GlyphMode.BRAILLE);
            sb.append(Chart.render(spec, TimelineOnce.WIDTH, TimelineOnce.HEIGHT).text());
            if (sb.charAt(sb.length() - 1) != '\n') {
                sb.append('\n');
            }
        }
        sb.append('\n');
        if (r.markers().isEmpty()) {
            sb.append("no deployments, OOM kills, crashes or scaling in this window\n");
        } else {
            sb.append("markers:\n");
            for (Marker k : r.markers().inOrder()) {
                sb.append("  ").append(ClockText.at(k.time(), r.now(), r.zone())).append("  ")
                        .append(k.kind().mark(ascii)).append(' ').append(SafeText.safe(k.text())).append('\n');
            }
        }
        return sb.toString();
    }

    static String json(TimelineReport r) {
        ObjectMapper mapper = JsonReport.mapper();
        ObjectNode root = mapper.createObjectNode();
        TimeWindow w = r.series().window();
        root.put("cluster", r.service().cluster().name());
        root.put("service", r.service().name());
        root.put("profile", r.service().cluster().target().profile());
        root.put("region", r.service().cluster().target().region());
        root.put("lookback", r.lookback().label());
        root.put("start", w.start().toString());
        root.put("end", w.end().toString());
        root.put("periodSeconds", w.periodSeconds());
        root.put("at", r.now().toString());
        root.put("answer", r.answers().get(r.headline()));
        ObjectNode answers = root.putObject("answers");
        for (Metric m : Metric.values()) {
            answers.put(key(m), r.answers().get(m));
        }
        ObjectNode series = root.putObject("series");
        for (Metric m : Metric.values()) {
            ObjectNode o = series.putObject(key(m));
            points(o.putArray("max"), r.series().max(m));
            points(o.putArray("avg"), r.series().avg(m));
        }
        ArrayNode markers = root.putArray("markers");
        for (Marker k : r.markers().inOrder()) {
            markers.addObject().put("time", k.time().toString()).put("kind", k.kind().name().toLowerCase(Locale.ROOT))
                    .put("text", k.text());
        }
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        JsonReport.aws(root, r.calls());
        return JsonReport.pretty(mapper, root);
    }

    /** One row a period of the window: empty cells where CloudWatch had no datapoint, never 0. */
    static String csv(TimelineReport r) {
        TimeWindow w = r.series().window();
        List<Series> columns = List.of(r.series().max(Metric.CPU), r.series().avg(Metric.CPU),
                r.series().max(Metric.MEMORY), r.series().avg(Metric.MEMORY));
        List<Map<Instant, Double>> byTime = columns.stream().map(TimelinePrint::byTime).toList();
        StringBuilder sb = new StringBuilder("time,cpu_max,cpu_avg,memory_max,memory_avg\r\n");
        for (Instant t = w.start(); t.isBefore(w.end()); t = t.plus(w.period())) {
            sb.append(t);
            for (Map<Instant, Double> c : byTime) {
                Double v = c.get(t);
                sb.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.2f", v));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static Map<Instant, Double> byTime(Series s) {
        Map<Instant, Double> out = new HashMap<>();
        s.points().forEach(p -> out.put(p.time(), p.value()));
        return out;
    }

    private static void points(ArrayNode into, Series s) {
        for (Point p : s.points()) {
            into.addObject().put("time", p.time().toString()).put("value", p.value());
        }
    }

    private static String key(Metric m) {
        return m == Metric.CPU ? "cpu" : "memory";
    }
}
