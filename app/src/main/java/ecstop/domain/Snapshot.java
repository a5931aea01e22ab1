package ecstop.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One cluster's state as fetched: immutable, safe to hand from the poller to the UI thread.
 * {@code info} is empty when the request did not ask for DescribeServices; the UI keeps
 * the previous one.
 */
public record Snapshot(
        String cluster,
        Lookback lookback,
        Stat stat,
        Window window,
        Instant fetchedAt,
        List<ServiceUsage> services,
        Map<String, ServiceInfo> info,
        Cluster clusterInfo,
        CallStats stats) {

    public Snapshot {
        services = List.copyOf(services);
        info = Map.copyOf(info);
    }
}
