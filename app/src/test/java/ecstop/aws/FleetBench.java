package ecstop.aws;

import static ecstop.bench.BenchReport.ordered;
import static org.assertj.core.api.Assertions.assertThat;

import ecstop.bench.BenchReport;
import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.FleetRequest;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10's fleet benchmark, side by side in one run: a fleet of 50 clusters × 100 services
 * in one region on the emulator at 50 ms a call with AWS's token buckets on, from a cold
 * start (the cluster list) to every service's CPU and memory: one Metrics Insights query per
 * metric against fetching cluster by cluster. Prints a table and writes the "fleet" section
 * of target/bench/results.{json,md}.
 */
class FleetBench {
    static final int CLUSTERS = 50;
    static final int SERVICES = 100;
    static final Duration LATENCY = Duration.ofMillis(50);
    static final Instant NOW = Instant.parse("2026-11-21T10:17:42Z");

    /** {@code cpu}, {@code memory}: services with that metric's figure; {@code truncated}: said so by CloudWatch. */
    record Run(String strategy, Map<String, Long> callsAfterList, long totalAfterList, long listCalls, long metricsBilled,
               long metricsCountedByApp, long throttled, long roundTripsAfterList, long msToAll, int cpu, int memory,
               boolean truncated) {}

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(clusters(), 17)).at(NOW)
            .with(b -> b.latency(LATENCY).tokenBuckets(true));

    static Map<String, Integer> clusters() {
        Map<String, Integer> clusters = new LinkedHashMap<>();
        for (int i = 0; i < CLUSTERS; i++) {
            clusters.put(String.format("team-%02d", i), SERVICES);
        }
        return clusters;
    }

    @Test
    void metricsInsightsAgainstClusterByCluster() {
        List<Run> runs = new ArrayList<>();
        // JIT and SDK start-up once, outside the figures.
        insights();
        clusterByCluster();
        runs.add(insights());
        runs.add(clusterByCluster());
        report(runs);
    }

    private Run insights() {
        emulator.log().reset();
        try (AwsFleetReader reader = AwsFleetReader.forEndpoint(emulator.endpoint())) {
            long t0 = System.nanoTime();
            List<Cluster> list = reader.clusters().get();
            RequestLog.Counts listed = emulator.log().snapshot();
            FleetSnapshot s = reader.fleet(new FleetRequest(Lookback.hours(24), Stat.MAX, NOW, false)).get();
            long done = System.nanoTime();
            assertThat(list).hasSize(CLUSTERS);
            int cpu = (int) s.rows().stream().filter(r -> !r.usage().series(Metric.CPU, Stat.MAX).isEmpty()).count();
            int memory = (int) s.rows().stream().filter(r -> !r.usage().series(Metric.MEMORY, Stat.MAX).isEmpty()).count();
            // Both metrics' calls go out together: one round trip after the list.
            return run("metrics insights", listed, s.stats(), 1, done - t0, cpu, memory, s.limits().truncated());
        }
    }

    private Run clusterByCluster() {
        emulator.log().reset();
        try (AwsFleetReader reader = AwsFleetReader.forEndpoint(emulator.endpoint())) {
            long t0 = System.nanoTime();
            List<Cluster> list = reader.clusters().get();
            RequestLog.Counts listed = emulator.log().snapshot();
            CallStats stats = CallStats.NONE;
            int cpu = 0;
            int memory = 0;
            for (Cluster c : list) {
                Snapshot s = reader.snapshot(new SnapshotRequest(c.ref(), Lookback.hours(24), Stat.MAX, NOW,
                        Optional.empty(), false)).get();
                stats = stats.plus(s.stats());
                cpu += (int) s.services().stream().filter(u -> !u.series(Metric.CPU, Stat.MAX).isEmpty()).count();
                memory += (int) s.services().stream().filter(u -> !u.series(Metric.MEMORY, Stat.MAX).isEmpty()).count();
            }
            long done = System.nanoTime();
            // Each cluster: its ListServices page, then its GetMetricData call.
            return run("cluster by cluster", listed, stats, 2L * list.size(), done - t0, cpu, memory, false);
        }
    }

    private static Run run(String strategy, RequestLog.Counts listed, CallStats app, long roundTrips,
            long nanos, int cpu, int memory, boolean truncated) {
        RequestLog.Counts all = emulator.log().snapshot();
        Map<String, Long> after = new LinkedHashMap<>();
        all.calls().forEach((op, n) -> {
            long d = n - listed.calls(op);
            if (d > 0) {
                after.put(op, d);
            }
        });
        return new Run(strategy, after, all.totalCalls() - listed.totalCalls(), listed.totalCalls(),
                all.metricsRequested() - listed.metricsRequested(), app.metricsRequested(), all.throttled(), roundTrips,
                Duration.ofNanos(nanos).toMillis(), cpu, memory, truncated);
    }

    private static void report(List<Run> runs) {
        List<String[]> rows = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        Run a = runs.get(0);
        for (Run r : runs) {
            rows.add(new String[] {
                r.strategy, String.format(Locale.ROOT, "%,d / %,d%s", r.cpu, r.memory, r.truncated ? " (busiest, said so)" : ""),
                String.valueOf(r.listCalls),
                String.valueOf(r.callsAfterList.getOrDefault("ListServices", 0L)),
                String.valueOf(r.callsAfterList.getOrDefault("GetMetricData", 0L)),
                String.valueOf(r.totalAfterList), String.valueOf(r.roundTripsAfterList),
                String.format(Locale.ROOT, "%,d (%,d)", r.metricsBilled, r.metricsCountedByApp),
                String.format(Locale.ROOT, "%,d", r.metricsBilled - r.metricsCountedByApp), String.valueOf(r.throttled),
                String.format(Locale.ROOT, "%,d", r.msToAll),
                r == a ? "" : String.format(Locale.ROOT, "%.0f× calls, %.1f× time", r.totalAfterList / (double) a.totalAfterList,
                        r.msToAll / (double) Math.max(1, a.msToAll)),
            });
            json.add(ordered("strategy", r.strategy, "servicesWithCpu", r.cpu, "servicesWithMemory", r.memory,
                    "truncated", r.truncated, "clusterListCalls", r.listCalls,
                    "callsAfterList", r.callsAfterList, "totalCallsAfterList", r.totalAfterList,
                    "roundTripsAfterList", r.roundTripsAfterList, "metricsBilled", r.metricsBilled,
                    "metricsCountedByApp", r.metricsCountedByApp, "throttled", r.throttled, "msToAll", r.msToAll));
        }
        String md = "## Fleet: Metrics Insights against cluster by cluster\n\n"
                + CLUSTERS + " clusters × " + SERVICES + " services in one region on the emulator, " + LATENCY.toMillis()
                + " ms a call, AWS's token buckets on, 24 h, Maximum; from a cold start (the cluster list, counted apart) "
                + "to the fleet's CPU and memory. *services*: with a CPU / memory figure (Metrics Insights returns the "
                + "busiest 500 per metric and says the fleet was cut). *metrics*: billed after the list as the emulator "
                + "counted it (Metrics Insights: series analysed; MetricStat: queries), and in brackets as the app "
                + "counted it (past 500 services, the services its cluster list counts); *billed − counted*: the "
                + "difference, which the meter would show as \"at least\".\n\n"
                + BenchReport.table(new String[] {"strategy", "services CPU / memory", "list calls", "ListServices", "GetMetricData",
                        "calls after list", "round trips after list", "metrics", "billed − counted", "throttled", "ms to all", "÷ insights"}, rows);
        BenchReport.section("fleet", ordered("latencyMs", LATENCY.toMillis(), "clusters", CLUSTERS,
                "servicesPerCluster", SERVICES, "runs", json), md);

        // Issue 10's targets, checked on the figures just printed.
        Run b = runs.get(1);
        assertThat(a.cpu).isEqualTo(500);
        assertThat(a.memory).isEqualTo(500);
        assertThat(a.truncated).isTrue();
        assertThat(b.cpu).isEqualTo(CLUSTERS * SERVICES);
        assertThat(a.callsAfterList).containsOnlyKeys("GetMetricData").containsEntry("GetMetricData", 2L);
        assertThat(a.throttled).isZero();
        assertThat(b.throttled).isZero();
        assertThat(b.totalAfterList).isGreaterThanOrEqualTo(10 * a.totalAfterList);
        // Issue 21: the meter counts what CloudWatch bills, series analysed, not the 500 returned.
        assertThat(a.metricsCountedByApp).isEqualTo(a.metricsBilled).isEqualTo(2L * CLUSTERS * SERVICES);
        assertThat(b.metricsCountedByApp).isEqualTo(b.metricsBilled);
    }
}
