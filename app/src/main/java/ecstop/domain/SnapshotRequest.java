package ecstop.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * What the poller asks for: one cluster's services over a window. {@code detailService}
 * also gets the other statistic, for the detail pane's max and average columns.
 * {@code withServiceInfo} asks for DescribeServices too; task counts change slowly, so the
 * poller does not ask for them on every refresh.
 */
public record SnapshotRequest(
        ClusterRef cluster,
        Lookback lookback,
        Stat stat,
        Instant now,
        Optional<ServiceRef> detailService,
        boolean withServiceInfo) {

    public Scope scope() { return Scope.of(cluster); }
}
