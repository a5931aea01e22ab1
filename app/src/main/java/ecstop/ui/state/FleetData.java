package ecstop.ui.state;

import ecstop.domain.Cluster;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the poller has told us of the fleet: the cluster list, the last snapshot for the
 * question on screen, and the newest task details (fetched every few refreshes, so kept
 * across snapshots that come without them).
 */
public record FleetData(List<Cluster> clusters, boolean clustersLoaded, Optional<Snapshot> snapshot,
                        Map<ServiceRef, ServiceInfo> info) {
    static final FleetData EMPTY = new FleetData(List.of(), false, Optional.empty(), Map.of());

    public FleetData {
        clusters = List.copyOf(clusters);
        info = Map.copyOf(info);
    }

    FleetData withClusters(List<Cluster> list) { return new FleetData(list, true, snapshot, info); }

    /** The picker row of {@code fresh}'s cluster with its reservation. */
    FleetData withReservationOf(Cluster fresh) {
        List<Cluster> rows = new ArrayList<>(clusters);
        rows.replaceAll(row -> row.ref().equals(fresh.ref())
                ? row.withReservation(fresh.cpuReservation(), fresh.memoryReservation()) : row);
        return new FleetData(rows, clustersLoaded, snapshot, info);
    }

    FleetData withSnapshot(Snapshot s) {
        return new FleetData(clusters, clustersLoaded, Optional.of(s), s.info().orElse(info));
    }

    /** A new scope: nothing of the old one's services applies. */
    FleetData forgetServices() { return new FleetData(clusters, clustersLoaded, Optional.empty(), Map.of()); }
}
