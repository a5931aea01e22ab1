package ecstop.ui.state;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.Question;
import ecstop.domain.ReadKey;
import ecstop.domain.View;
import ecstop.domain.Scope;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.domain.FleetNotes;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.rightsize.ScopeRightsize;
import ecstop.domain.Pace;
import io.vavr.control.Either;
import java.time.Instant;
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

    State with(Navigation n) { return new State(question, n, fleet, health, screen, alerting); }

    State with(FleetData f) { return new State(question, nav, f, health, screen, alerting); }

    private State with(Health h) { return new State(question, nav, fleet, h, screen, alerting); }

    private State with(Alerting a) { return new State(question, nav, fleet, health, screen, a); }

    private State with(ScreenSize s) { return new State(question, nav, fleet, health, s, alerting); }

    // ---- reading ------------------------------------------------------------------------

    /** The one cluster on screen, when the scope is one cluster. */
    public Optional<ClusterRef> cluster() {
        return question.scope().filter(Scope.One.class::isInstance).map(s -> ((Scope.One) s).cluster());
    }

    /** A cluster is chosen and nothing has come back for it yet. */
    public boolean loading() {
        return question.scope().isPresent() && fleet.snapshot().isEmpty() && health.lastError().isEmpty();
    }

    /** The data on screen is older than a later attempt that failed. */
    public boolean stale() {
        return fleet.snapshot().isPresent() && health.lastError().isPresent();
    }

    /** The snapshot on screen answers an older question (another lookback or stat) while the new answer is on its way. */
    public boolean catchingUp() {
        return fleet.snapshot().filter(s -> !s.lookback().equals(question.lookback()) || s.stat() != question.stat()).isPresent();
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
        Optional<ClusterRef> keep = pickerRow(nav.clusterCursor()).or(this::cluster);
        boolean wasFleetRow = fleet.fleetRow() && nav.clusterCursor() == 0 && !(question.scope().orElse(null) instanceof Scope.One);
        FleetData next = fleet.clustersRead(list);
        int offset = next.fleetRow() ? 1 : 0;
        int cursor = 0;
        for (int i = 0; i < list.size() && !wasFleetRow; i++) {
            if (keep.isPresent() && list.get(i).ref().equals(keep.get())) {
                cursor = i + offset;
            }
        }
        State s = with(next).with(nav.withClusterCursor(cursor)).with(health.withClustersError(Optional.empty()));
        if (question.scope().isPresent() || list.isEmpty()) {
            return s;
        }
        return next.fleetRow() ? s.open(new Scope.Fleet(next.fleetTargets())) : s.pickCluster();
    }

    /** The cluster on picker row {@code row}; empty for the "All clusters" row or past the end. */
    private Optional<ClusterRef> pickerRow(int row) {
        int i = row - (fleet.fleetRow() ? 1 : 0);
        return i >= 0 && i < fleet.clusters().size() ? Optional.of(fleet.clusters().get(i).ref()) : Optional.empty();
    }

    /** Rows in the picker: the clusters, and "All clusters" first when there are several. */
    public int pickerSize() {
        return fleet.clusters().size() + (fleet.fleetRow() ? 1 : 0);
    }

    /** What the fleet snapshot on screen could not show by itself (cut short, targets that failed). */
    public State withFleetNotes(FleetNotes notes) {
        return with(fleet.withNotes(Optional.of(notes)));
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
        if (question.scope().orElse(null) instanceof Scope.Fleet) {
            Optional<ServiceRef> under = CursorMoves.underCursor(nav.focus(), shown);
            if (under.isEmpty()) {
                return this;
            }
            Scope from = question.scope().get();
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
        if (question.scope().isEmpty() || !snap.answers(question)) {
            return with(h);
        }
        // every snapshot reads the reservation anyway, and the cluster list comes only every few refreshes
        FleetData withSnap = fleet.showing(snap);
        FleetData f = snap.clusterInfo().map(withSnap::withReservationOf).orElse(withSnap);
        // the detail scrolled through the older answer's periods while this one was on its way: keep it inside these
        int last = (int) Math.max(0, Math.min(Integer.MAX_VALUE, snap.window().buckets() - 1));
        Navigation n = nav.withDetail(nav.detail().map(d -> d.scroll() > last ? d.scrolledTo(last) : d));
        return with(f).with(n).with(h.withLastError(Optional.empty()).withLastSession(false));
    }

    /**
     * The last session's bars for the scope, lookback and stat on screen, shown (marked as
     * such, with their age) until the first fetch answers; anything else is ignored.
     */
    public State withLastSession(Snapshot snap) {
        if (fleet.snapshot().isPresent() || question.scope().isEmpty() || !snap.answers(question)) {
            return this;
        }
        return with(fleet.showing(snap)).with(health.withLastSession(true));
    }

    public State withFailure(Failure failure, Instant at, Instant next) {
        return with(health.withLastError(Optional.of(new Fault(failure, at))).withNextRefresh(Optional.ofNullable(next)));
    }

    /** What every call of the session has cost so far, as the reader counts it. */
    public State withSession(CallStats stats) {
        return stats.equals(health.session()) ? this : with(health.withSession(stats));
    }

    /**
     * Signals of {@code of}'s services; for another scope than the one on screen they are a
     * late answer and dropped. The fleet's add up, as they come for the rows read each time.
     */
    public State withSignals(Scope of, ScopeSignals signals) {
        if (question.scope().filter(of::equals).isEmpty()) {
            return this;
        }
        return with(fleet.withSignals(signals, of instanceof Scope.Fleet));
    }

    /** The answer to a read of the scope a pane asked for; dropped when another scope is on screen since. */
    public State withAnswer(Scope of, ReadKey<?> key, Either<Failure, ?> result) {
        return question.scope().filter(of::equals).isPresent() ? with(fleet.withAnswer(key, result)) : this;
    }

    /** The right-sizing reads for the snapshot on screen; the poller drops answers to older questions. */
    public State withRightsize(Either<Failure, ScopeRightsize> result) {
        return with(fleet.withRightsize(Optional.of(result)));
    }

    /** The cluster list could not be fetched; the panels keep working if a cluster is chosen. */
    public State withClustersFailure(Failure failure) {
        return with(health.withClustersError(Optional.of(failure)));
    }

    public State withScreen(ScreenSize size) {
        return size.equals(screen) ? this : with(size);
    }

    /** The poller's pace changed; {@code next}: the refresh as armed now. */
    public State withPace(Pace p, Instant next) {
        Health h = health.withPace(Optional.of(p)).withNextRefresh(Optional.ofNullable(next));
        return h.equals(health) ? this : with(h);
    }

    // ---- alerts, and what the last session left -----------------------------------------

    public State withAlerts(boolean enabled) {
        return enabled == alerting.enabled() ? this : with(new Alerting(enabled, alerting.quietUntil()));
    }

    /** The quiet key: silence alerts until {@code until}; pressed while quiet, alerts sound again. */
    public State toggleQuiet(Instant now, Instant until) {
        return with(new Alerting(alerting.enabled(), alerting.quiet(now) ? Optional.empty() : Optional.of(until)));
    }

    /** The sort and filter the last session on this profile and region left. */
    public State restored(SortOrder sort, String filterText) {
        String text = filterText == null ? "" : filterText;
        return with(nav.withSort(sort).withFilter(text.isEmpty() ? Filter.NONE : new Filter(text, false, false)));
    }

    // ---- keys ----------------------------------------------------------------------------

    /** The detail of {@code service}, which becomes the selected one. */
    public State openDetail(ServiceRef service) {
        return with(nav.withSelected(Optional.of(service)).withDetail(Optional.of(new Detail(service, 0))));
    }

    /** Opens the cluster (or "All clusters") under the picker's cursor. */
    public State pickCluster() {
        if (nav.clusterCursor() >= pickerSize()) {
            return this;
        }
        return open(pickerRow(nav.clusterCursor()).<Scope>map(Scope::of).orElseGet(() -> new Scope.Fleet(fleet.fleetTargets())));
    }

    /** The pane the focus goes to when a scope opens or the detail closes: the bars, or what is in their place. */
    Pane home() {
        return nav.containers().isPresent() ? Pane.CONTAINERS : question.view() == View.RIGHTSIZE ? Pane.RIGHTSIZE : Pane.CPU;
    }

    /** Shows {@code picked}: what belonged to the scope before (snapshot, selection, filter, detail) goes. */
    private State open(Scope picked) {
        if (question.scope().filter(picked::equals).isPresent()) {
            // the tasks pane, while open, is where the bars were
            return with(nav.withFocus(nav.tasksOpen() ? Pane.TASKS : home()));
        }
        int row = picked instanceof Scope.One one ? indexOfCluster(one.cluster()) : 0;
        return with(question.withScope(picked))
                .with(Navigation.start(home()).withClusterCursor(row).withSort(nav.sort()).withHelp(nav.help())
                        .withContainers(nav.containers().map(c -> TasksCursor.NEAREST)))
                .with(fleet.forgetServices()).with(health.withLastError(Optional.empty()));
    }

    private int indexOfCluster(ClusterRef ref) {
        for (int i = 0; i < fleet.clusters().size(); i++) {
            if (fleet.clusters().get(i).ref().equals(ref)) {
                return i + (fleet.fleetRow() ? 1 : 0);
            }
        }
        return nav.clusterCursor();
    }

    /** Esc: close what is on top — help, the filter, the tasks pane, the detail, the containers — else go to the clusters. */
    public State back() {
        if (nav.help()) {
            return with(nav.withHelp(false));
        }
        if (nav.filter().active()) {
            return with(nav.withFilter(Filter.NONE));
        }
        if (nav.tasksOpen()) {
            return OpenServiceSteps.closeTasks(this);
        }
        if (nav.detail().isPresent()) {
            Navigation n = nav.withDetail(Optional.empty());
            return with(nav.focus().equals(Pane.DETAIL) ? n.withFocus(home()) : n);
        }
        if (nav.containers().isPresent()) {
            return ContainersSteps.close(this);
        }
        return with(nav.withFocus(Pane.CLUSTERS));
    }

    public State cycleSort() { return with(nav.withSort(nav.sort().next())); }

    /** {@code !}: only the services that show a signal, and back to all. */
    public State toggleSignalsOnly() { return with(nav.withFilter(nav.filter().withSignalsOnly(!nav.filter().signalsOnly()))); }

    public State longer() { return withLookback(question.lookback().longer()); }

    public State shorter() { return withLookback(question.lookback().shorter()); }

    /** Another window has other periods: the open detail starts again from the newest, so its first row stays inside it. */
    private State withLookback(Lookback l) {
        return l.equals(question.lookback()) ? this
                : with(question.withLookback(l)).with(nav.withDetail(nav.detail().map(d -> d.scrolledTo(0))));
    }

    public State toggleStat() { return with(question.withStat(question.stat().other())); }

    public State toggleHelp() { return with(nav.withHelp(!nav.help())); }

    /**
     * Bars or the right-sizing table. The rule is defined on the per-period Maximum, so the
     * table asks for it whichever statistic the bars showed.
     */
    public State toggleRightsize() {
        if (question.view() == View.RIGHTSIZE) {
            return with(question.withView(View.USAGE)).with(nav.focus().equals(Pane.RIGHTSIZE) ? nav.withFocus(Pane.CPU) : nav);
        }
        Navigation n = nav.focus().equals(Pane.CPU) || nav.focus().equals(Pane.MEMORY) ? nav.withFocus(Pane.RIGHTSIZE) : nav;
        return with(question.withView(View.RIGHTSIZE).withStat(Stat.MAX)).with(n);
    }

}
