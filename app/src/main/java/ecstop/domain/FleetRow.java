package ecstop.domain;

import java.util.Objects;

/** One service of the fleet: the cluster it runs in (and so its target and account) and its series. */
public record FleetRow(ClusterRef cluster, ServiceUsage usage) {
    public FleetRow {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(usage, "usage");
    }

    public ServiceRef service() {
        return new ServiceRef(cluster, usage.name());
    }
}
