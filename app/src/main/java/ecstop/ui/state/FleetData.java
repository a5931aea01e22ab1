package ecstop.ui.state;

import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import ecstop.domain.Target;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.FleetNotes;
import ecstop.domain.ReadKey;
import ecstop.domain.rightsize.ScopeRightsize;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the poller has told us of the fleet: the cluster list, the last snapshot for the
 * question on screen, the newest task details (fetched every few refreshes, so kept
 * across snapshots that come without them), the right-sizing table when that view is open, and
 * the services' signals (read with the task details, so kept across snapshots too), and what was
 * read for the open service beyond its bars, and the answers to the reads of the scope its
 * panes ask for, by key.
 */
public record FleetData(List<Target> targets, List<Cluster> clusters, boolean clustersLoaded, Optional<Snapshot> snapshot,
                        Map<ServiceRef, ServiceInfo> info, Optional<FleetNotes> notes,
                        Optional<Either<Failure, ScopeRightsize>> rightsize, ScopeSignals signals, OpenService open,
                        Map<ReadKey<?>, Either<Failure, ?>> answers) {
    static final FleetData EMPTY = new FleetData(List.of(), List.of(), false, Optional.empty(), Map.of(), Optional.empty(),
            Optional.empty(), ScopeSignals.NONE, OpenService.NONE, Map.of());

    public FleetData {
        targets = List.copyOf(targets);
        clusters = List.copyOf(clusters);
        info = Map.copyOf(info);
        answers = Map.copyOf(answers);
    }

    // One wither per field, the only calls that list every field: a new field is one more wither.

    FleetData withTargets(List<Target> t) {
        return new FleetData(t, clusters, clustersLoaded, snapshot, info, notes, rightsize, signals, open, answers);
    }

    FleetData withClusters(List<Cluster> c) {
        return new FleetData(targets, c, clustersLoaded, snapshot, info, notes, rightsize, signals, open, answers);
    }

    FleetData withClustersLoaded(boolean l) {
        return new FleetData(targets, clusters, l, snapshot, info, notes, rightsize, signals, open, answers);
    }

    FleetData withSnapshot(Optional<Snapshot> s) {
        return new FleetData(targets, clusters, clustersLoaded, s, info, notes, rightsize, signals, open, answers);
    }

    FleetData withInfo(Map<ServiceRef, ServiceInfo> i) {
        return new FleetData(targets, clusters, clustersLoaded, snapshot, i, notes, rightsize, signals, open, answers);
    }

    FleetData withNotes(Optional<FleetNotes> n) {
        return new FleetData(targets, clusters, clustersLoaded, snapshot, info, n, rightsize, signals, open, answers);
    }

    FleetData withRightsize(Optional<Either<Failure, ScopeRightsize>> r) {
        return new FleetData(targets, clusters, clustersLoaded, snapshot, info, notes, r, signals, open, answers);
    }

    FleetData withSignals(ScopeSignals s) {
        return new FleetData(targets, clusters, clustersLoaded, snapshot, info, notes, rightsize, s, open, answers);
    }

    FleetData withOpen(OpenService o) {
        return new FleetData(targets, clusters, clustersLoaded, snapshot, info, notes, rightsize, signals, o, answers);
    }

    FleetData withAnswers(Map<ReadKey<?>, Either<Failure, ?>> a) {
        return new FleetData(targets, clusters, clustersLoaded, snapshot, info, notes, rightsize, signals, open, a);
    }

    /** The answer to {@code key}, as its read step gave it (the step reads a {@code T} for a {@code ReadKey<T>}). */
    @SuppressWarnings("unchecked")
    public <T> Optional<Either<Failure, T>> answer(ReadKey<T> key) {
        return Optional.ofNullable((Either<Failure, T>) answers.get(key));
    }

    FleetData withAnswer(ReadKey<?> key, Either<Failure, ?> result) {
        Map<ReadKey<?>, Either<Failure, ?>> a = new HashMap<>(answers);
        a.put(key, result);
        return withAnswers(a);
    }

    FleetData withoutAnswer(ReadKey<?> key) {
        Map<ReadKey<?>, Either<Failure, ?>> a = new HashMap<>(answers);
        a.remove(key);
        return withAnswers(a);
    }

    /** A new cluster list, read: the picker may now say there are none. */
    FleetData clustersRead(List<Cluster> list) { return withClusters(list).withClustersLoaded(true); }

    /** The picker row of {@code fresh}'s cluster with its reservation. */
    FleetData withReservationOf(Cluster fresh) {
        List<Cluster> rows = new ArrayList<>(clusters);
        rows.replaceAll(row -> row.ref().equals(fresh.ref())
                ? row.withReservation(fresh.cpuReservation(), fresh.memoryReservation()) : row);
        return withClusters(rows);
    }

    /** {@code s} on screen; its task details, when it came with them, replace the ones known. */
    FleetData showing(Snapshot s) { return withSnapshot(Optional.of(s)).withInfo(s.info().orElse(info)); }

    /** A new scope: nothing of the old one's services applies. */
    FleetData forgetServices() {
        return withSnapshot(Optional.empty()).withInfo(Map.of()).withNotes(Optional.empty()).withRightsize(Optional.empty())
                .withSignals(ScopeSignals.NONE)
                .withOpen(OpenService.NONE).withAnswers(Map.of());
    }

    /** More task details (the fleet's rows on screen), over the ones already known. */
    FleetData withMoreInfo(Map<ServiceRef, ServiceInfo> more) {
        Map<ServiceRef, ServiceInfo> all = new java.util.HashMap<>(info);
        all.putAll(more);
        return withInfo(all);
    }

    /** The signals of one cluster replace the last; the fleet's add to them, as its task details do. */
    FleetData withSignals(ScopeSignals s, boolean add) { return withSignals(add ? signals.plus(s) : s); }

    /** The picker's first row is "All clusters" when there is more than one cluster or target to see at once. */
    public boolean fleetRow() {
        return clusters.size() > 1 || targets.size() > 1;
    }

    /** The targets the fleet spans: the ones asked for, else every target a cluster came from. */
    public List<Target> fleetTargets() {
        return !targets.isEmpty() ? targets : clusters.stream().map(c -> c.ref().target()).distinct().toList();
    }
}
