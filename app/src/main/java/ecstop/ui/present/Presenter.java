package ecstop.ui.present;

import ecstop.domain.Cluster;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Periods;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.Prefixes;
import ecstop.domain.rightsize.Recommendation;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.domain.rightsize.ScopeRightsize;
import ecstop.domain.Scope;
import ecstop.domain.TargetLabels;
import ecstop.domain.FleetNotes;
import ecstop.ui.state.Pane;
import ecstop.ui.state.SortOrder;
import ecstop.ui.state.State;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Text;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * State to what each pane shows, as plain row models: no drawing here, and nothing kept but
 * the memo of sorted rows (per snapshot, filter and sort) and of the status line's parts that
 * change only with an answer (formatted once, not every second). The keys move through the same
 * rows the panes draw, through the lists of {@link PaneLists}. UI thread only.
 */
public final class Presenter {
    private final ServiceRows memo = new ServiceRows();
    private final Glyphs glyphs;
    private final DetailPresenter detail;
    private final StatusLine statusLine;

    /** The picker's first row when there are several clusters or targets. */
    public static final String FLEET_ROW = "All clusters";

    public Presenter(Glyphs glyphs) {
        this.glyphs = glyphs;
        this.detail = new DetailPresenter(glyphs);
        this.statusLine = new StatusLine(glyphs);
    }

    /** The open service's detail as sections, for a pane of {@code height} (box included). */
    public DetailModel detail(State s, ZoneId zone, int height) {
        return detail.detail(s, zone, height);
    }

    /** Rows a page key moves in the detail of {@code height}. */
    public int detailPage(State s, int height) {
        return detail.page(s, height);
    }

    /**
     * The rows of a bar panel: filtered, sorted, with the shared prefix cut. A fleet panel that
     * CloudWatch capped at its busiest 500 lists those only: for the rest, a missing figure
     * means "not among the busiest", not "no data".
     */
    public List<ServiceRow> rows(State s, Metric metric) {
        return memo.rows(s.snapshot().orElse(null), s.signals(), s.nav().filter(), s.sort(), capped(s), metric);
    }

    private static java.util.Set<Metric> capped(State s) {
        return s.fleet().notes().map(n -> n.limits().capped()).orElse(java.util.Set.of());
    }

    /** The row of the selected service among the metric's rows: 0 when it is not shown. */
    public int cursor(State s, Metric metric) {
        return s.nav().selected().map(ref -> Math.max(0, memo.indexOf(s.snapshot().orElse(null), s.signals(), s.nav().filter(),
                s.sort(), capped(s), metric, ref))).orElse(0);
    }

    public String prefix(State s) {
        return memo.prefix(s.snapshot().orElse(null));
    }

    public UsageModel usage(State s, Metric metric) {
        List<ServiceRow> rows = rows(s, metric);
        int cursor = cursor(s, metric);
        String note = rows.isEmpty() ? "" : (cursor + 1) + "/" + rows.size();
        Pane pane = metric == Metric.CPU ? Pane.CPU : Pane.MEMORY;
        Optional<TargetLabels> fleet = s.scope().orElse(null) instanceof Scope.Fleet
                ? Optional.of(s.fleet().notes().map(FleetNotes::labels).orElse(TargetLabels.of(s.fleet().fleetTargets())))
                : Optional.empty();
        int clusterWidth = fleet.map(l -> rows.stream().mapToInt(r -> Text.width(Text.sanitize(
                l.label(r.ref().cluster(), glyphs.sep())))).max().orElse(0)).orElse(0);
        return new UsageModel(metric, usageTitle(s, metric), note, s.focus().equals(pane), rows, cursor,
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

    /** The row of the selected service in the table: 0 when it is not listed. */
    public static int rightsizeCursor(State s, List<RightsizeModel.Row> rows) {
        for (int i = 0; s.nav().selected().isPresent() && i < rows.size(); i++) {
            if (rows.get(i).ref().equals(s.nav().selected().get())) {
                return i;
            }
        }
        return 0;
    }

    public RightsizeModel rightsize(State s) {
        List<RightsizeModel.Row> rows = rightsizeRows(s);
        int cursor = rightsizeCursor(s, rows);
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
        return new RightsizeModel(title, rows.isEmpty() ? "" : (cursor + 1) + "/" + rows.size(), s.focus().equals(Pane.RIGHTSIZE),
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
        return new ClusterModel(title, s.focus().equals(Pane.CLUSTERS), rows,
                s.clusterCursor(), reservations, empty);
    }

    /** The status line's parts (see {@link StatusLine}). */
    public List<StatusPart> status(State s, Instant now, String header) {
        return statusLine.parts(s, now, header);
    }
}
