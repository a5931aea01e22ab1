package ecstop.cli;

import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.Target;
import ecstop.testfleet.Refs;
import java.util.Optional;
import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.MetricKey;
import ecstop.domain.Periods;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceHealth;
import ecstop.domain.Stat;
import ecstop.domain.StoppedContainer;
import ecstop.domain.StoppedTask;
import ecstop.domain.signal.ClusterSignals;
import ecstop.domain.signal.SignalRules;
import ecstop.domain.StoppedTasks;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/** A small fleet with known figures, and a FleetReader test double that serves it. */
final class Fixtures {
    static final Instant NOW = Instant.parse("2026-11-20T12:34:56Z");

    private Fixtures() {}

    static ServiceUsage usage(String name, Double cpu, Double memory) {
        Instant t = NOW.minusSeconds(3600);
        return new ServiceUsage(Refs.service("storage-prod", name), Map.of(
                MetricKey.of(Metric.CPU, Stat.MAX), cpu == null ? Series.EMPTY : new Series(List.of(new Point(t, cpu / 2), new Point(t.plusSeconds(300), cpu))),
                MetricKey.of(Metric.MEMORY, Stat.MAX), memory == null ? Series.EMPTY : new Series(List.of(new Point(t, memory)))));
    }

    static Snapshot snapshot(String cluster, List<ServiceUsage> services, Map<String, ServiceInfo> info) {
        Map<ServiceRef, ServiceInfo> byRef = new java.util.HashMap<>();
        info.forEach((name, i) -> byRef.put(Refs.service(cluster, name), i));
        return new Snapshot(Scope.of(Refs.cluster(cluster)), Lookback.hours(24), Stat.MAX,
                Periods.window(Lookback.hours(24), NOW), NOW, services, Optional.of(byRef),
                Optional.of(Cluster.named(Refs.cluster(cluster), "").withReservation(OptionalDouble.of(61.5), OptionalDouble.empty())),
                new CallStats(Map.of("ListServices", 1, "GetMetricData", 1, "DescribeServices", 1), 8, 0));
    }

    /** storage-prod: a hot service, a cool one, an idle one (no data), and one past 100%. */
    static Snapshot storage() {
        return snapshot("storage-prod", List.of(
                usage("storage-prod_replicator", 98.2, 55.3),
                usage("storage-prod_register", 41.0, 91.0),
                usage("storage-prod_ingests", null, null),
                usage("storage-prod_bag-verifier", 250.0, 12.25)),
                Map.of("storage-prod_replicator", new ServiceInfo("storage-prod_replicator", "arn", "ACTIVE", 3, 3, 0,
                        "FARGATE", "arn:aws:ecs:eu-west-1:1:task-definition/replicator:42", "COMPLETED"),
                        "storage-prod_register", new ServiceInfo("storage-prod_register", "arn", "ACTIVE", 2, 1, 1,
                                "EC2", "arn:aws:ecs:eu-west-1:1:task-definition/register:7", "IN_PROGRESS")));
    }

    /** storage-prod with signals: register cannot place its second task, replicator was OOM-killed twice. */
    static OnceReport storageWithSignals() {
        String placeMemory = "(service storage-prod_register) was unable to place a task because no container instance met all"
                + " of its requirements. The closest matching (container-instance 5f3c1e2d) has insufficient memory available."
                + " For more information, see the Troubleshooting section.";
        ServiceHealth registerHealth = new ServiceHealth(List.of(
                new ServiceEvent(NOW.minusSeconds(600), placeMemory),
                new ServiceEvent(NOW.minusSeconds(2400), placeMemory),
                new ServiceEvent(NOW.minusSeconds(6000), "(service storage-prod_register) has reached a steady state.")),
                List.of(), Optional.empty());
        Snapshot base = storage();
        Map<String, ServiceInfo> info = OnceReport.infoByName(base);
        ServiceInfo r = info.get("storage-prod_register");
        info.put(r.name(), new ServiceInfo(r.name(), r.arn(), r.status(), r.desired(), r.running(), r.pending(), r.launchType(),
                r.taskDefinition(), r.rolloutState(), registerHealth));
        Snapshot s = snapshot("storage-prod", base.services(), info);
        List<StoppedTask> tasks = new ArrayList<>();
        for (long minutesAgo : new long[] {3, 20}) {
            tasks.add(new StoppedTask("arn:aws:ecs:eu-west-1:1:task/storage-prod/task" + minutesAgo, "service:storage-prod_replicator",
                    "STOPPED", "EssentialContainerExited", "Essential container in task exited", Optional.of(NOW.minusSeconds(60 * minutesAgo)),
                    List.of(new StoppedContainer("replicator", OptionalInt.of(137), "OutOfMemoryError: Container killed due to memory usage"))));
        }
        StoppedTasks stopped = new StoppedTasks(Refs.cluster("storage-prod"), NOW, tasks,
                new CallStats(Map.of("ListTasks", 1, "DescribeTasks", 1), 0, 0));
        ClusterSignals signals = ClusterSignals.detect(s.services().stream().map(ServiceUsage::name).toList(), info,
                Either.right(stopped), NOW, SignalRules.DEFAULT);
        return new OnceReport(s, signals, s.stats().plus(stopped.stats()));
    }

    static final class StubReader implements FleetReader {
        Either<Failure, List<Cluster>> clusters;
        Function<SnapshotRequest, Either<Failure, Snapshot>> snapshots;
        /** The fleet view's answer; null: the interface's default (no fleet view). */
        Function<ecstop.domain.FleetRequest, Either<Failure, ecstop.domain.FleetSnapshot>> fleet;
        final List<SnapshotRequest> requests = new ArrayList<>();
        int clusterCalls;
        /** No stopped tasks, unless a test says otherwise. */
        Function<ClusterRef, Either<Failure, StoppedTasks>> stopped =
                c -> Either.right(new StoppedTasks(c, NOW, List.of(), CallStats.NONE));
        final List<ClusterRef> stoppedRequests = new ArrayList<>();
        /** What the reader says its calls cost. */
        CallStats totals = CallStats.NONE;

        StubReader(List<String> clusterNames, Function<SnapshotRequest, Either<Failure, Snapshot>> snapshots) {
            List<Cluster> cs = new ArrayList<>();
            clusterNames.forEach(n -> cs.add(Cluster.named(Refs.cluster(n), "arn:aws:ecs:eu-west-1:1:cluster/" + n)));
            this.clusters = Either.right(cs);
            this.snapshots = snapshots;
        }

        @Override
        public Target target() {
            return Refs.EMULATOR;
        }

        @Override
        public Either<Failure, List<Cluster>> clusters() {
            clusterCalls++;
            return clusters;
        }

        @Override
        public Either<Failure, Snapshot> snapshot(SnapshotRequest request) {
            requests.add(request);
            return snapshots.apply(request);
        }

        @Override
        public Either<Failure, StoppedTasks> stoppedTasks(ClusterRef cluster) {
            stoppedRequests.add(cluster);
            return stopped.apply(cluster);
        }

        public Either<Failure, ecstop.domain.FleetSnapshot> fleet(ecstop.domain.FleetRequest request) {
            return fleet == null ? FleetReader.super.fleet(request) : fleet.apply(request);
        }

        @Override
        public CallStats totals() {
            return totals;
        }
    }

    /** A fleet of one target: each row "cluster/service" with its CPU and memory peak (null: no data). */
    static ecstop.domain.FleetSnapshot fleet(ecstop.domain.Target target, Object... clusterServiceCpuMemory) {
        List<ecstop.domain.FleetRow> rows = new ArrayList<>();
        for (int i = 0; i < clusterServiceCpuMemory.length; i += 3) {
            String[] cs = ((String) clusterServiceCpuMemory[i]).split("/");
            rows.add(new ecstop.domain.FleetRow(new ecstop.domain.ClusterRef(target, cs[0]),
                    usage(cs[1], (Double) clusterServiceCpuMemory[i + 1], (Double) clusterServiceCpuMemory[i + 2])));
        }
        return new ecstop.domain.FleetSnapshot(target, Lookback.hours(24), Stat.MAX, Periods.window(Lookback.hours(24), NOW),
                NOW, rows, ecstop.domain.FleetSnapshot.Source.METRICS_INSIGHTS, ecstop.domain.FleetLimits.NONE,
                new CallStats(Map.of("GetMetricData", 2), rows.size() * 2L, 0));
    }
}
