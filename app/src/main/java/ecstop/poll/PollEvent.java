package ecstop.poll;

import ecstop.domain.FleetNotes;
import ecstop.domain.Pace;
import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.Snapshot;
import java.time.Instant;
import java.util.List;

/**
 * What the poller publishes. Immutable: it crosses from a worker thread to the UI thread.
 * Each event carries {@code session}, the reader's count of every call so far (the cluster
 * list and failed fetches included), as it stood when the event was made.
 */
public sealed interface PollEvent {
    CallStats session();

    record ClustersLoaded(List<Cluster> clusters, CallStats session) implements PollEvent {
        public ClustersLoaded {
            clusters = List.copyOf(clusters);
        }
    }

    record ClustersFailed(Failure failure, Instant at, CallStats session) implements PollEvent {}

    /** {@code nextRefresh}: when the next fetch is due; {@code pace}: how often, from now on. */
    record SnapshotLoaded(long generation, Snapshot snapshot, CallStats session, Instant nextRefresh, Pace pace)
            implements PollEvent {}

    record SnapshotFailed(long generation, Failure failure, Instant at, CallStats session, Instant nextRefresh, Pace pace)
            implements PollEvent {}

    /** What the fleet snapshot of the same generation could not show by itself; comes just before it. */
    record FleetNotesLoaded(long generation, FleetNotes notes) implements PollEvent {
        @Override
        public CallStats session() { return CallStats.NONE; }
    }

    /** Task details of some services (a fleet's rows on screen), fetched after their bars. */
    record InfoLoaded(long generation, java.util.Map<ecstop.domain.ServiceRef, ecstop.domain.ServiceInfo> info,
                      CallStats session) implements PollEvent {
        public InfoLoaded {
            info = java.util.Map.copyOf(info);
        }
    }

    /**
     * The signals of the services of {@code scope}: for one cluster from its task details and
     * stopped tasks, read with the task details; for the fleet from the task details of its
     * rows on screen. Keyed by scope, not generation: a new lookback does not make them wrong.
     */
    record SignalsLoaded(ecstop.domain.Scope scope, ecstop.domain.signal.ScopeSignals signals, CallStats session)
            implements PollEvent {}

    /**
     * The right-sizing table of the same generation's question, or why it could not be built:
     * one cluster's, for the snapshot it sizes; the fleet's, every cluster read on its own.
     */
    record RightsizeLoaded(long generation,
                           io.vavr.control.Either<Failure, ecstop.domain.rightsize.ScopeRightsize> result, CallStats session)
            implements PollEvent {}

    /** The pace changed between answers (someone left or came back); {@code nextRefresh} as armed now. */
    record Paced(Pace pace, Instant nextRefresh, CallStats session) implements PollEvent {}
}
