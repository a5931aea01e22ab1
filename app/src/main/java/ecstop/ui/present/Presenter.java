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
import ecstop.domain.Window;
import ecstop.poll.Pace;
import ecstop.ui.state.Listing;
import ecstop.ui.state.Pane;
import ecstop.ui.state.SortOrder;
import ecstop.ui.state.State;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Text;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

    public Presenter(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    public Layout layout(State s) {
        return Layout.of(s.screen(), s);
    }

    /** The bar panels' rows and the page sizes, for the keys that move. */
    public Listing listing(State s) {
        Layout layout = layout(s);
        return new Listing() {
            @Override
            public int size(Metric metric) { return rows(s, metric).size(); }

            @Override
            public ServiceRef at(Metric metric, int index) { return rows(s, metric).get(index).ref(); }

            @Override
            public int indexOf(Metric metric, ServiceRef service) {
                return memo.indexOf(s.snapshot().orElse(null), s.filter(), s.sort(), metric, service);
            }

            @Override
            public int pageRows(Pane pane) { return layout.pageRows(pane); }
        };
    }

    /** The rows of a bar panel: filtered, sorted, with the shared prefix cut. */
    public List<ServiceRow> rows(State s, Metric metric) {
        return memo.rows(s.snapshot().orElse(null), s.filter(), s.sort(), metric);
    }

    public String prefix(State s) {
        return memo.prefix(s.snapshot().orElse(null));
    }

    public UsageModel usage(State s, Metric metric) {
        List<ServiceRow> rows = rows(s, metric);
        int cursor = listing(s).cursor(metric, s.nav().selected());
        String note = rows.isEmpty() ? "" : (cursor + 1) + "/" + rows.size();
        Pane pane = metric == Metric.CPU ? Pane.CPU : Pane.MEMORY;
        return new UsageModel(metric, usageTitle(s, metric), note, s.focus() == pane, rows, cursor,
                memo.longestName(s.snapshot().orElse(null)), emptyMessage(s, rows));
    }

    /** "CPU · storage-prod_ · peak 24h", naming what the rows show, which is the snapshot's question. */
    private String usageTitle(State s, Metric metric) {
        Stat stat = s.snapshot().map(Snapshot::stat).orElse(s.stat());
        Lookback lookback = s.snapshot().map(Snapshot::lookback).orElse(s.lookback());
        StringBuilder t = new StringBuilder(metric.label());
        String prefix = prefix(s);
        if (!prefix.isEmpty()) {
            t.append(glyphs.sep()).append(prefix);
        }
        t.append(glyphs.sep()).append(stat.label()).append(' ').append(lookback.label());
        if (s.sort() != SortOrder.PEAK) {
            t.append(glyphs.sep()).append("by ").append(s.sort().label());
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
            return Optional.of(s.filter().isEmpty() ? "no services in this cluster" : "no service matches /" + s.filter());
        }
        return Optional.empty();
    }

    public ClusterModel clusters(State s) {
        List<Cluster> list = s.clusters();
        String title = "Clusters" + (s.clustersLoaded() ? glyphs.sep() + list.size() : "");
        boolean reservations = list.stream().anyMatch(k -> k.cpuReservation().isPresent() || k.memoryReservation().isPresent());
        List<ClusterModel.Row> rows = new ArrayList<>(list.size());
        for (Cluster k : list) {
            rows.add(new ClusterModel.Row(k, s.cluster().filter(k.ref()::equals).isPresent()));
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
        Optional<ServiceUsage> usage = snap.flatMap(x -> x.services().stream().filter(u -> u.ref().equals(service)).findFirst());
        if (usage.isEmpty()) {
            return new DetailModel(title, focused, tasks, info != null,
                    Optional.of(snap.isEmpty() ? "loading" + glyphs.ellipsis() : "not in the latest data"),
                    DetailModel.FIGURES, 0, List.of(), 0, name);
        }
        Window w = snap.get().window();
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
        return new DetailModel(title, focused, tasks, info != null, Optional.empty(), columns,
                Math.max(5, Text.width(fmt.format(w.start()))), rows, s.detailScroll(), name);
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

    /**
     * The status line's parts: where we are, how old the data is and when it refreshes, what
     * the session has cost, and the last error, each with how hard it is to drop.
     */
    public List<StatusPart> status(State s, Instant now, String header) {
        List<StatusPart> parts = new ArrayList<>();
        if (!header.isBlank()) {
            parts.add(new StatusPart(header, false, false, 4));
        }
        parts.add(new StatusPart(s.cluster().map(c -> c.name()).orElse("no cluster"), false, true, 8));
        parts.add(new StatusPart(s.lookback().label() + " " + s.stat().key(), false, false, 6));
        if (s.snapshot().isPresent()) {
            Duration age = Duration.between(s.snapshot().get().fetchedAt(), now);
            if (s.stale()) {
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
        s.lastError().or(s::clustersError).ifPresent(f -> parts.add(new StatusPart(f.line(), true, true, 9)));
        return parts;
    }

    /** The projected cost a day, then the cadence. */
    private List<StatusPart> paceParts(Pace p) {
        List<StatusPart> out = new ArrayList<>(2);
        // the cadence goes first when the line is too narrow, then the projection with "next in"
        p.usdPerDay().ifPresent(usd -> out.add(new StatusPart("~$" + dollars(usd) + "/day", false, false, 2)));
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

    private static String dollars(double usd) {
        return usd == 0 ? "0" : String.format(Locale.ROOT, usd < 0.1 ? "%.3f" : "%.2f", usd);
    }

    /** The session's calls and the metrics CloudWatch bills for, both as counted, and their price. */
    private static String cost(CallStats stats) {
        double usd = stats.estimatedCostUsd();
        String price = usd == 0 ? "0" : String.format(Locale.ROOT, usd < 1 ? "%.4f" : "%.2f", usd);
        return stats.totalCalls() + " calls, " + stats.metricsRequested() + " metrics ~$" + price;
    }
}
