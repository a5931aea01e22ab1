package ecstop.ui.present;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Periods;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.TimeWindow;
import ecstop.domain.Prefixes;
import ecstop.domain.rightsize.Recommendation;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.domain.rightsize.ScopeRightsize;
import ecstop.domain.Scope;
import ecstop.domain.TargetLabels;
import ecstop.domain.FleetNotes;
import ecstop.domain.Pace;
import ecstop.ui.state.Listing;
import ecstop.domain.View;
import ecstop.ui.state.Pane;
import ecstop.ui.state.SortOrder;
import ecstop.ui.state.State;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * State to what each pane shows, as plain row models: no drawing here, and nothing kept but
 * the memo of sorted rows (per snapshot, filter and sort) and of the status line's parts that
 * change only with an answer (formatted once, not every second). The keys move through the same
 * rows the panes draw, through {@link #listing}. UI thread only.
 */
public final class Presenter {
    private final ServiceRows memo = new ServiceRows();
    private final Glyphs glyphs;
    /** The status line's parts that change only with an answer, kept from the last second's line. */
    private CallStats costOf;
    private String costText;
    private Pace paceOf;
    private List<StatusPart> paceParts = List.of();

    /** The picker's first row when there are several clusters or targets. */
    public static final String FLEET_ROW = "All clusters";

    public Presenter(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    public Layout layout(State s) {
        return Layout.of(s.screen(), s);
    }

    /** The bar panels' rows and the page sizes, for the keys that move. */
    public Listing listing(State s) {
        Layout layout = layout(s);
        if (s.panels() == View.RIGHTSIZE) {
            List<RightsizeModel.Row> table = rightsizeRows(s);
            return new Listing() {
                @Override
                public int size(Metric metric) { return table.size(); }

                @Override
                public ServiceRef at(Metric metric, int index) { return table.get(index).ref(); }

                @Override
                public int indexOf(Metric metric, ServiceRef service) {
                    for (int i = 0; i < table.size(); i++) {
                        if (table.get(i).ref().equals(service)) {
                            return i;
                        }
                    }
                    return -1;
                }

                @Override
                public int pageRows(Pane pane) { return layout.pageRows(pane); }
            };
        }
        return new Listing() {
            @Override
            public int size(Metric metric) { return rows(s, metric).size(); }

            @Override
            public ServiceRef at(Metric metric, int index) { return rows(s, metric).get(index).ref(); }

            @Override
            public int indexOf(Metric metric, ServiceRef service) {
                return memo.indexOf(s.snapshot().orElse(null), s.signals(), s.nav().filter(), s.sort(), metric, service);
            }

            @Override
            public int pageRows(Pane pane) {
                // the signals take their lines from the top of the detail's hourly rows
                return pane == Pane.DETAIL ? Math.max(1, layout.pageRows(pane) - signalLines(s, ZoneOffset.UTC).size())
                        : layout.pageRows(pane);
            }
        };
    }

    /**
     * The rows of a bar panel: filtered, sorted, with the shared prefix cut. A fleet panel that
     * CloudWatch capped at its busiest 500 lists those only: for the rest, a missing figure
     * means "not among the busiest", not "no data".
     */
    public List<ServiceRow> rows(State s, Metric metric) {
        List<ServiceRow> rows = memo.rows(s.snapshot().orElse(null), s.signals(), s.nav().filter(), s.sort(), metric);
        boolean capped = s.fleet().notes().filter(n -> n.limits().capped().contains(metric)).isPresent();
        return capped ? rows.stream().filter(r -> r.value().isPresent()).toList() : rows;
    }

    public String prefix(State s) {
        return memo.prefix(s.snapshot().orElse(null));
    }

    public UsageModel usage(State s, Metric metric) {
        List<ServiceRow> rows = rows(s, metric);
        int cursor = listing(s).cursor(metric, s.nav().selected());
        String note = rows.isEmpty() ? "" : (cursor + 1) + "/" + rows.size();
        Pane pane = metric == Metric.CPU ? Pane.CPU : Pane.MEMORY;
        Optional<TargetLabels> fleet = s.scope().orElse(null) instanceof Scope.Fleet
                ? Optional.of(s.fleet().notes().map(FleetNotes::labels).orElse(TargetLabels.of(s.fleet().fleetTargets())))
                : Optional.empty();
        int clusterWidth = fleet.map(l -> rows.stream().mapToInt(r -> Text.width(Text.sanitize(
                l.label(r.ref().cluster(), glyphs.sep())))).max().orElse(0)).orElse(0);
        return new UsageModel(metric, usageTitle(s, metric), note, s.focus() == pane, rows, cursor,
                memo.longestName(s.snapshot().orElse(null)), fleet, clusterWidth, s.signals().most(), emptyMessage(s, rows));
    }

    /** "CPU · storage-prod_ · peak 24h", naming what the rows show, which is the snapshot's question. */
    private String usageTitle(State s, Metric metric) {
        Stat stat = s.snapshot().map(Snapshot::stat).orElse(s.stat());
        Lookback lookback = s.snapshot().map(Snapshot::lookback).orElse(s.lookback());
        StringBuilder t = new StringBuilder(metric.label());
        if (s.scope().orElse(null) instanceof Scope.Fleet) {
            t.append(glyphs.sep()).append("all clusters");
        }
        String prefix = prefix(s);
        if (!prefix.isEmpty()) {
            t.append(glyphs.sep()).append(prefix);
        }
        t.append(glyphs.sep()).append(stat.label()).append(' ').append(lookback.label());
        if (s.sort() != SortOrder.PEAK) {
            t.append(glyphs.sep()).append("by ").append(s.sort().label());
        }
        if (s.signalsOnly()) {
            t.append(glyphs.sep()).append("with signals");
        }
        if (s.filtering() || !s.filter().isEmpty()) {
            t.append(glyphs.sep()).append('/').append(s.filter()).append(s.filtering() ? "_" : "");
        }
        return t.toString();
    }

    private Optional<String> emptyMessage(State s, List<ServiceRow> rows) {
        if (s.scope().isEmpty()) {
            // with none to pick, "pick one" sends the user looking; say where to look instead
            return Optional.of(s.clustersLoaded() && s.clusters().isEmpty()
                    ? "no ECS clusters in this account and region (check the region and profile)"
                    : "pick a cluster from the list (Enter)");
        }
        if (s.snapshot().isEmpty()) {
            return Optional.of(s.lastError().isPresent() ? "no data yet (see the status bar)" : "loading" + glyphs.ellipsis());
        }
        if (rows.isEmpty()) {
            boolean fleet = s.scope().orElse(null) instanceof Scope.Fleet;
            if (s.signalsOnly()) {
                return Optional.of((s.filter().isEmpty() ? "no service" : "no service matching /" + s.filter())
                        + (s.signals().byService().isEmpty() ? " shows a signal yet (they come with the task details)"
                        : " shows a signal" + (fleet ? " among the rows whose task details were read" : ""))
                        + "; ! lists all");
            }
            return Optional.of(!s.filter().isEmpty() ? "no service matches /" + s.filter()
                    : fleet ? "no service in any cluster has data in this window (idle services publish none)"
                    : "no services in this cluster");
        }
        return Optional.empty();
    }

    /** The right-sizing table's rows, most saved first, filtered like the bars; empty until it is read. */
    public List<RightsizeModel.Row> rightsizeRows(State s) {
        Optional<ScopeRightsize> table = s.rightsize().flatMap(r -> r.toJavaOptional());
        if (table.isEmpty() || s.scope().isEmpty()) {
            return List.of();
        }
        String prefix = prefix(s);
        String needle = s.filter().toLowerCase(Locale.ROOT);
        List<RightsizeModel.Row> rows = new ArrayList<>();
        for (ScopeRightsize.Row row : table.get().rows()) {
            Recommendation r = row.recommendation();
            ServiceRef ref = row.ref();
            if ((needle.isEmpty() || r.service().toLowerCase(Locale.ROOT).contains(needle))
                    && (!s.signalsOnly() || !s.signals().of(ref).isEmpty())) {
                rows.add(new RightsizeModel.Row(ref, Prefixes.strip(r.service(), prefix), r));
            }
        }
        return rows;
    }

    public RightsizeModel rightsize(State s) {
        List<RightsizeModel.Row> rows = rightsizeRows(s);
        int cursor = listing(s).cursor(Metric.CPU, s.nav().selected());
        boolean fleet = s.scope().orElse(null) instanceof Scope.Fleet;
        String title = "Right-size" + (fleet ? glyphs.sep() + "all clusters" : "")
                + (prefix(s).isEmpty() ? "" : glyphs.sep() + prefix(s)) + glyphs.sep()
                + s.lookback().label() + (s.signalsOnly() ? glyphs.sep() + "with signals" : "")
                + (s.filter().isEmpty() && !s.filtering() ? "" : glyphs.sep() + "/" + s.filter() + (s.filtering() ? "_" : ""));
        List<String> above = new ArrayList<>();
        Optional<String> empty = Optional.empty();
        Optional<ScopeRightsize> read = s.rightsize().flatMap(r -> r.toJavaOptional());
        RightsizeRule rule = read.map(ScopeRightsize::rule).orElse(RightsizeRule.DEFAULT);
        if (s.scope().isEmpty()) {
            empty = Optional.of("pick a cluster from the list (Enter)");
        } else if (s.rightsize().isEmpty()) {
            empty = Optional.of((s.snapshot().isEmpty() ? "loading"
                    : fleet ? "reading every cluster's services, task definitions, scaling policies and prices"
                    : "reading task definitions, scaling policies and prices") + glyphs.ellipsis());
        } else if (s.rightsize().get().isLeft()) {
            empty = Optional.of("cannot right-size: " + s.rightsize().get().getLeft().line());
        } else {
            ScopeRightsize t = read.get();
            String sep = glyphs.sep();
            List<String> prices = t.priceSources();
            above.add(t.rule().percentileLabel() + " of " + Periods.describe(t.period()) + " maxima + "
                    + RightsizeRule.number(t.rule().headroomPercent()) + "% headroom" + sep
                    + "saves " + dollars(t.totals().monthlySavings()) + "/mo" + sep
                    + "growing needs " + dollars(t.totals().monthlyToGrow()) + "/mo"
                    + (prices.isEmpty() ? "" : sep + (t.parts().stream().anyMatch(p -> p.table().prices().isPresent())
                    ? "prices: " : "") + String.join("; ", prices)));
            t.lookbackWarning().ifPresent(above::add);
            if (!t.warnings().isEmpty()) {
                above.add(String.join(sep, t.warnings()));
            }
            if (rows.isEmpty()) {
                empty = Optional.of(!s.filter().isEmpty() ? "no service matches /" + s.filter()
                        : fleet ? "no services in any cluster" : "no services in this cluster");
            }
        }
        Optional<TargetLabels> labels = fleet ? read.map(t -> TargetLabels.of(t.rows().stream()
                .map(r -> r.cluster().target()).toList())) : Optional.empty();
        int nameWidth = rows.stream().mapToInt(r -> Text.width(Text.sanitize(r.shown()))).max().orElse(0);
        int clusterWidth = labels.map(l -> rows.stream().mapToInt(r -> Text.width(Text.sanitize(
                l.label(r.ref().cluster(), glyphs.sep())))).max().orElse(0)).orElse(0);
        return new RightsizeModel(title, rows.isEmpty() ? "" : (cursor + 1) + "/" + rows.size(), s.focus() == Pane.CPU,
                above, rows, cursor, nameWidth, rule.percentileLabel(), empty, labels, clusterWidth);
    }

    /** "$1,234.50". */
    public static String dollars(double usd) {
        return String.format(Locale.ROOT, "$%,.2f", usd);
    }

    public ClusterModel clusters(State s) {
        List<Cluster> list = s.clusters();
        String title = "Clusters" + (s.clustersLoaded() ? glyphs.sep() + list.size() : "");
        boolean reservations = list.stream().anyMatch(k -> k.cpuReservation().isPresent() || k.memoryReservation().isPresent());
        List<ClusterModel.Row> rows = new ArrayList<>(list.size() + 1);
        if (s.fleet().fleetRow()) {
            int services = list.stream().mapToInt(Cluster::activeServices).filter(n -> n >= 0).sum();
            rows.add(new ClusterModel.Row(FLEET_ROW, services, OptionalDouble.empty(), OptionalDouble.empty(),
                    s.scope().orElse(null) instanceof Scope.Fleet));
        }
        for (Cluster k : list) {
            rows.add(ClusterModel.Row.of(k, s.cluster().filter(k.ref()::equals).isPresent()));
        }
        Optional<String> empty = !list.isEmpty() ? Optional.empty()
                : Optional.of(s.clustersError().map(f -> "cannot list clusters: " + f.line())
                        .orElse(!s.clustersLoaded() ? "loading" + glyphs.ellipsis() : "no clusters in this region"));
        return new ClusterModel(title, s.focus() == Pane.CLUSTERS, rows,
                s.clusterCursor(), reservations, empty);
    }

    public DetailModel detail(State s, ZoneId zone) {
        ServiceRef service = s.detailService().orElse(null);
        String name = service == null ? "" : service.name();
        Optional<Snapshot> snap = s.snapshot();
        String period = snap.map(x -> Periods.describe(x.window().period())).orElse("");
        String title = name + (period.isEmpty() ? "" : glyphs.sep() + period + glyphs.sep() + snap.get().lookback().label());
        ServiceInfo info = service == null ? null : s.info().get(service);
        boolean focused = s.focus() == Pane.DETAIL;
        String tasks = tasksLine(info, glyphs);
        List<DetailModel.SignalLine> signals = signalLines(s, zone);
        Optional<ServiceUsage> usage = snap.flatMap(x -> x.services().stream().filter(u -> u.ref().equals(service)).findFirst());
        if (usage.isEmpty()) {
            return new DetailModel(title, focused, tasks, info != null, signals,
                    Optional.of(snap.isEmpty() ? "loading" + glyphs.ellipsis() : "not in the latest data"),
                    DetailModel.FIGURES, 0, List.of(), 0, name);
        }
        TimeWindow w = snap.get().window();
        DateTimeFormatter fmt = timeFormat(w).withZone(zone);
        List<DetailModel.Figure> columns = new ArrayList<>();
        List<Map<Instant, Double>> values = new ArrayList<>();
        for (DetailModel.Figure f : DetailModel.FIGURES) {
            Series whole = usage.get().series(f.metric(), f.stat());
            boolean notAsked = whole.isEmpty() && !usage.get().series(f.metric(), f.stat().other()).isEmpty();
            columns.add(new DetailModel.Figure(f.label(), f.metric(), f.stat(), notAsked));
            Map<Instant, Double> byTime = new HashMap<>();
            for (Point pt : whole.points()) {
                byTime.put(pt.time(), pt.value());
            }
            values.add(byTime);
        }
        List<DetailModel.Row> rows = new ArrayList<>();
        for (long bucket = w.buckets() - 1; bucket >= 0; bucket--) {
            Instant t = w.start().plus(w.period().multipliedBy(bucket));
            List<OptionalDouble> cells = new ArrayList<>(values.size());
            for (Map<Instant, Double> byTime : values) {
                Double v = byTime.get(t);
                cells.add(v == null ? OptionalDouble.empty() : OptionalDouble.of(v));
            }
            rows.add(new DetailModel.Row(fmt.format(t), cells));
        }
        return new DetailModel(title, focused, tasks, info != null, signals, Optional.empty(), columns,
                Math.max(5, Text.width(fmt.format(w.start()))), rows, s.detailScroll(), name);
    }

    /**
     * The open service's signal lines: up to half the detail's lines below the tasks line, so
     * the hourly table keeps the other half.
     */
    private List<DetailModel.SignalLine> signalLines(State s, ZoneId zone) {
        Optional<ServiceRef> service = s.detailService();
        int lines = layout(s).detail().map(r -> r.height() - 3).orElse(0);
        if (service.isEmpty() || lines <= 0) {
            return List.of();
        }
        Instant now = s.snapshot().map(Snapshot::fetchedAt).orElse(Instant.EPOCH);
        return SignalLines.of(s.signals(), service.get(), Optional.ofNullable(s.info().get(service.get())),
                s.scope().orElse(null) instanceof Scope.Fleet, now, zone, glyphs, Math.max(1, lines / 2));
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

    private static DateTimeFormatter timeFormat(TimeWindow w) {
        Duration span = Duration.between(w.start(), w.end());
        if (w.period().compareTo(Duration.ofDays(1)) >= 0) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
        }
        if (span.compareTo(Duration.ofDays(1)) > 0) {
            return DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
        }
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    }

    /**
     * The status line's parts: where we are, how old the data is and when it refreshes, what
     * the session has cost, and the last error, each with how hard it is to drop.
     */
    public List<StatusPart> status(State s, Instant now, String header) {
        List<StatusPart> parts = new ArrayList<>();
        if (!header.isBlank()) {
            parts.add(new StatusPart(header, false, false, 4));
        }
        parts.add(new StatusPart(s.scope().map(Scope::name).orElse("no cluster"), false, true, 8));
        parts.add(new StatusPart(s.lookback().label() + " " + s.stat().key(), false, false, 6));
        if (s.snapshot().isPresent()) {
            Duration age = Duration.between(s.snapshot().get().fetchedAt(), now);
            if (s.lastSession()) {
                // painted from the last session while the first fetch is on its way: says so, and how old
                parts.add(new StatusPart("last session's data, " + Ages.shortly(age) + " old", false, true, 9));
            } else if (s.stale()) {
                parts.add(new StatusPart("STALE " + Ages.shortly(age), true, true, 9));
            } else {
                // as hard to drop as STALE: with a long cluster-list error beside it, the error
                // is cut rather than the age of the data on screen
                parts.add(new StatusPart("refreshed " + Ages.shortly(age) + " ago", false, false, 9));
            }
            if (s.catchingUp()) {
                parts.add(new StatusPart("loading " + s.lookback().label() + " " + s.stat().key() + glyphs.ellipsis(),
                        false, true, 7));
            }
        } else if (s.loading()) {
            parts.add(new StatusPart("loading" + glyphs.ellipsis(), false, true, 9));
        }
        s.nextRefresh().ifPresent(next -> {
            Duration in = Duration.between(now, next);
            parts.add(new StatusPart(in.isNegative() || in.isZero() ? "refreshing" + glyphs.ellipsis()
                    : "next in " + Ages.shortly(in), false, false, 2));
        });
        CallStats stats = s.session();
        if (stats.totalCalls() > 0) {
            // the same text until the next answer: formatted once, not every second
            if (stats != costOf) {
                costOf = stats;
                costText = cost(stats);
            }
            parts.add(new StatusPart(costText, false, false, 3));
        }
        s.pace().ifPresent(p -> {
            if (p != paceOf) {
                paceOf = p;
                paceParts = List.copyOf(paceParts(p));
            }
            parts.addAll(paceParts);
        });
        if (s.alerting().quiet(now)) {
            parts.add(new StatusPart("alerts quiet " + Ages.shortly(Duration.between(now, s.alerting().quietUntil().get())),
                    false, false, 5));
        }
        s.fleet().notes().filter(n -> s.scope().orElse(null) instanceof Scope.Fleet).ifPresent(n -> {
            n.failed().forEach((t, f) -> parts.add(new StatusPart(t.label(glyphs.sep()) + ": " + f.line(), true, true, 8)));
            if (n.limits().truncated()) {
                parts.add(new StatusPart(n.limits().line(), false, true, 5));
            }
        });
        // the bars stand without stopped tasks; what they would have told is missing, and why:
        // as hard to drop as an error, so a narrow line cuts it short rather than losing it
        s.signals().stoppedTasksUnavailable().filter(f -> s.cluster().isPresent())
                .ifPresent(f -> parts.add(new StatusPart("no OOM/crash signals: " + f.line(), true, false, 9)));
        s.lastError().or(s::clustersError).ifPresent(f -> parts.add(new StatusPart(f.line(), true, true, 9)));
        return parts;
    }

    /** The projected cost a day, then the cadence. */
    private List<StatusPart> paceParts(Pace p) {
        List<StatusPart> out = new ArrayList<>(2);
        // the cadence goes first when the line is too narrow, then the projection with "next in"
        p.usdPerDay().ifPresent(usd -> out.add(new StatusPart("~$" + perDay(usd) + "/day", false, false, 2)));
        out.add(new StatusPart(pace(p), false, p.budgetStretched(), 1));
        return out;
    }

    /**
     * "every 60s · unfocused: 10m" while someone looks; "unfocused: every 10m" (or "idle: …",
     * when no key came for a while) while nobody does; "(budget)" when the daily budget set it.
     */
    private String pace(Pace p) {
        String every = "every " + Ages.interval(p.every()) + (p.budgetStretched() ? " (budget)" : "");
        if (p.away()) {
            return (p.looking() == Pace.Looking.UNFOCUSED ? "unfocused: " : "idle: ") + every;
        }
        if (p.awayEvery().isZero()) {
            return every;
        }
        return every + glyphs.sep() + (p.focusReported() ? "unfocused: " : "idle: ") + Ages.interval(p.awayEvery());
    }

    /** "0.32", "0.045": a cost a day, to a tenth of a cent below ten cents. */
    private static String perDay(double usd) {
        return usd == 0 ? "0" : String.format(Locale.ROOT, usd < 0.1 ? "%.3f" : "%.2f", usd);
    }

    /** The session's calls and the metrics CloudWatch bills for, both as counted, and their price. */
    private static String cost(CallStats stats) {
        double usd = stats.estimatedCostUsd();
        String price = usd == 0 ? "0" : String.format(Locale.ROOT, usd < 1 ? "%.4f" : "%.2f", usd);
        return stats.totalCalls() + " calls, " + (stats.atLeast() ? "at least " : "") + stats.metricsRequested() + " metrics ~$" + price;
    }
}
