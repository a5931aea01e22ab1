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
    private final Map<String, ThrottleBucket> byOperation;

    TokenBuckets(LongSupplier ticker) {
        ThrottleBucket clusterReads = new ThrottleBucket(50, 20, ticker);
        ThrottleBucket serviceReads = new ThrottleBucket(100, 20, ticker);
        ThrottleBucket clusterResourceReads = new ThrottleBucket(100, 20, ticker);
        this.byOperation = Map.of(
                "ListClusters", clusterReads,
                "DescribeClusters", clusterReads,
                "ListServices", serviceReads,
                "DescribeServices", serviceReads,
                "ListTasks", clusterResourceReads,
                "DescribeTasks", clusterResourceReads,
                "GetMetricData", new ThrottleBucket(50, 50, ticker),
                "GetMetricStatistics", new ThrottleBucket(400, 400, ticker));
    }

    /** False when the call must be throttled. */
    boolean admit(String operation) {
        ThrottleBucket b = byOperation.get(operation);
        return b == null || b.tryTake();
    }
}
