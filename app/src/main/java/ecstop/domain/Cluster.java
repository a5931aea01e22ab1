package ecstop.domain;

import java.util.OptionalDouble;

/**
 * A cluster as the picker shows it. Counts come from DescribeClusters; the reservation
 * figures are the latest reading of CloudWatch's cluster-level metrics (reservation is how
 * full the cluster is now, not a history) and are empty for Fargate-only clusters, which
 * publish none.
 */
public record Cluster(
        String name,
        String arn,
        int activeServices,
        int runningTasks,
        int pendingTasks,
        OptionalDouble cpuReservation,
        OptionalDouble memoryReservation) {

    public static Cluster named(String name, String arn) {
        return new Cluster(name, arn, -1, -1, -1, OptionalDouble.empty(), OptionalDouble.empty());
    }

    public Cluster withReservation(OptionalDouble cpu, OptionalDouble memory) {
        return new Cluster(name, arn, activeServices, runningTasks, pendingTasks, cpu, memory);
    }
}
