package ecstop.poll;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.Snapshot;
import java.time.Instant;
import java.util.List;

/** What the poller publishes. Immutable: it crosses from a worker thread to the UI thread. */
public sealed interface PollEvent {
    record ClustersLoaded(List<Cluster> clusters) implements PollEvent {
        public ClustersLoaded {
            clusters = List.copyOf(clusters);
        }
    }

    record ClustersFailed(Failure failure, Instant at) implements PollEvent {}

    /** {@code session} is the cost of every call so far; {@code nextRefresh} when the next one is due. */
    record SnapshotLoaded(long generation, Snapshot snapshot, CallStats session, Instant nextRefresh) implements PollEvent {}

    record SnapshotFailed(long generation, Failure failure, Instant at, CallStats session, Instant nextRefresh)
            implements PollEvent {}
}
