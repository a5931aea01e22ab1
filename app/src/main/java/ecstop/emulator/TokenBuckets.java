package ecstop.emulator;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The buckets AWS meters these operations with, per account and region. ECS shares one
 * bucket among the cluster reads and one among the service reads (burst 50 and 100, both
 * refilled at 20 per second), and one among the cluster resource reads, ListTasks and
 * DescribeTasks (burst 100, 20 per second); CloudWatch allows GetMetricData 50 and
 * GetMetricStatistics 400 transactions per second.
 */
final class TokenBuckets {
    private final Map<String, TokenBucket> byOperation;

    TokenBuckets(LongSupplier ticker) {
        TokenBucket clusterReads = new TokenBucket(50, 20, ticker);
        TokenBucket serviceReads = new TokenBucket(100, 20, ticker);
        TokenBucket clusterResourceReads = new TokenBucket(100, 20, ticker);
        this.byOperation = Map.of(
                "ListClusters", clusterReads,
                "DescribeClusters", clusterReads,
                "ListServices", serviceReads,
                "DescribeServices", serviceReads,
                "ListTasks", clusterResourceReads,
                "DescribeTasks", clusterResourceReads,
                "GetMetricData", new TokenBucket(50, 50, ticker),
                "GetMetricStatistics", new TokenBucket(400, 400, ticker));
    }

    /** False when the call must be throttled. */
    boolean admit(String operation) {
        TokenBucket b = byOperation.get(operation);
        return b == null || b.tryTake();
    }
}
