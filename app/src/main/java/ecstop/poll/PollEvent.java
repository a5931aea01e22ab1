package ecstop.poll;

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

    /** The pace changed between answers (someone left or came back); {@code nextRefresh} as armed now. */
    record Paced(Pace pace, Instant nextRefresh, CallStats session) implements PollEvent {}
}
