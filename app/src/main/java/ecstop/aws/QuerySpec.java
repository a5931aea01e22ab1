package ecstop.aws;

import ecstop.domain.Metric;
import ecstop.domain.Stat;

/**
 * What one MetricDataQuery asks for. Its Id is "q" + its index in the fetch, so answers
 * map back without parsing names (service names may hold characters an Id may not).
 * {@code service} is null for the cluster-level reservation metrics, whose only dimension
 * is the cluster.
 */
record QuerySpec(String cluster, String service, String metricName, Metric metric, Stat stat) {
    static final String CPU_RESERVATION = "CPUReservation";
    static final String MEMORY_RESERVATION = "MemoryReservation";

    static QuerySpec service(String cluster, String service, Metric metric, Stat stat) {
        return new QuerySpec(cluster, service, metric.cloudWatchName(), metric, stat);
    }

    static QuerySpec cluster(String cluster, String metricName, Stat stat) {
        return new QuerySpec(cluster, null, metricName, null, stat);
    }

    static String id(int index) {
        return "q" + index;
    }

    static int index(String id) {
        return Integer.parseInt(id.substring(1));
    }
}
