package ecstop.testfleet;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.ClusterRef;
import ecstop.domain.ServiceRef;
import ecstop.domain.Target;
import java.util.Optional;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Metric;
import ecstop.domain.MetricKey;
import ecstop.domain.Periods;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.TimeWindow;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A deterministic, in-memory fleet: fixed clusters, fixed peaks, series shaped from the
 * request's window. Four clusters: storage-prod (the original script's prefix, one service
 * without data), catalogue (150 services), empty (none), and odd (names and values that
 * must render safely). It keeps a session total as a real reader does: one ListClusters and
 * one DescribeClusters per cluster list, each snapshot's own stats, one call per failure.
 */
public final class FakeFleet implements FleetReader {
    public static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The profile and region every FakeFleet reads. */
    public static final Target TARGET = Target.of("prod", "eu-west-1");

    /** A service's figures: peak CPU and memory (NaN = no datapoints). */
    public record Spec(String name, double cpu, double memory) {}

    private final Map<String, List<Spec>> fleet = new LinkedHashMap<>();
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();

    /** A cluster of this fleet, as the tests name it. */
    public static ClusterRef ref(String name) {
        return new ClusterRef(TARGET, name);
    }

    /** The Cluster record for a picker row of this fleet. */
    public static Cluster cluster(String name, String arn, int services, int running, int pending, OptionalDouble cpu,
                                  OptionalDouble memory) {
        return new Cluster(ref(name), arn, services, running, pending, cpu, memory);
    }

    @Override
    public Target target() {
        return TARGET;
    }
    private Failure failing;
    private CallStats totals = CallStats.NONE;

    public FakeFleet() {
        add(cluster("storage-prod", arn("storage-prod"), 4, 9, 0, OptionalDouble.of(62.5), OptionalDouble.of(71.0)), List.of(
                new Spec("storage-prod_register", 41.0, 30.2),
                new Spec("storage-prod_replicator", 98.2, 55.3),
                new Spec("storage-prod_ingests", Double.NaN, Double.NaN),
                new Spec("storage-prod_bag-verifier", 85.5, 91.0)));
        List<Spec> many = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            many.add(new Spec(String.format(Locale.ROOT, "catalogue-api-%03d", i), (i * 37) % 100 + 0.5, (i * 53) % 97 + 1.25));
        }
        add(cluster("catalogue", arn("catalogue"), 150, 300, 2, OptionalDouble.empty(), OptionalDouble.empty()), many);
        add(cluster("empty", arn("empty"), 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty()), List.of());
    }

    /** Adds (or replaces) a cluster. */
    public FakeFleet add(Cluster cluster, List<Spec> services) {
        fleet.put(cluster.name(), List.copyOf(services));
        clusters.put(cluster.name(), cluster);
        return this;
    }

    /** Every call fails with {@code f} until {@link #heal()}. */
    public void fail(Failure f) { failing = f; }

    public void heal() { failing = null; }

    @Override
    public synchronized Either<Failure, List<Cluster>> clusters() {
        if (failing != null) {
            return failed();
        }
        count(new CallStats(Map.of("ListClusters", 1, "DescribeClusters", 1), 0, 0));
        return Either.right(List.copyOf(clusters.values()));
    }

    @Override
    public synchronized CallStats totals() {
        return totals;
    }

    private void count(CallStats stats) {
        totals = totals.plus(stats);
    }

    private <T> Either<Failure, T> failed() {
        count(new CallStats(Map.of(failing.action(), 1), 0, 0));
        return Either.left(failing);
    }

    @Override
    public synchronized Either<Failure, Snapshot> snapshot(SnapshotRequest r) {
        if (failing != null) {
            return failed();
        }
        List<Spec> specs = fleet.get(r.cluster().name());
        if (specs == null) {
            count(new CallStats(Map.of("ListServices", 1), 0, 0));
            return Either.left(new Failure(Failure.Kind.NOT_FOUND, "ListServices", "cluster " + r.cluster().name()));
        }
        TimeWindow w = Periods.window(r.lookback(), r.now());
        List<ServiceUsage> usage = new ArrayList<>();
        Map<ServiceRef, ServiceInfo> info = new HashMap<>();
        int queries = 0;
        for (Spec s : specs) {
            Map<MetricKey, Series> series = new HashMap<>();
            boolean detail = r.detailService().filter(d -> d.name().equals(s.name())).isPresent();
            for (Stat stat : Stat.values()) {
                if (stat != r.stat() && !detail) {
                    continue;
                }
                series.put(MetricKey.of(Metric.CPU, stat), shape(w, s.cpu(), stat, s.name().length()));
                series.put(MetricKey.of(Metric.MEMORY, stat), shape(w, s.memory(), stat, s.name().length() + 3));
                queries += 2;
            }
            usage.add(new ServiceUsage(new ServiceRef(r.cluster(), s.name()), series));
            if (r.withServiceInfo()) {
                int n = s.name().length() % 4;
                info.put(new ServiceRef(r.cluster(), s.name()), new ServiceInfo(s.name(),
                        "arn:aws:ecs:eu-west-1:123456789012:service/" + r.cluster().name() + "/" + s.name(),
                        "ACTIVE", 3, n == 0 ? 2 : 3, n == 0 ? 1 : 0, "FARGATE",
                        "arn:aws:ecs:eu-west-1:123456789012:task-definition/" + s.name() + ":" + (40 + n),
                        n == 0 ? "IN_PROGRESS" : "COMPLETED"));
            }
        }
        int n = specs.size();
        Map<String, Integer> calls = new LinkedHashMap<>();
        calls.put("ListServices", Math.max(1, (n + 99) / 100));
        if (queries > 0) {
            calls.put("GetMetricData", (queries + 499) / 500);
        }
        if (r.withServiceInfo() && n > 0) {
            calls.put("DescribeServices", (n + 9) / 10);
        }
        CallStats stats = new CallStats(calls, queries, 0);
        count(stats);
        return Either.right(new Snapshot(r.scope(), r.lookback(), r.stat(), w, r.now(), usage,
                r.withServiceInfo() ? Optional.of(info) : Optional.empty(), Optional.ofNullable(clusters.get(r.cluster().name())),
                stats));
    }

    /**
     * A quiet cluster: no stopped tasks, for the one ListTasks a real reader makes to learn
     * that. The signals of these services come from their task counts alone.
     */
    @Override
    public synchronized Either<Failure, ecstop.domain.StoppedTasks> stoppedTasks(ClusterRef cluster) {
        if (failing != null) {
            return failed();
        }
        CallStats stats = new CallStats(Map.of("ListTasks", 1), 0, 0);
        count(stats);
        return Either.right(new ecstop.domain.StoppedTasks(cluster, NOW, List.of(), stats));
    }

    /**
     * A series over the window whose maximum is exactly {@code peak} (average series run at
     * 60% of it), in a saw-tooth that gives the sparkline a shape. NaN peak: no datapoints.
     */
    public static Series shape(TimeWindow w, double peak, Stat stat, int seed) {
        if (Double.isNaN(peak)) {
            return Series.EMPTY;
        }
        double top = stat == Stat.MAX ? peak : peak * 0.6;
        long buckets = w.buckets();
        List<Point> points = new ArrayList<>();
        for (long i = 0; i < buckets; i++) {
            long phase = (i * 7 + seed) % 10;
            double v = top * (0.4 + 0.6 * phase / 9.0);
            points.add(new Point(w.start().plus(w.period().multipliedBy(i)), v));
        }
        if (buckets < 10 && !points.isEmpty()) {
            points.set(0, new Point(points.get(0).time(), top));
        }
        return new Series(points);
    }

    private static String arn(String name) {
        return "arn:aws:ecs:eu-west-1:123456789012:cluster/" + name;
    }
}
