package ecstop.ui.present;

import ecstop.domain.Cluster;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Periods;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.Thresholds;
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
    private ServiceRows memo = new ServiceRows();
    private final Glyphs glyphs;
    private final DetailPresenter detail;
    private final StatusLine statusLine;
    private final TasksPresenter tasks;
    private final ContainersPresenter containers;

    /** The picker's first row when there are several clusters or targets. */
    public static final String FLEET_ROW = "All clusters";

    public Presenter(Glyphs glyphs) {
        this(glyphs, Thresholds.DEFAULT);
    }

    /**
     * {@code thresholds}: the warn and hot levels, per service, that the detail's answer line and
     * chart go by, and the warn level a task must reach to be hot among idle siblings.
     */
    public Presenter(Glyphs glyphs, Thresholds thresholds) {
        this.glyphs = glyphs;
        this.detail = new DetailPresenter(glyphs, thresholds);
        this.statusLine = new StatusLine(glyphs);
        this.tasks = new TasksPresenter(glyphs, thresholds.warn());
        this.containers = new ContainersPresenter(glyphs);
    }

    /** The scope's containers nearest their memory limits. */
    public ContainersModel containers(State s) {
        return containers.model(s);
    }

    /** The containers pane's rows, as it draws them. */
    public List<ContainersModel.Row> containerRows(State s) {
        return containers.rows(s);
    }

    /** The open service's tasks pane. */
    public TasksModel tasks(State s, ZoneId zone) {
        return tasks.model(s, zone);
    }

    /** The tasks pane's rows, as it draws them. */
    public List<TasksModel.Row> taskRows(State s, ZoneId zone) {
        return tasks.rows(s, zone);
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
        return memo.rows(s.fleet().snapshot().orElse(null), s.fleet().signals(), s.nav().filter(), s.nav().sort(), capped(s), metric);
    }

    /**
     * Off the UI thread: both panels' rows (and the selected service's place in each) as the
     * State {@code next} will ask for them; empty when it shows no bars.
     */
    public java.util.Optional<RowsAhead> ahead(State next) {
        if (next.fleet().snapshot().isEmpty() || next.question().view() != ecstop.domain.View.USAGE) {
            return java.util.Optional.empty();
        }
        ServiceRows own = new ServiceRows();
        for (Metric m : Metric.values()) {
            own.rows(next.fleet().snapshot().get(), next.fleet().signals(), next.nav().filter(), next.nav().sort(), capped(next), m);
            next.nav().selected().ifPresent(ref -> own.indexOf(next.fleet().snapshot().get(), next.fleet().signals(),
                    next.nav().filter(), next.nav().sort(), capped(next), m, ref));
        }
        return java.util.Optional.of(new RowsAhead(own));
    }

    /** On the UI thread: the rows {@link #ahead} prepared become the memo, which checks them against each State it is asked for. */
    public void adopt(RowsAhead prepared) {
        memo = prepared.rows;
    }

    private static java.util.Set<Metric> capped(State s) {
        return s.fleet().notes().map(n -> n.limits().capped()).orElse(java.util.Set.of());
    }

    /** The row of the selected service among the metric's rows: 0 when it is not shown. */
    public int cursor(State s, Metric metric) {
        return s.nav().selected().map(ref -> Math.max(0, memo.indexOf(s.fleet().snapshot().orElse(null), s.fleet().signals(),
                s.nav().filter(), s.nav().sort(), capped(s), metric, ref))).orElse(0);
    }

    public String prefix(State s) {
        return memo.prefix(s.fleet().snapshot().orElse(null));
    }

    public UsageModel usage(State s, Metric metric) {
        List<ServiceRow> rows = rows(s, metric);
        int cursor = cursor(s, metric);
        String note = rows.isEmpty() ? "" : (cursor + 1) + "/" + rows.size();
        Pane pane = metric == Metric.CPU ? Pane.CPU : Pane.MEMORY;
        Optional<TargetLabels> fleet = s.question().scope().orElse(null) instanceof Scope.Fleet
                ? Optional.of(s.fleet().notes().map(FleetNotes::labels).orElse(TargetLabels.of(s.fleet().fleetTargets())))
                : Optional.empty();
        int clusterWidth = fleet.map(l -> rows.stream().mapToInt(r -> Text.width(Text.sanitize(
                l.label(r.ref().cluster(), glyphs.sep())))).max().orElse(0)).orElse(0);
        return new UsageModel(metric, usageTitle(s, metric), note, s.nav().focus().equals(pane), rows, cursor,
                memo.longestName(s.fleet().snapshot().orElse(null)), fleet, clusterWidth, s.fleet().signals().most(),
                emptyMessage(s, rows));
    }

    /** "CPU · storage-prod_ · peak 24h", naming what the rows show, which is the snapshot's question. */
    private String usageTitle(State s, Metric metric) {
        Stat stat = s.fleet().snapshot().map(Snapshot::stat).orElse(s.question().stat());
        Lookback lookback = s.fleet().snapshot().map(Snapshot::lookback).orElse(s.question().lookback());
        StringBuilder t = new StringBuilder(metric.label());
        if (s.question().scope().orElse(null) instanceof Scope.Fleet) {
            t.append(glyphs.sep()).append("all clusters");
        }
        String prefix = prefix(s);
        if (!prefix.isEmpty()) {
            t.append(glyphs.sep()).append(prefix);
        }
        t.append(glyphs.sep()).append(stat.label()).append(' ').append(lookback.label());
        if (s.nav().sort() != SortOrder.PEAK) {
            t.append(glyphs.sep()).append("by ").append(s.nav().sort().label());
        }
        if (s.nav().filter().signalsOnly()) {
            t.append(glyphs.sep()).append("with signals");
        }
        if (s.nav().filter().typing() || !s.nav().filter().text().isEmpty()) {
            t.append(glyphs.sep()).append('/').append(s.nav().filter().text()).append(s.nav().filter().typing() ? "_" : "");
        }
        return t.toString();
    }

    private Optional<String> emptyMessage(State s, List<ServiceRow> rows) {
        if (s.question().scope().isEmpty()) {
            // with none to pick, "pick one" sends the user looking; say where to look instead
            return Optional.of(s.fleet().clustersLoaded() && s.fleet().clusters().isEmpty()
                    ? "no ECS clusters in this account and region (check the region and profile)"
                    : "pick a cluster from the list (Enter)");
        }
        if (s.fleet().snapshot().isEmpty()) {
            return Optional.of(s.health().lastError().isPresent() ? "no data yet (see the status bar)" : "loading" + glyphs.ellipsis());
        }
        if (rows.isEmpty()) {
            boolean fleet = s.question().scope().orElse(null) instanceof Scope.Fleet;
            if (s.nav().filter().signalsOnly()) {
                return Optional.of((s.nav().filter().text().isEmpty() ? "no service" : "no service matching /" + s.nav().filter().text())
                        + (s.fleet().signals().byService().isEmpty() ? " shows a signal yet (they come with the task details)"
                        : " shows a signal" + (fleet ? " among the rows whose task details were read" : ""))
                        + "; ! lists all");
            }
            return Optional.of(!s.nav().filter().text().isEmpty() ? "no service matches /" + s.nav().filter().text()
                    : fleet ? "no service in any cluster has data in this window (idle services publish none)"
                    : "no services in this cluster");
        }
        return Optional.empty();
    }

    /** The right-sizing table's rows, most saved first, filtered like the bars; empty until it is read. */
    public List<RightsizeModel.Row> rightsizeRows(State s) {
        Optional<ScopeRightsize> table = s.fleet().rightsize().flatMap(r -> r.toJavaOptional());
        if (table.isEmpty() || s.question().scope().isEmpty()) {
            return List.of();
        }
        String prefix = prefix(s);
        String needle = s.nav().filter().text().toLowerCase(Locale.ROOT);
        List<RightsizeModel.Row> rows = new ArrayList<>();
        for (ScopeRightsize.Row row : table.get().rows()) {
            Recommendation r = row.recommendation();
            ServiceRef ref = row.ref();
            if ((needle.isEmpty() || r.service().toLowerCase(Locale.ROOT).contains(needle))
                    && (!s.nav().filter().signalsOnly() || !s.fleet().signals().of(ref).isEmpty())) {
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
        boolean fleet = s.question().scope().orElse(null) instanceof Scope.Fleet;
        String title = "Right-size" + (fleet ? glyphs.sep() + "all clusters" : "")
                + (prefix(s).isEmpty() ? "" : glyphs.sep() + prefix(s)) + glyphs.sep()
                + s.question().lookback().label() + (s.nav().filter().signalsOnly() ? glyphs.sep() + "with signals" : "")
                + (s.nav().filter().text().isEmpty() && !s.nav().filter().typing() ? ""
                        : glyphs.sep() + "/" + s.nav().filter().text() + (s.nav().filter().typing() ? "_" : ""));
        List<String> above = new ArrayList<>();
        Optional<String> empty = Optional.empty();
        Optional<ScopeRightsize> read = s.fleet().rightsize().flatMap(r -> r.toJavaOptional());
        RightsizeRule rule = read.map(ScopeRightsize::rule).orElse(RightsizeRule.DEFAULT);
        if (s.question().scope().isEmpty()) {
            empty = Optional.of("pick a cluster from the list (Enter)");
        } else if (s.fleet().rightsize().isEmpty()) {
            empty = Optional.of((s.fleet().snapshot().isEmpty() ? "loading"
                    : fleet ? "reading every cluster's services, task definitions, scaling policies and prices"
                    : "reading task definitions, scaling policies and prices") + glyphs.ellipsis());
        } else if (s.fleet().rightsize().get().isLeft()) {
            empty = Optional.of("cannot right-size: " + s.fleet().rightsize().get().getLeft().line());
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
                empty = Optional.of(!s.nav().filter().text().isEmpty() ? "no service matches /" + s.nav().filter().text()
                        : fleet ? "no services in any cluster" : "no services in this cluster");
            }
        }
        Optional<TargetLabels> labels = fleet ? read.map(t -> TargetLabels.of(t.rows().stream()
                .map(r -> r.cluster().target()).toList())) : Optional.empty();
        int nameWidth = rows.stream().mapToInt(r -> Text.width(Text.sanitize(r.shown()))).max().orElse(0);
        int clusterWidth = labels.map(l -> rows.stream().mapToInt(r -> Text.width(Text.sanitize(
                l.label(r.ref().cluster(), glyphs.sep())))).max().orElse(0)).orElse(0);
        return new RightsizeModel(title, rows.isEmpty() ? "" : (cursor + 1) + "/" + rows.size(), s.nav().focus().equals(Pane.RIGHTSIZE),
                above, rows, cursor, nameWidth, rule.percentileLabel(), empty, labels, clusterWidth);
    }

    /** "$1,234.50". */
    public static String dollars(double usd) {
        return String.format(Locale.ROOT, "$%,.2f", usd);
    }

    public ClusterModel clusters(State s) {
        List<Cluster> list = s.fleet().clusters();
        String title = "Clusters" + (s.fleet().clustersLoaded() ? glyphs.sep() + list.size() : "");
        boolean reservations = list.stream().anyMatch(k -> k.cpuReservation().isPresent() || k.memoryReservation().isPresent());
        List<ClusterModel.Row> rows = new ArrayList<>(list.size() + 1);
        if (s.fleet().fleetRow()) {
            int services = list.stream().mapToInt(Cluster::activeServices).filter(n -> n >= 0).sum();
            rows.add(new ClusterModel.Row(FLEET_ROW, services, OptionalDouble.empty(), OptionalDouble.empty(),
                    s.question().scope().orElse(null) instanceof Scope.Fleet));
        }
        for (Cluster k : list) {
            rows.add(ClusterModel.Row.of(k, s.cluster().filter(k.ref()::equals).isPresent()));
        }
        Optional<String> empty = !list.isEmpty() ? Optional.empty()
                : Optional.of(s.health().clustersError().map(f -> "cannot list clusters: " + f.line())
                        .orElse(!s.fleet().clustersLoaded() ? "loading" + glyphs.ellipsis() : "no clusters in this region"));
        return new ClusterModel(title, s.nav().focus().equals(Pane.CLUSTERS), rows,
                s.nav().clusterCursor(), reservations, empty);
    }

    /** The status line's parts (see {@link StatusLine}). */
    public List<StatusPart> status(State s, Instant now, String header) {
        return statusLine.parts(s, now, header);
    }
}
