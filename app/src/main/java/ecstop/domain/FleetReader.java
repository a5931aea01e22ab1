package ecstop.domain;

import io.vavr.control.Either;
import java.util.List;

/**
 * The read-only view of an AWS account that everything above the aws package sees.
 * Implementations block; callers keep them off the UI thread.
 */
public interface FleetReader {
    /** The profile and region this reader reads. */
    Target target();

    /** Every cluster in the account and region, all pages. */
    Either<Failure, List<Cluster>> clusters();

    /** One cluster's services and their utilisation over the request's window. */
    Either<Failure, Snapshot> snapshot(SnapshotRequest request);

    /**
     * As {@link #snapshot(SnapshotRequest)}, but when the request asks for service info,
     * {@code metricsReady} may first receive a snapshot with every service's metric data
     * and no info, as soon as that data is complete: DescribeServices is paced by ECS's
     * token bucket and can take longer than the metrics, which should not wait for it.
     * Called at most once, on the calling thread, before this method returns.
     */
    default Either<Failure, Snapshot> snapshot(SnapshotRequest request, java.util.function.Consumer<Snapshot> metricsReady) {
        return snapshot(request);
    }

    /**
     * The cluster's stopped tasks, every page, for the whole cluster (not per service): what
     * ECS still shows, about the last hour. Readers that cannot read them say so in a Left.
     */
    default Either<Failure, StoppedTasks> stoppedTasks(ClusterRef cluster) {
        return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs:ListTasks", "stopped tasks are not read by this reader"));
    }

    /**
     * Every call this reader has made so far: the cluster list and failed fetches too, which
     * no {@link Snapshot#stats()} reports. What the session cost; NONE when it cannot tell.
     */
    default CallStats totals() {
        return CallStats.NONE;
    }
}
