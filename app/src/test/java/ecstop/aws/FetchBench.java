package ecstop.aws;

import ecstop.testfleet.Refs;
import static ecstop.bench.BenchReport.ordered;
import static org.assertj.core.api.Assertions.assertThat;

import ecstop.bench.BenchReport;
import ecstop.domain.Lookback;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's fetch benchmark: ecs-top's fetcher against the original script's approach, in
 * one run, on one emulator with 50 ms a call and AWS's token buckets on. Prints a table and
 * writes the "fetch" section of target/bench/results.{json,md}.
 */
class FetchBench {
    static final int[] SIZES = {10, 100, 1_000, 5_000};
    /** The baseline makes about 2N sequential calls; past this it would take many minutes. */
    static final int BASELINE_MAX = 1_000;
    static final Duration LATENCY = Duration.ofMillis(50);
    static final Instant NOW = Instant.parse("2026-11-21T10:17:42Z");

    record Run(String strategy, int services, Map<String, Long> calls, long totalCalls, long metricsRequested,
               long metricsReportedByApp, long throttled, long metricsMillis, long completeMillis,
               int servicesWithData) {}

    @Test
    void fetcherAgainstTheOriginalScript() {
        Map<String, Integer> clusters = new java.util.LinkedHashMap<>();
        clusters.put("warmup", 20);
        for (int n : SIZES) {
            clusters.put("n" + n, n);
        }
        List<Run> runs = new ArrayList<>();
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder()
                .fleet(Fleet.of(clusters, 7)).clock(() -> NOW).latency(LATENCY).tokenBuckets(true).build())) {
            // JIT and SDK start-up once, outside the figures.
            ecsTop(emulator, "warmup", 20);
            baseline(emulator, "warmup", 20);
            for (int n : SIZES) {
                runs.add(ecsTop(emulator, "n" + n, n));
                if (n <= BASELINE_MAX) {
                    runs.add(baseline(emulator, "n" + n, n));
                }
            }
        }
        report(runs);
    }

    private Run ecsTop(Emulator emulator, String cluster, int n) {
        emulator.log().reset();
        try (AwsFleetReader reader = AwsFleetReader.forEndpoint(emulator.endpoint())) {
            AtomicLong metricsAt = new AtomicLong();
            long t0 = System.nanoTime();
            Snapshot s = reader.snapshot(new SnapshotRequest(Refs.cluster(cluster), Lookback.hours(24), Stat.MAX, NOW,
                    Optional.empty(), true), m -> metricsAt.set(System.nanoTime())).get();
            long done = System.nanoTime();
            RequestLog.Counts c = emulator.log().snapshot();
            assertThat(s.services()).hasSize(n);
            assertThat(s.info().orElseThrow()).hasSize(n);
            int withData = (int) s.services().stream().filter(u -> !u.series(ecstop.domain.Metric.CPU, Stat.MAX).isEmpty()).count();
            return new Run("ecs-top", n, c.calls(), c.totalCalls(), c.metricsRequested(), s.stats().metricsRequested(),
                    c.throttled(), millis(t0, metricsAt.get()), millis(t0, done), withData);
        }
    }

    private Run baseline(Emulator emulator, String cluster, int n) {
        emulator.log().reset();
        try (AwsClients clients = AwsClients.create(AwsTarget.emulator(emulator.endpoint())).get()) {
            OriginalScriptFetcher script = new OriginalScriptFetcher(clients.ecs(), clients.cloudWatch());
            long t0 = System.nanoTime();
            Map<String, OriginalScriptFetcher.Peaks> peaks = script.fetch(cluster, NOW);
            long done = System.nanoTime();
            RequestLog.Counts c = emulator.log().snapshot();
            assertThat(peaks).hasSize(n);
            int withData = (int) peaks.values().stream().filter(p -> p.cpu().isPresent()).count();
            return new Run("original script", n, c.calls(), c.totalCalls(), c.metricsRequested(), -1,
                    c.throttled(), millis(t0, done), millis(t0, done), withData);
        }
    }

    private static long millis(long from, long to) {
        return Duration.ofNanos(to - from).toMillis();
    }

    /** ListServices pages are sequential; the metric calls can overlap them, plus one for the last. */
    static long floorMillis(int n) {
        return (long) (Math.ceil(n / 100.0) + 1) * LATENCY.toMillis();
    }

    private static void report(List<Run> runs) {
        List<String[]> rows = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (Run r : runs) {
            Run a = runs.stream().filter(x -> x.services == r.services && x.strategy.equals("ecs-top")).findFirst().get();
            boolean isA = r == a;
            long floor = floorMillis(r.services);
            rows.add(new String[] {
                r.strategy, String.format(Locale.ROOT, "%,d", r.services),
                String.valueOf(r.calls.getOrDefault("ListServices", 0L)),
                String.valueOf(r.calls.getOrDefault("DescribeServices", 0L)),
                String.valueOf(r.calls.getOrDefault("GetMetricData", 0L)),
                String.valueOf(r.calls.getOrDefault("GetMetricStatistics", 0L)),
                String.format(Locale.ROOT, "%,d", r.totalCalls),
                String.format(Locale.ROOT, "%,d", r.metricsRequested),
                String.valueOf(r.throttled),
                String.format(Locale.ROOT, "%,d", r.metricsMillis),
                isA ? String.format(Locale.ROOT, "%,d", r.completeMillis) : "—",
                isA ? String.format(Locale.ROOT, "%,d (%.2f×)", floor, r.metricsMillis / (double) floor) : "—",
                isA ? "" : String.format(Locale.ROOT, "%.0f× calls, %.0f× time",
                        r.totalCalls / (double) a.totalCalls, r.metricsMillis / (double) Math.max(1, a.metricsMillis)),
            });
            json.add(ordered(
                    "strategy", isA ? "ecs-top" : "original-script",
                    "services", r.services,
                    "calls", r.calls,
                    "totalCalls", r.totalCalls,
                    "metricsRequested", r.metricsRequested,
                    "metricsReportedByApp", r.metricsReportedByApp,
                    "throttled", r.throttled,
                    "msToMetrics", r.metricsMillis,
                    "msToComplete", r.completeMillis,
                    "floorMs", floor,
                    "servicesWithData", r.servicesWithData,
                    "ratioCallsBaselineOverEcsTop", isA ? null : r.totalCalls / (double) a.totalCalls,
                    "ratioTimeBaselineOverEcsTop", isA ? null : r.metricsMillis / (double) Math.max(1, a.metricsMillis)));
        }
        String md = "## Fetch: ecs-top against the original script\n\n"
                + "One cluster on the emulator, " + LATENCY.toMillis() + " ms a call, AWS's token buckets on, "
                + "24 h lookback, Maximum. *to metrics*: CPU and memory for every service; *complete*: task "
                + "details from DescribeServices too. Floor: ceil(N/100)+1 round trips.\n\n"
                + BenchReport.table(new String[] {"strategy", "N", "ListServices", "DescribeServices",
                        "GetMetricData", "GetMetricStatistics", "calls", "metrics", "throttled",
                        "ms to metrics", "ms complete", "floor ms (ratio)", "baseline ÷ ecs-top"}, rows);
        BenchReport.section("fetch", ordered("latencyMs", LATENCY.toMillis(), "runs", json), md);

        // The targets of issue 5, checked on the figures just printed.
        for (Run r : runs) {
            if (!r.strategy.equals("ecs-top")) {
                continue;
            }
            assertThat(r.throttled).as("throttling met at N=%d", r.services).isZero();
            assertThat(r.metricsReportedByApp).as("app's metric count at N=%d", r.services).isEqualTo(r.metricsRequested);
            assertThat(r.calls.get("ListServices")).isEqualTo((long) Math.ceil(r.services / 100.0));
            assertThat(r.calls.get("DescribeServices")).isEqualTo((long) Math.ceil(r.services / 10.0));
            assertThat(r.calls.get("GetMetricData")).isEqualTo((long) Math.ceil((2L * r.services + 2) / 500.0));
        }
    }
}
