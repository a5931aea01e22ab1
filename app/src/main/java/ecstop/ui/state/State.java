package ecstop.ui.state;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.Question;
import ecstop.domain.View;
import ecstop.domain.Metric;
import ecstop.domain.Scope;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.domain.FleetNotes;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.rightsize.ScopeRightsize;
import io.vavr.control.Either;
import ecstop.domain.Pace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the screen shows, as one value owned by the UI thread: what the user asks
 * ({@link Question}), where they are ({@link Navigation}), what the poller told us
 * ({@link FleetData}, {@link Health}), the terminal's size and whether alerts may sound
 * ({@link Alerting}). Every step returns a new State,
 * so key handling is a chain of pure steps a test can replay.
 *
 * <p>The question and the snapshot differ for the moment between a key press and the answer;
 * the panels keep drawing the snapshot under its own labels meanwhile, so they never claim
 * figures they do not have.
 */
public record State(Question question, Navigation nav, FleetData fleet, Health health, ScreenSize screen,
                    Alerting alerting) {

    public static State initial(Optional<Scope> scope, Lookback lookback, Stat stat, ScreenSize screen) {
        return new State(new Question(scope, lookback, stat, View.USAGE),
                Navigation.start(scope.isPresent() ? Pane.CPU : Pane.CLUSTERS),
                FleetData.EMPTY, Health.START, screen, Alerting.ON);
    }

    private State with(Question q) { return new State(q, nav, fleet, health, screen, alerting); }

    private State with(Navigation n) { return new State(question, n, fleet, health, screen, alerting); }

    private State with(FleetData f) { return new State(question, nav, f, health, screen, alerting); }

    private State with(Health h) { return new State(question, nav, fleet, h, screen, alerting); }

    private State with(Alerting a) { return new State(question, nav, fleet, health, screen, a); }

    // ---- reading ------------------------------------------------------------------------

    public Optional<Scope> scope() { return question.scope(); }

    /** The one cluster on screen, when the scope is one cluster. */
    public Optional<ClusterRef> cluster() {
        return scope().filter(Scope.One.class::isInstance).map(s -> ((Scope.One) s).cluster());
    }

    public Lookback lookback() { return question.lookback(); }

    public Stat stat() { return question.stat(); }

    public View panels() { return question.view(); }

    /** The right-sizing table (or why there is none) for the cluster or fleet on screen, once read. */
    public Optional<Either<Failure, ScopeRightsize>> rightsize() { return fleet.rightsize(); }

    public Pane focus() { return nav.focus(); }

    public String filter() { return nav.filter().text(); }

    public boolean filtering() { return nav.filter().typing(); }

    /** Only services that show a signal are listed. */
    public boolean signalsOnly() { return nav.filter().signalsOnly(); }

    public SortOrder sort() { return nav.sort(); }

    public boolean helpVisible() { return nav.help(); }

    public boolean detailOpen() { return nav.detail().isPresent(); }

    public Optional<ServiceRef> detailService() { return nav.detail().map(Detail::service); }

    public int detailScroll() { return nav.detail().map(Detail::scroll).orElse(0); }

    public int clusterCursor() { return nav.clusterCursor(); }

    public List<Cluster> clusters() { return fleet.clusters(); }

    public boolean clustersLoaded() { return fleet.clustersLoaded(); }

    public Optional<Snapshot> snapshot() { return fleet.snapshot(); }

    public Map<ServiceRef, ServiceInfo> info() { return fleet.info(); }

    /** Why the services on screen are starved, as far as read; {@link ScopeSignals#NONE} until then. */
    public ScopeSignals signals() { return fleet.signals(); }

    public Optional<Failure> lastError() { return health.lastError().map(Fault::failure); }

    /** Why the cluster list could not be fetched; it does not make the panels' data stale. */
    public Optional<Failure> clustersError() { return health.clustersError(); }

    public CallStats session() { return health.session(); }

    public Optional<Instant> nextRefresh() { return health.nextRefresh(); }

    /** How often the poller refreshes now and why, once it has said. */
    public Optional<Pace> pace() { return health.pace(); }

    /** A cluster is chosen and nothing has come back for it yet. */
    public boolean loading() {
        return scope().isPresent() && snapshot().isEmpty() && lastError().isEmpty();
    }

    /** The data on screen is older than a later attempt that failed. */
    public boolean stale() {
        return snapshot().isPresent() && lastError().isPresent();
    }

    /** The snapshot on screen answers an older question (another lookback or stat) while the new answer is on its way. */
    public boolean catchingUp() {
        return snapshot().filter(s -> !s.lookback().equals(lookback()) || s.stat() != stat()).isPresent();
    }

    /** The metric whose ordering the cursor follows: the focused panel's, CPU otherwise. */
    public Metric focusMetric() {
        return focus() == Pane.MEMORY ? Metric.MEMORY : Metric.CPU;
    }

    /** The service under the cursor: the selected one if it is visible, else the first row. */
    public Optional<ServiceRef> selectedService(Listing shown) {
        return shown.under(focusMetric(), nav.selected());
    }

    // ---- answers from the poller --------------------------------------------------------

    /** The targets (profile × region) the fleet spans. */
    public State withTargets(List<Target> targets) {
        return with(fleet.withTargets(targets));
    }

    /**
     * A new cluster list. The picker's cursor stays on the row it was on, which need not be
     * the chosen one. With nothing chosen yet, one cluster opens by itself and several open
     * the fleet: the question is which service, anywhere, is starved.
     */
    public State withClusters(List<Cluster> list) {
        Optional<ClusterRef> keep = pickerRow(clusterCursor()).or(this::cluster);
        boolean wasFleetRow = fleet.fleetRow() && clusterCursor() == 0 && !(scope().orElse(null) instanceof Scope.One);
        FleetData next = fleet.withClusters(list);
        int offset = next.fleetRow() ? 1 : 0;
        int cursor = 0;
        for (int i = 0; i < list.size() && !wasFleetRow; i++) {
            if (keep.isPresent() && list.get(i).ref().equals(keep.get())) {
                cursor = i + offset;
            }
        }
        State s = with(next).with(nav.withClusterCursor(cursor)).with(health.withClustersError(Optional.empty()));
        if (scope().isPresent() || list.isEmpty()) {
            return s;
        }
        return next.fleetRow() ? s.open(new Scope.Fleet(next.fleetTargets())) : s.pickCluster();
    }

    /** The cluster on picker row {@code row}; empty for the "All clusters" row or past the end. */
    private Optional<ClusterRef> pickerRow(int row) {
        int i = row - (fleet.fleetRow() ? 1 : 0);
        return i >= 0 && i < clusters().size() ? Optional.of(clusters().get(i).ref()) : Optional.empty();
    }

    /** Rows in the picker: the clusters, and "All clusters" first when there are several. */
    public int pickerSize() {
        return clusters().size() + (fleet.fleetRow() ? 1 : 0);
    }

    /** What the fleet snapshot on screen could not show by itself (cut short, targets that failed). */
    public State withFleetNotes(FleetNotes notes) {
        return with(fleet.withNotes(notes));
    }

    /** Task details of the fleet's rows on screen, read after their bars. */
    public State withMoreInfo(Map<ServiceRef, ServiceInfo> info) {
        return info.isEmpty() ? this : with(fleet.withMoreInfo(info));
    }

    /**
     * From a fleet row into that service's cluster with the service still selected, and from
     * there back to the fleet: the cluster's view has what the fleet's does not (task counts
     * for every service, the reservation, right-sizing).
     */
    public State jump(Listing shown) {
        if (scope().orElse(null) instanceof Scope.Fleet && (focus() == Pane.CPU || focus() == Pane.MEMORY)) {
            Optional<ServiceRef> under = selectedService(shown);
            if (under.isEmpty()) {
                return this;
            }
            Scope from = scope().get();
            State s = open(Scope.of(under.get().cluster()));
            return s.with(s.nav.withSelected(under).withJumpedFrom(Optional.of(from)));
        }
        if (nav.jumpedFrom().isPresent()) {
            Optional<ServiceRef> keep = nav.selected();
            State s = open(nav.jumpedFrom().get());
            return s.with(s.nav.withSelected(keep));
        }
        return this;
    }

    /**
     * A snapshot for the scope, lookback and stat on screen replaces the old one; one for
     * anything else is a late answer to an older question and is dropped.
     */
    public State withSnapshot(Snapshot snap, Instant next) {
        Health h = health.withNextRefresh(Optional.ofNullable(next));
        if (scope().isEmpty() || !snap.answers(question)) {
            return with(h);
        }
        // every snapshot reads the reservation anyway, and the cluster list comes only every few refreshes
        FleetData withSnap = fleet.withSnapshot(snap);
        FleetData f = snap.clusterInfo().map(withSnap::withReservationOf).orElse(withSnap);
        return with(f).with(h.withLastError(Optional.empty()).withLastSession(false));
    }

    /**
     * The last session's bars for the scope, lookback and stat on screen, shown (marked as
     * such, with their age) until the first fetch answers; anything else is ignored.
     */
    public State withLastSession(Snapshot snap) {
        if (fleet.snapshot().isPresent() || scope().isEmpty() || !snap.answers(question)) {
            return this;
        }
        return with(fleet.withSnapshot(snap)).with(health.withLastSession(true));
    }

    /** The bars on screen are the last session's: nothing fetched yet. */
    public boolean lastSession() { return health.lastSession(); }

    public State withFailure(Failure failure, Instant at, Instant next) {
        return with(health.withLastError(Optional.of(new Fault(failure, at))).withNextRefresh(Optional.ofNullable(next)));
    }

    /** What every call of the session has cost so far, as the reader counts it. */
    public State withSession(CallStats stats) {
        return stats.equals(session()) ? this : with(health.withSession(stats));
    }

    /**
     * Signals of {@code of}'s services; for another scope than the one on screen they are a
     * late answer and dropped. The fleet's add up, as they come for the rows read each time.
     */
    public State withSignals(Scope of, ScopeSignals signals) {
        if (scope().filter(of::equals).isEmpty()) {
            return this;
        }
        return with(fleet.withSignals(signals, of instanceof Scope.Fleet));
    }

    /** The right-sizing reads for the snapshot on screen; the poller drops answers to older questions. */
    public State withRightsize(Either<Failure, ScopeRightsize> result) {
        return with(fleet.withRightsize(result));
    }

    /** The cluster list could not be fetched; the panels keep working if a cluster is chosen. */
    public State withClustersFailure(Failure failure) {
        return with(health.withClustersError(Optional.of(failure)));
    }

    public State withScreen(ScreenSize size) {
        return size.equals(screen) ? this : new State(question, nav, fleet, health, size, alerting);
    }

    /** The poller's pace changed; {@code next}: the refresh as armed now. */
    public State withPace(Pace p, Instant next) {
        Health h = health.withPace(Optional.of(p)).withNextRefresh(Optional.ofNullable(next));
        return h.equals(health) ? this : with(h);
    }

    // ---- alerts -------------------------------------------------------------------------

    public State withAlerts(boolean enabled) {
        return enabled == alerting.enabled() ? this : with(new Alerting(enabled, alerting.quietUntil()));
    }

    /** The quiet key: silence alerts until {@code until}; pressed while quiet, alerts sound again. */
    public State toggleQuiet(Instant now, Instant until) {
        return with(new Alerting(alerting.enabled(), alerting.quiet(now) ? Optional.empty() : Optional.of(until)));
    }

    // ---- remembered at start ------------------------------------------------------------

    /** The sort and filter the last session on this profile and region left. */
    public State restored(SortOrder sort, String filterText) {
        String text = filterText == null ? "" : filterText;
        return with(nav.withSort(sort).withFilter(text.isEmpty() ? Filter.NONE : new Filter(text, false, false)));
    }

    // ---- keys ---------------------------------------------------------------------------

    public State moveBy(int delta, Listing shown) {
        return switch (focus()) {
            case CLUSTERS -> with(nav.withClusterCursor(clamp(clusterCursor() + (long) delta, pickerSize())));
            case CPU, MEMORY -> {
                Metric m = focusMetric();
                int size = shown.size(m);
                if (size == 0) {
                    yield this;
                }
                long target = (long) shown.cursor(m, nav.selected()) + delta;
                yield with(nav.withSelected(Optional.of(shown.at(m, clamp(target, size)))));
            }
            case DETAIL -> {
                long periods = snapshot().map(s -> s.window().buckets()).orElse(0L);
                long max = Math.max(0, periods - shown.pageRows(Pane.DETAIL));
                int scroll = (int) Math.max(0, Math.min(max, (long) detailScroll() + delta));
                yield with(nav.withDetail(nav.detail().map(d -> d.scrolledTo(scroll))));
            }
        };
    }

    public State first(Listing shown) { return moveBy(Integer.MIN_VALUE / 2, shown); }

    public State last(Listing shown) { return moveBy(Integer.MAX_VALUE / 2, shown); }

    public State pageUp(Listing shown) { return moveBy(-shown.pageRows(focus()), shown); }

    public State pageDown(Listing shown) { return moveBy(shown.pageRows(focus()), shown); }

    public State nextPane(Listing shown) { return stepPane(1, shown); }

    public State prevPane(Listing shown) { return stepPane(-1, shown); }

    private State stepPane(int step, Listing shown) {
        List<Pane> order = new ArrayList<>(List.of(Pane.values()));
        if (!detailOpen()) {
            order.remove(Pane.DETAIL);
        }
        if (panels() == View.RIGHTSIZE) {
            // one table stands where the two bar panels were
            order.remove(Pane.MEMORY);
        }
        int i = Math.max(0, order.indexOf(focus()));
        State s = with(nav.withFocus(order.get(Math.floorMod(i + step, order.size()))));
        // pins the cursor row by identity, so switching panels does not make it jump
        if (s.focus() == Pane.CPU || s.focus() == Pane.MEMORY) {
            Optional<ServiceRef> under = s.selectedService(shown);
            if (under.isPresent()) {
                return s.with(s.nav.withSelected(under));
            }
        }
        return s;
    }

    /** Enter: pick the cluster under the cursor, or open the detail of the service under it. */
    public State enter(Listing shown) {
        return switch (focus()) {
            case CLUSTERS -> pickCluster();
            case CPU, MEMORY -> {
                Optional<ServiceRef> under = selectedService(shown);
                yield with(nav.withSelected(under).withDetail(under.map(s -> new Detail(s, 0))));
            }
            case DETAIL -> this;
        };
    }

    private State pickCluster() {
        if (clusterCursor() >= pickerSize()) {
            return this;
        }
        return open(pickerRow(clusterCursor()).<Scope>map(Scope::of).orElseGet(() -> new Scope.Fleet(fleet.fleetTargets())));
    }

    /** Shows {@code picked}: what belonged to the scope before (snapshot, selection, filter, detail) goes. */
    private State open(Scope picked) {
        if (scope().filter(picked::equals).isPresent()) {
            return with(nav.withFocus(Pane.CPU));
        }
        int row = picked instanceof Scope.One one ? indexOfCluster(one.cluster()) : 0;
        return new State(question.withScope(picked),
                Navigation.start(Pane.CPU).withClusterCursor(row).withSort(sort()).withHelp(helpVisible()),
                fleet.forgetServices(), health.withLastError(Optional.empty()), screen, alerting);
    }

    private int indexOfCluster(ClusterRef ref) {
        for (int i = 0; i < clusters().size(); i++) {
            if (clusters().get(i).ref().equals(ref)) {
                return i + (fleet.fleetRow() ? 1 : 0);
            }
        }
        return clusterCursor();
    }

    /**
     * A click: the pane under the pointer takes the focus and, on a row, its cursor goes
     * there (a cluster row is not opened: Enter or a second click on it does that).
     */
    public State pointAt(Pane pane, java.util.OptionalInt row, Listing shown) {
        boolean again = pane == focus() && row.isPresent() && pane == Pane.CLUSTERS && row.getAsInt() == clusterCursor();
        State s = with(nav.withFocus(pane));
        if (row.isEmpty()) {
            return s;
        }
        return switch (pane) {
            case CLUSTERS -> again ? s.pickCluster() : s.with(s.nav.withClusterCursor(clamp(row.getAsInt(), pickerSize())));
            case CPU, MEMORY -> {
                Metric m = s.focusMetric();
                yield row.getAsInt() < shown.size(m) ? s.with(s.nav.withSelected(Optional.of(shown.at(m, row.getAsInt())))) : s;
            }
            case DETAIL -> s;
        };
    }

    /** The wheel over a pane: it takes the focus and its cursor moves {@code delta} rows. */
    public State scrollIn(Pane pane, int delta, Listing shown) {
        return with(nav.withFocus(pane)).moveBy(delta, shown);
    }

    /** Esc: close what is on top — help, the filter being typed, the detail, the filter — else go to the clusters. */
    public State back() {
        if (helpVisible()) {
            return with(nav.withHelp(false));
        }
        if (nav.filter().active()) {
            return with(nav.withFilter(Filter.NONE));
        }
        if (detailOpen()) {
            Navigation n = nav.withDetail(Optional.empty());
            return with(focus() == Pane.DETAIL ? n.withFocus(Pane.CPU) : n);
        }
        return with(nav.withFocus(Pane.CLUSTERS));
    }

    public State startFilter() {
        Navigation n = nav.withFilter(nav.filter().typing(true));
        return with(focus() == Pane.CPU || focus() == Pane.MEMORY ? n : n.withFocus(Pane.CPU));
    }

    public State typeFilter(char c) {
        Filter f = nav.filter().type(c);
        return f == nav.filter() ? this : with(nav.withFilter(f));
    }

    public State eraseFilter() {
        Filter f = nav.filter().erase();
        return f == nav.filter() ? this : with(nav.withFilter(f));
    }

    /** Enter while typing a filter: keep it and go back to moving. */
    public State keepFilter() {
        return with(nav.withFilter(nav.filter().typing(false)));
    }

    public State cycleSort() { return with(nav.withSort(sort().next())); }

    /** {@code !}: only the services that show a signal, and back to all. */
    public State toggleSignalsOnly() { return with(nav.withFilter(nav.filter().withSignalsOnly(!signalsOnly()))); }

    public State longer() { return withLookback(lookback().longer()); }

    public State shorter() { return withLookback(lookback().shorter()); }

    private State withLookback(Lookback l) {
        return l.equals(lookback()) ? this : with(question.withLookback(l));
    }

    public State toggleStat() { return with(question.withStat(stat().other())); }

    public State toggleHelp() { return with(nav.withHelp(!helpVisible())); }

    /**
     * Bars or the right-sizing table. The rule is defined on the per-period Maximum, so the
     * table asks for it whichever statistic the bars showed.
     */
    public State toggleRightsize() {
        if (panels() == View.RIGHTSIZE) {
            return with(question.withView(View.USAGE));
        }
        Navigation n = focus() == Pane.MEMORY ? nav.withFocus(Pane.CPU) : nav;
        return new State(question.withView(View.RIGHTSIZE).withStat(Stat.MAX), n, fleet, health, screen, alerting);
    }

    private static int clamp(long i, int size) {
        return (int) Math.max(0, Math.min(size - 1L, i));
    }
}
