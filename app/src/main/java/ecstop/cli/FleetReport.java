package ecstop.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecstop.domain.Bars;
import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetLimits;
import ecstop.domain.FleetRow;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.domain.TargetLabels;
import ecstop.domain.Thresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code --once} over the fleet: every target's busiest services in one list, each row naming
 * its cluster and whatever of profile, region and account tells it apart. Text shows the top
 * of a CPU and a Memory chart; JSON and CSV carry every row. "no data" is null or empty, never 0.
 */
final class FleetReport {
    /** Rows per chart in text: the busiest; json and csv list all. */
    static final int TEXT_ROWS = 20;
    static final int MAX_NAME = 60;

    /** One service as the report shows it. */
    record Row(ClusterRef cluster, String service, OptionalDouble cpu, OptionalDouble memory) {
        OptionalDouble value(Metric m) {
            return m == Metric.CPU ? cpu : memory;
        }
    }

    /** Everything a report needs: the snapshots that came, the targets that failed, what it all cost. */
    record FleetAnswers(Lookback lookback, Stat stat, List<FleetSnapshot> snapshots, Map<Target, Failure> failed, CallStats cost) {
        List<Row> rows() {
            List<Row> out = new ArrayList<>();
            for (FleetSnapshot s : snapshots) {
                for (FleetRow r : s.rows()) {
                    out.add(new Row(r.cluster(), r.usage().name(), r.usage().value(Metric.CPU, stat),
                            r.usage().value(Metric.MEMORY, stat)));
                }
            }
            out.sort(byValueDescending(Metric.CPU));
            return out;
        }

        FleetLimits limits() {
            return snapshots.stream().map(FleetSnapshot::limits).reduce(FleetLimits.NONE, FleetLimits::plus);
        }

        TargetLabels labels() {
            List<Target> all = new ArrayList<>();
            snapshots.forEach(s -> s.rows().forEach(r -> all.add(r.cluster().target())));
            return TargetLabels.of(all);
        }
    }

    private FleetReport() {}

    /** Highest first, "no data" last, ties by cluster and service. */
    static Comparator<Row> byValueDescending(Metric m) {
        return Comparator.<Row>comparingInt(r -> r.value(m).isPresent() ? 0 : 1)
                .thenComparing(r -> -r.value(m).orElse(0))
                .thenComparing(r -> r.cluster().name())
                .thenComparing(Row::service);
    }

    static String text(FleetAnswers f, Thresholds thresholds, boolean ascii, boolean colour) {
        List<Row> rows = f.rows();
        TargetLabels labels = f.labels();
        List<String> names = rows.stream().map(r -> name(labels, r)).toList();
        int width = Math.min(MAX_NAME, names.stream().mapToInt(n -> SafeText.width(SafeText.safe(n))).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        for (Metric m : Metric.values()) {
            if (m != Metric.CPU) {
                sb.append('\n');
            }
            sb.append(m.label()).append(" · fleet · ").append(f.stat().label()).append(' ').append(f.lookback().label()).append('\n');
            if (rows.isEmpty()) {
                sb.append("(no services)\n");
            }
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort(byValueDescending(m));
            for (Row r : sorted.subList(0, Math.min(TEXT_ROWS, sorted.size()))) {
                sb.append(SafeText.fit(SafeText.safe(name(labels, r)), width)).append(' ');
                OptionalDouble v = r.value(m);
                if (v.isEmpty()) {
                    sb.append("no data");
                } else {
                    boolean hot = colour && v.getAsDouble() >= thresholds.hot();
                    sb.append(hot ? "\u001b[31m" : "").append(String.format(Locale.ROOT, "%7s", Bars.percent(v.getAsDouble())))
                            .append(' ').append(Bars.bar(v.getAsDouble(), TextReport.BAR_WIDTH, ascii)).append(hot ? "\u001b[0m" : "");
                }
                sb.append('\n');
            }
            if (sorted.size() > TEXT_ROWS) {
                sb.append("… ").append(sorted.size() - TEXT_ROWS).append(" more (--format json or csv lists every service)\n");
            }
        }
        String cut = f.limits().line();
        if (!cut.isEmpty()) {
            sb.append('\n').append(cut).append('\n');
        }
        long clusters = rows.stream().map(Row::cluster).distinct().count();
        sb.append('\n').append(String.format(Locale.ROOT, "%d services in %d clusters · %d AWS calls · %s%d metrics (~$%.4f)",
                rows.size(), clusters, f.cost().totalCalls(), f.cost().atLeast() ? "at least " : "", f.cost().metricsRequested(),
                f.cost().estimatedCostUsd())).append('\n');
        return sb.toString();
    }

    private static String name(TargetLabels labels, Row r) {
        return labels.label(r.cluster(), " · ") + " / " + r.service();
    }

    static String json(FleetAnswers f) {
        ObjectMapper mapper = JsonReport.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("scope", "fleet");
        root.put("lookback", f.lookback().label());
        root.put("stat", f.stat().key());
        boolean profiles = profiles(f);
        ArrayNode targets = root.putArray("targets");
        f.snapshots().forEach(s -> {
            ObjectNode t = target(targets.addObject(), s.target());
            t.put("source", s.source() == FleetSnapshot.Source.METRICS_INSIGHTS ? "metrics-insights" : "per-cluster");
            t.put("fetchedAt", s.fetchedAt().toString());
        });
        f.failed().forEach((t, failure) -> target(targets.addObject(), t).put("error", failure.line()));
        FleetLimits limits = f.limits();
        ObjectNode cut = root.putObject("limits");
        cut.put("truncated", limits.truncated());
        metrics(cut.putArray("capped"), limits.capped());
        metrics(cut.putArray("sampled"), limits.sampled());
        cut.put("windowCut", limits.windowCut());
        ArrayNode services = root.putArray("services");
        for (Row r : f.rows()) {
            ObjectNode o = services.addObject();
            if (profiles) {
                o.put("profile", r.cluster().target().profile());
            }
            o.put("region", r.cluster().target().region());
            r.cluster().target().account().ifPresent(a -> o.put("account", a));
            o.put("cluster", r.cluster().name());
            o.put("service", r.service());
            JsonReport.number(o, "cpu", r.cpu());
            JsonReport.number(o, "memory", r.memory());
        }
        JsonReport.aws(root, f.cost());
        return JsonReport.pretty(mapper, root);
    }

    static String csv(FleetAnswers f) {
        boolean profiles = profiles(f);
        List<Row> rows = f.rows();
        boolean accounts = rows.stream().anyMatch(r -> r.cluster().target().account().isPresent());
        StringBuilder sb = new StringBuilder();
        sb.append(profiles ? "profile," : "").append("region,").append(accounts ? "account," : "").append("cluster,service,cpu,memory\r\n");
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            if (profiles) {
                cells.add(r.cluster().target().profile());
            }
            cells.add(r.cluster().target().region());
            if (accounts) {
                cells.add(r.cluster().target().account().orElse(""));
            }
            cells.add(r.cluster().name());
            cells.add(r.service());
            cells.add(CsvReport.number(r.cpu()));
            cells.add(CsvReport.number(r.memory()));
            for (int c = 0; c < cells.size(); c++) {
                sb.append(c == 0 ? "" : ",").append(CsvReport.quote(SafeText.safe(cells.get(c))));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    /** Profiles are named when the command named several (a failed one counts: it was asked). */
    private static boolean profiles(FleetAnswers f) {
        List<Target> asked = new ArrayList<>(f.failed().keySet());
        f.snapshots().forEach(s -> asked.add(s.target()));
        return asked.stream().map(Target::profile).distinct().count() > 1;
    }

    private static ObjectNode target(ObjectNode o, Target t) {
        o.put("profile", t.profile());
        o.put("region", t.region());
        t.account().ifPresent(a -> o.put("account", a));
        return o;
    }

    private static void metrics(ArrayNode into, java.util.Set<Metric> metrics) {
        metrics.stream().sorted().forEach(m -> into.add(m.name().toLowerCase(Locale.ROOT)));
    }

}
