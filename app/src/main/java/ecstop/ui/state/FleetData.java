package ecstop.ui.state;

import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import ecstop.poll.RightsizeFetch;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the poller has told us of the fleet: the cluster list, the last snapshot for the
 * question on screen, the newest task details (fetched every few refreshes, so kept
 * across snapshots that come without them), and the right-sizing table when that view is open.
 */
public record FleetData(List<Cluster> clusters, boolean clustersLoaded, Optional<Snapshot> snapshot,
                        Map<ServiceRef, ServiceInfo> info, Optional<Either<Failure, RightsizeFetch.Result>> rightsize) {
    static final FleetData EMPTY = new FleetData(List.of(), false, Optional.empty(), Map.of(), Optional.empty());

    public FleetData {
        clusters = List.copyOf(clusters);
        info = Map.copyOf(info);
    }

    FleetData withClusters(List<Cluster> list) { return new FleetData(list, true, snapshot, info, rightsize); }

    FleetData withRightsize(Either<Failure, RightsizeFetch.Result> r) {
        return new FleetData(clusters, clustersLoaded, snapshot, info, Optional.of(r));
    }

    /** The picker row of {@code fresh}'s cluster with its reservation. */
    FleetData withReservationOf(Cluster fresh) {
        List<Cluster> rows = new ArrayList<>(clusters);
        rows.replaceAll(row -> row.ref().equals(fresh.ref())
                ? row.withReservation(fresh.cpuReservation(), fresh.memoryReservation()) : row);
        return new FleetData(rows, clustersLoaded, snapshot, info, rightsize);
    }

    FleetData withSnapshot(Snapshot s) {
        return new FleetData(clusters, clustersLoaded, Optional.of(s), s.info().orElse(info), rightsize);
    }

    /** A new scope: nothing of the old one's services applies. */
    FleetData forgetServices() {
        return new FleetData(clusters, clustersLoaded, Optional.empty(), Map.of(), Optional.empty());
    }
}
