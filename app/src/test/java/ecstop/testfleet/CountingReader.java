package ecstop.testfleet;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;

/** Counts and records the calls made through it, so tests assert on calls, not on time. */
public final class CountingReader implements FleetReader {
    private final FleetReader inner;
    private int clusterCalls;
    private int stoppedTaskCalls;
    private final List<SnapshotRequest> requests = new ArrayList<>();

    public CountingReader(FleetReader inner) {
        this.inner = inner;
    }

    @Override
    public synchronized Either<Failure, List<Cluster>> clusters() {
        clusterCalls++;
        return inner.clusters();
    }

    @Override
    public Either<Failure, Snapshot> snapshot(SnapshotRequest request) {
        synchronized (this) {
            requests.add(request);
        }
        return inner.snapshot(request);
    }

    @Override
    public Either<Failure, ecstop.domain.StoppedTasks> stoppedTasks(ecstop.domain.ClusterRef cluster) {
        synchronized (this) {
            stoppedTaskCalls++;
        }
        return inner.stoppedTasks(cluster);
    }

    @Override
    public CallStats totals() {
        return inner.totals();
    }

    @Override
    public ecstop.domain.Target target() {
        return inner.target();
    }

    public synchronized int clusterCalls() { return clusterCalls; }

    public synchronized int snapshotCalls() { return requests.size(); }

    public synchronized int stoppedTaskCalls() { return stoppedTaskCalls; }

    public synchronized List<SnapshotRequest> requests() { return List.copyOf(requests); }

    public synchronized SnapshotRequest lastRequest() { return requests.get(requests.size() - 1); }
}
