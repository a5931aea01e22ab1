package ecstop.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The fleet of one target as fetched: the busiest services of every cluster, each row keyed by
 * its {@link ClusterRef} (whose target names the account when the query grouped by account).
 * {@code source} says how it was fetched: one CloudWatch Metrics Insights query per metric
 * (up to two weeks back), or cluster by cluster (longer lookbacks). Immutable.
 */
public record FleetSnapshot(
        Target target,
        Lookback lookback,
        Stat stat,
        TimeWindow window,
        Instant fetchedAt,
        List<FleetRow> rows,
        Source source,
        FleetLimits limits,
        CallStats stats) {

    public enum Source { METRICS_INSIGHTS, PER_CLUSTER }

    public FleetSnapshot {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(limits, "limits");
        rows = List.copyOf(rows);
    }
}
