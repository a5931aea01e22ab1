package ecstop.domain.rightsize;

import ecstop.domain.Metric;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.rightsize.Recommendation.Platform;
import ecstop.domain.rightsize.Recommendation.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The right-sizing view of one cluster: a recommendation per service, sorted by what it
 * saves, and the totals. Built from a snapshot of per-period Maximum series (the statistic
 * the rule is defined on), the task definitions by ARN, the scaling policies by service,
 * the region's Fargate prices and, where known, OOM kills by service.
 *
 * @param pricesNote why there are no prices (or what stands in for the API), empty when the API answered
 */
public record RightsizeTable(
        String cluster,
        RightsizeRule rule,
        Duration lookback,
        Duration period,
        Optional<String> lookbackWarning,
        Optional<FargatePrices> prices,
        String pricesNote,
        List<Recommendation> rows,
        Totals totals) {

    /**
     * Savings are oversized Fargate services only; what under-provisioned and too-tight ones
     * need is counted apart and never offsets them. EC2 in CPU units and MiB over all running
     * tasks: what shrinking frees in the cluster, what growing takes.
     */
    public record Totals(double monthlySavings, double monthlyToGrow, long ec2CpuFreed, long ec2MemoryFreed,
                         long ec2CpuNeeded, long ec2MemoryNeeded, Map<Status, Integer> byStatus) {
        public Totals {
            byStatus = Map.copyOf(byStatus);
        }
    }

    /** Most saved first; then the starved, then the rest; by name within each. */
    public static final Comparator<Recommendation> BY_SAVINGS = Comparator
            .<Recommendation>comparingDouble(r -> -r.monthlySavings().orElse(0))
            .thenComparing(Recommendation::status)
            .thenComparing(Recommendation::service);

    public RightsizeTable {
        rows = List.copyOf(rows);
    }

    /**
     * @param taskDefinitions by ARN, as ServiceInfo.taskDefinition names them
     * @param policies        by service name; a service missing has none
     * @param oomKills        by service name; a service missing has an unknown count
     */
    public static RightsizeTable build(Snapshot snapshot, Map<String, TaskDefinition> taskDefinitions,
                                       Map<String, List<ScalingPolicy>> policies, Optional<FargatePrices> prices,
                                       String pricesNote, Map<String, Integer> oomKills, RightsizeRule rule) {
        if (snapshot.stat() != Stat.MAX) {
            throw new IllegalArgumentException("right-sizing reads the per-period Maximum, not " + snapshot.stat());
        }
        Duration lookback = snapshot.lookback().duration();
        Duration period = snapshot.window().period();
        List<Recommendation> rows = new ArrayList<>();
        Map<ServiceRef, ServiceInfo> infos = snapshot.info().orElse(Map.of());
        for (ServiceUsage u : snapshot.services()) {
            Optional<ServiceInfo> info = Optional.ofNullable(infos.get(u.ref()));
            Optional<TaskDefinition> td = info.map(i -> taskDefinitions.get(i.taskDefinition()));
            OptionalInt oom = oomKills.containsKey(u.name()) ? OptionalInt.of(oomKills.get(u.name())) : OptionalInt.empty();
            RightsizeInput in = new RightsizeInput(u.name(), info.map(ServiceInfo::launchType).orElse(""),
                    info.map(ServiceInfo::running).orElse(0), td, u.series(Metric.CPU, Stat.MAX),
                    u.series(Metric.MEMORY, Stat.MAX), policies.getOrDefault(u.name(), List.of()), oom, lookback, period,
                    prices);
            rows.add(Rightsizer.recommend(in, rule));
        }
        rows.sort(BY_SAVINGS);
        return new RightsizeTable(snapshot.scope().name(), rule, lookback, period, rule.lookbackWarning(lookback), prices,
                pricesNote, rows, totals(rows));
    }

    static Totals totals(List<Recommendation> rows) {
        double savings = 0;
        double toGrow = 0;
        long[] ec2 = new long[4];
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        for (Recommendation r : rows) {
            byStatus.merge(r.status(), 1, Integer::sum);
            savings += r.monthlySavings().orElse(0);
            boolean grows = r.status() == Status.UNDER_PROVISIONED || r.status() == Status.GROW;
            if (grows && r.cost().isPresent()) {
                toGrow += Math.max(0, r.cost().get().monthlyDelta());
            }
            if (r.platform() == Platform.EC2 && r.status() != Status.NO_DATA && r.status() != Status.TRACKED) {
                addEc2(ec2, 0, r.cpu().change(), r.runningTasks());
                addEc2(ec2, 1, r.memory().change(), r.runningTasks());
            }
        }
        return new Totals(savings, toGrow, ec2[0], ec2[1], ec2[2], ec2[3], byStatus);
    }

    /** A negative change frees capacity (slot {@code axis}); a positive one needs it (slot {@code axis + 2}). */
    private static void addEc2(long[] sums, int axis, OptionalInt change, int tasks) {
        long total = (long) change.orElse(0) * tasks;
        if (total < 0) {
            sums[axis] += -total;
        } else {
            sums[axis + 2] += total;
        }
    }
}
