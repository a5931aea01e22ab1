package ecstop.poll;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.FleetRequest;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.StoppedTasks;
import ecstop.domain.Target;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.ScalingPolicy;
import ecstop.domain.rightsize.TaskDefinition;
import io.vavr.control.Either;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One target's reader during one fleet right-sizing read, asking once what every cluster would
 * otherwise ask again: the Fargate prices of a region (shared by every target of the read:
 * list prices are public), and a failed read of the scaling policies (the region's namespace
 * is one listing; a denied one is denied for every cluster). A successful policy listing is
 * the reader's own to keep, a few minutes. Everything else goes straight through.
 */
final class SharedRightsizeReads implements FleetReader {
    private final FleetReader delegate;
    /** By region, for every reader of the same fleet read; guarded by itself. */
    private final Map<String, Either<Failure, FargatePrices>> pricesByRegion;
    private Failure policiesFailed; // guarded by this

    SharedRightsizeReads(FleetReader delegate, Map<String, Either<Failure, FargatePrices>> pricesByRegion) {
        this.delegate = delegate;
        this.pricesByRegion = pricesByRegion;
    }

    @Override
    public Either<Failure, FargatePrices> fargatePrices(ClusterRef cluster) {
        synchronized (pricesByRegion) {
            // one GetProducts per region: the clusters of a region wait for the first to ask
            return pricesByRegion.computeIfAbsent(cluster.target().region(), r -> delegate.fargatePrices(cluster));
        }
    }

    @Override
    public synchronized Either<Failure, Map<String, List<ScalingPolicy>>> scalingPolicies(ClusterRef cluster) {
        if (policiesFailed != null) {
            return Either.left(policiesFailed);
        }
        Either<Failure, Map<String, List<ScalingPolicy>>> read = delegate.scalingPolicies(cluster);
        read.peekLeft(f -> policiesFailed = f);
        return read;
    }

    @Override
    public Target target() { return delegate.target(); }

    @Override
    public Either<Failure, List<Cluster>> clusters() { return delegate.clusters(); }

    @Override
    public Either<Failure, Snapshot> snapshot(SnapshotRequest request) { return delegate.snapshot(request); }

    @Override
    public Either<Failure, Snapshot> snapshot(SnapshotRequest request, Consumer<Snapshot> metricsReady) {
        return delegate.snapshot(request, metricsReady);
    }

    @Override
    public Either<Failure, FleetSnapshot> fleet(FleetRequest request) { return delegate.fleet(request); }

    @Override
    public Either<Failure, Map<ServiceRef, ServiceInfo>> serviceInfo(Collection<ServiceRef> services) {
        return delegate.serviceInfo(services);
    }

    @Override
    public Either<Failure, StoppedTasks> stoppedTasks(ClusterRef cluster) { return delegate.stoppedTasks(cluster); }

    @Override
    public CallStats totals() { return delegate.totals(); }

    @Override
    public Either<Failure, Map<String, TaskDefinition>> taskDefinitions(ClusterRef cluster, Collection<String> arns) {
        return delegate.taskDefinitions(cluster, arns);
    }
}
