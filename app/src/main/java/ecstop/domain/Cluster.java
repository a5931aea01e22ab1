package ecstop.domain;

import java.util.OptionalDouble;

/**
 * A cluster as the picker shows it. Counts come from DescribeClusters; the reservation
 * figures are the latest reading of CloudWatch's cluster-level metrics (reservation is how
 * full the cluster is now, not a history) and are empty for Fargate-only clusters, which
 * publish none.
 */
public record Cluster(
        ClusterRef ref,
        String arn,
        int activeServices,
        int runningTasks,
        int pendingTasks,
        OptionalDouble cpuReservation,
        OptionalDouble memoryReservation) {

    public static Cluster named(ClusterRef ref, String arn) {
        return new Cluster(ref, arn, -1, -1, -1, OptionalDouble.empty(), OptionalDouble.empty());
    }

    public String name() { return ref.name(); }

    public Cluster withReservation(OptionalDouble cpu, OptionalDouble memory) {
        return new Cluster(ref, arn, activeServices, runningTasks, pendingTasks, cpu, memory);
    }
}
