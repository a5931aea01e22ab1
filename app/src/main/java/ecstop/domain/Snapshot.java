package ecstop.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one fetch found for a scope: immutable, safe to hand from the poller to the UI
 * thread. {@code info} is empty when the request did not ask for DescribeServices (task
 * counts are fetched only every few refreshes), which is not the same as "no services".
 * {@code clusterInfo} is the reservation of a one-cluster scope, read with the metrics.
 */
public record Snapshot(
        Scope scope,
        Lookback lookback,
        Stat stat,
        TimeWindow window,
        Instant fetchedAt,
        List<ServiceUsage> services,
        Optional<Map<ServiceRef, ServiceInfo>> info,
        Optional<Cluster> clusterInfo,
        CallStats stats) {

    public Snapshot {
        services = List.copyOf(services);
        info = info.map(Map::copyOf);
    }

    /** The question this answers, as bars; it answers the right-sizing view's of the same reads too. */
    public Question question() {
        return Question.of(scope, lookback, stat);
    }

    /** Answers {@code q}: same scope, lookback and statistic, whatever the view. */
    public boolean answers(Question q) {
        return question().asksSame(q);
    }
}
