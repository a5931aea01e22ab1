package ecstop.ui;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.ServiceInfo;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the screen shows, owned by the UI thread. Every operation returns a new State
 * and leaves this one alone, so key handling is a chain of pure steps a test can replay.
 *
 * <p>Two views of the fleet live here: what the user asks for (cluster, lookback, stat) and
 * what the last snapshot holds. They differ for the moment between a key press and the
 * answer; the panels keep drawing the snapshot under its own labels meanwhile, so they
 * never claim figures they do not have.
 */
public final class State implements Cloneable {
    private List<Cluster> clusters = List.of();
    private boolean clustersLoaded;
    private int clusterCursor;
    private String cluster;
    private Lookback lookback;
    private Stat stat;
    private SortOrder sort = SortOrder.PEAK;
    private String filter = "";
    private boolean filtering;
    private String selected;
    private Pane focus = Pane.CLUSTERS;
    private boolean detailOpen;
    private String detailName;
    private int detailScroll;
    private boolean helpVisible;
    private int pageRows = 10;

    private Snapshot snapshot;
    private Map<String, ServiceInfo> info = Map.of();
    private Failure lastError;
    private Instant lastErrorAt;
    private Failure clustersError;
    private CallStats session = CallStats.NONE;
    private Instant nextRefresh;

    /** Shared by the copies of a State; it checks its inputs on every use. */
    private RowCache rows = new RowCache();

    private State() {}

    public static State initial(Optional<String> cluster, Lookback lookback, Stat stat) {
        State s = new State();
        s.cluster = cluster.orElse(null);
        s.lookback = lookback;
        s.stat = stat;
        s.focus = s.cluster == null ? Pane.CLUSTERS : Pane.CPU;
        return s;
    }

    private State copy() {
        try {
            return (State) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    // ---- what the user looks at -------------------------------------------------------

    public List<Cluster> clusters() { return clusters; }

    public boolean clustersLoaded() { return clustersLoaded; }

    public int clusterCursor() { return clusterCursor; }

    public Optional<String> cluster() { return Optional.ofNullable(cluster); }

    public Lookback lookback() { return lookback; }

    public Stat stat() { return stat; }

    public SortOrder sort() { return sort; }

    public String filter() { return filter; }

    public boolean filtering() { return filtering; }

    public Pane focus() { return focus; }

    public boolean detailOpen() { return detailOpen; }

    public int detailScroll() { return detailScroll; }

    public boolean helpVisible() { return helpVisible; }

    public int pageRows() { return pageRows; }

    // ---- what the poller told us ------------------------------------------------------

    public Optional<Snapshot> snapshot() { return Optional.ofNullable(snapshot); }

    public Map<String, ServiceInfo> info() { return info; }

    public Optional<Failure> lastError() { return Optional.ofNullable(lastError); }

    public Optional<Instant> lastErrorAt() { return Optional.ofNullable(lastErrorAt); }

    /** Why the cluster list could not be fetched; it does not make the panels' data stale. */
    public Optional<Failure> clustersError() { return Optional.ofNullable(clustersError); }

    public CallStats session() { return session; }

    public Optional<Instant> nextRefresh() { return Optional.ofNullable(nextRefresh); }

    /** A cluster is chosen and nothing has come back for it yet. */
    public boolean loading() {
        return cluster != null && snapshot == null && lastError == null;
    }

    /** The data on screen is older than a later attempt that failed. */
    public boolean stale() {
        return snapshot != null && lastError != null;
    }

    /** The snapshot on screen answers an older question (another lookback or stat) while the new answer is on its way. */
    public boolean catchingUp() {
        return snapshot != null && (!snapshot.lookback().equals(lookback) || snapshot.stat() != stat);
    }

    // ---- derived rows -----------------------------------------------------------------

    /** The rows of a bar panel: filtered, sorted, with the shared prefix cut. */
    public List<ServiceRow> rows(Metric metric) {
        return rows.rows(snapshot, filter, sort, metric);
    }

    /** The shared name prefix the panels strip and name in their titles. */
    public String prefix() {
        return rows.prefix(snapshot);
    }

    /**
     * Display width of the longest service name as the panels show it, over the whole
     * snapshot: both panels size their name column from it, so their columns line up and
     * do not shift as one scrolls or filters.
     */
    public int longestName() {
        return rows.longestName(snapshot);
    }

    /** The service under the cursor: the selected one if it is visible, else the first row. */
    public Optional<String> selectedService() {
        List<ServiceRow> list = rows(focusMetric());
        if (list.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(list.get(indexOfSelected(list)).name());
    }

    /**
     * The service whose detail is open, if any: pinned by Enter, not following the cursor,
     * because each new detail service costs a fetch.
     */
    public Optional<String> detailService() {
        return detailOpen ? Optional.ofNullable(detailName) : Optional.empty();
    }

    /** Index of the cursor row in {@code list} (0 when the selection is not in it). */
    public int indexOfSelected(List<ServiceRow> list) {
        return selected == null ? 0 : Math.max(0, rows.indexOf(list, selected));
    }

    /** The metric whose ordering the cursor follows: the focused panel's, CPU otherwise. */
    public Metric focusMetric() {
        return focus == Pane.MEMORY ? Metric.MEMORY : Metric.CPU;
    }

    // ---- answers from the poller ------------------------------------------------------

    public State withClusters(List<Cluster> list) {
        State s = copy();
        s.clusters = List.copyOf(list);
        s.clustersLoaded = true;
        s.clustersError = null;
        // the cursor stays on the cluster it was on, which need not be the chosen one
        String keep = clusterCursor < clusters.size() ? clusters.get(clusterCursor).name() : cluster;
        s.clusterCursor = 0;
        for (int i = 0; i < s.clusters.size(); i++) {
            if (s.clusters.get(i).name().equals(keep)) {
                s.clusterCursor = i;
            }
        }
        if (s.cluster == null && s.clusters.size() == 1) {
            return s.pickCluster();
        }
        return s;
    }

    /**
     * A snapshot for the cluster, lookback and stat on screen replaces the old one; one for
     * anything else is a late answer to an older question and is dropped.
     */
    public State withSnapshot(Snapshot snap, Instant next) {
        State s = copy();
        s.nextRefresh = next;
        if (!snap.cluster().equals(cluster) || !snap.lookback().equals(lookback) || snap.stat() != stat) {
            return s;
        }
        s.snapshot = snap;
        if (!snap.info().isEmpty()) {
            s.info = snap.info();
        }
        if (snap.clusterInfo() != null) {
            s.clusters = withReservationOf(clusters, snap.clusterInfo());
        }
        s.lastError = null;
        s.lastErrorAt = null;
        return s;
    }

    /**
     * The picker row of {@code fresh}'s cluster with its reservation: every snapshot reads it
     * anyway, and the cluster list is fetched only every few refreshes.
     */
    private static List<Cluster> withReservationOf(List<Cluster> list, Cluster fresh) {
        List<Cluster> out = new ArrayList<>(list);
        for (int i = 0; i < out.size(); i++) {
            Cluster row = out.get(i);
            if (row.name().equals(fresh.name())) {
                out.set(i, row.withReservation(fresh.cpuReservation(), fresh.memoryReservation()));
            }
        }
        return List.copyOf(out);
    }

    public State withFailure(Failure failure, Instant at, Instant next) {
        State s = copy();
        s.lastError = failure;
        s.lastErrorAt = at;
        s.nextRefresh = next;
        return s;
    }

    /** What every call of the session has cost so far, as the reader counts it. */
    public State withSession(CallStats stats) {
        if (stats.equals(session)) {
            return this;
        }
        State s = copy();
        s.session = stats;
        return s;
    }

    /** The cluster list could not be fetched; the panels keep working if a cluster is chosen. */
    public State withClustersFailure(Failure failure) {
        State s = copy();
        s.clustersError = failure;
        return s;
    }

    public State withPageRows(int rowsPerPage) {
        if (rowsPerPage == pageRows) {
            return this;
        }
        State s = copy();
        s.pageRows = Math.max(1, rowsPerPage);
        return s;
    }

    // ---- keys -------------------------------------------------------------------------

    public State moveBy(int delta) {
        State s = copy();
        switch (focus) {
            case CLUSTERS -> s.clusterCursor = clamp(clusterCursor + delta, clusters.size());
            case CPU, MEMORY -> {
                List<ServiceRow> list = rows(focusMetric());
                if (!list.isEmpty()) {
                    long target = (long) indexOfSelected(list) + delta;
                    s.selected = list.get(clamp(target, list.size())).name();
                }
            }
            case DETAIL -> {
                long periods = snapshot == null ? 0 : snapshot.window().buckets();
                long max = Math.max(0, periods - pageRows);
                s.detailScroll = (int) Math.max(0, Math.min(max, (long) detailScroll + delta));
            }
        }
        return s;
    }

    public State first() { return moveBy(Integer.MIN_VALUE / 2); }

    public State last() { return moveBy(Integer.MAX_VALUE / 2); }

    public State pageUp() { return moveBy(-pageRows); }

    public State pageDown() { return moveBy(pageRows); }

    public State nextPane() { return stepPane(1); }

    public State prevPane() { return stepPane(-1); }

    private State stepPane(int step) {
        List<Pane> order = detailOpen ? List.of(Pane.values()) : List.of(Pane.CLUSTERS, Pane.CPU, Pane.MEMORY);
        int i = Math.max(0, order.indexOf(focus));
        State s = copy();
        s.focus = order.get(Math.floorMod(i + step, order.size()));
        return s.keepSelection();
    }

    /** Pins the cursor row by name, so switching panels does not make it jump. */
    private State keepSelection() {
        if (focus == Pane.CPU || focus == Pane.MEMORY) {
            selectedService().ifPresent(n -> selected = n);
        }
        return this;
    }

    /** Enter: pick the cluster under the cursor, or open the detail of the service under it. */
    public State enter() {
        return switch (focus) {
            case CLUSTERS -> pickCluster();
            case CPU, MEMORY -> {
                State s = copy();
                s.selected = selectedService().orElse(null);
                s.detailName = s.selected;
                s.detailOpen = s.selected != null;
                s.detailScroll = 0;
                yield s;
            }
            case DETAIL -> this;
        };
    }

    private State pickCluster() {
        if (clusterCursor >= clusters.size()) {
            return this;
        }
        String name = clusters.get(clusterCursor).name();
        State s = copy();
        s.focus = Pane.CPU;
        if (name.equals(cluster)) {
            return s;
        }
        s.cluster = name;
        s.snapshot = null;
        s.info = Map.of();
        s.selected = null;
        s.filter = "";
        s.filtering = false;
        s.detailOpen = false;
        s.lastError = null;
        s.lastErrorAt = null;
        return s;
    }

    /** Esc: close what is on top — help, the filter being typed, the detail, the filter — else go to the clusters. */
    public State back() {
        State s = copy();
        if (helpVisible) {
            s.helpVisible = false;
        } else if (filtering || !filter.isEmpty()) {
            s.filtering = false;
            s.filter = "";
        } else if (detailOpen) {
            s.detailOpen = false;
            if (focus == Pane.DETAIL) {
                s.focus = Pane.CPU;
            }
        } else {
            s.focus = Pane.CLUSTERS;
        }
        return s;
    }

    public State startFilter() {
        State s = copy();
        s.filtering = true;
        if (focus != Pane.CPU && focus != Pane.MEMORY) {
            s.focus = Pane.CPU;
        }
        return s;
    }

    public State typeFilter(char c) {
        if (Character.isISOControl(c) || filter.length() >= 100) {
            return this;
        }
        State s = copy();
        s.filter = filter + c;
        return s;
    }

    public State eraseFilter() {
        if (filter.isEmpty()) {
            return this;
        }
        State s = copy();
        s.filter = filter.substring(0, filter.length() - 1);
        return s;
    }

    /** Enter while typing a filter: keep it and go back to moving. */
    public State keepFilter() {
        State s = copy();
        s.filtering = false;
        return s;
    }

    public State cycleSort() {
        State s = copy();
        s.sort = sort.next();
        return s;
    }

    public State longer() {
        return withLookback(lookback.longer());
    }

    public State shorter() {
        return withLookback(lookback.shorter());
    }

    private State withLookback(Lookback l) {
        if (l.equals(lookback)) {
            return this;
        }
        State s = copy();
        s.lookback = l;
        return s;
    }

    public State toggleStat() {
        State s = copy();
        s.stat = stat.other();
        return s;
    }

    public State toggleHelp() {
        State s = copy();
        s.helpVisible = !helpVisible;
        return s;
    }

    private static int clamp(long i, int size) {
        return (int) Math.max(0, Math.min(size - 1L, i));
    }
}
