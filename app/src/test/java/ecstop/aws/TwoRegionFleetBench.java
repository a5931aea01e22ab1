package ecstop.aws;

import static ecstop.bench.BenchReport.ordered;
import static org.assertj.core.api.Assertions.assertThat;

import ecstop.bench.BenchReport;
import ecstop.domain.FleetReader;
import ecstop.domain.Lookback;
import ecstop.domain.Scope;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.emulator.Accounts;
import ecstop.poll.Readers;
import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The TUI's fleet over two regions of one account, on the emulator at 50 ms a call: how long
 * the poller's reads take from asking to answer (the cluster list of both, then the fleet's
 * bars of both), median of {@value #RUNS} runs after a warm-up. Both regions are asked at once,
 * so two regions should cost about what one does. Prints a table and writes the
 * "two regions" section of target/bench/results.{json,md}.
 */
class TwoRegionFleetBench {
    static final Instant NOW = Instant.parse("2026-11-21T10:17:42Z");
    static final Duration LATENCY = Duration.ofMillis(50);
    static final int RUNS = 7;
    static final String ACCOUNT = "111111111111";

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Accounts.builder(8)
            .account(ACCOUNT, "AKIDPROD").fleet(FleetTargetsTest.fleet(ACCOUNT, "us-east-1", 6, 20))
            .fleet(FleetTargetsTest.fleet(ACCOUNT, "eu-west-1", 6, 20)).build())
            .at(NOW).with(b -> b.latency(LATENCY));

    @Test
    void twoRegionsAskedAtOnceCostAboutWhatOneDoes() {
        Map<Target, FleetReader> both = new LinkedHashMap<>();
        for (String region : List.of("us-east-1", "eu-west-1")) {
            AwsFleetReader r = EmulatorClients.reader(emulator.emulator(), "AKIDPROD", "prod", region);
            both.put(r.target(), r);
        }
        Map<Target, FleetReader> one = Map.of(both.keySet().iterator().next(), both.values().iterator().next());
        Readers two = Readers.of(both, false);
        Readers single = Readers.of(one, false);
        Scope.Fleet fleetOfTwo = new Scope.Fleet(two.targets());
        Scope.Fleet fleetOfOne = new Scope.Fleet(single.targets());

        // the task details the fleet view reads after its bars: every service of both regions
        List<ecstop.domain.ServiceRef> services = two.fleet(fleetOfTwo, Lookback.hours(24), Stat.MAX, NOW).get().snapshot()
                .services().stream().map(ecstop.domain.ServiceUsage::ref).toList();
        List<ecstop.domain.ServiceRef> firstRegion = services.stream()
                .filter(s -> s.cluster().target().equals(fleetOfOne.targets().get(0))).toList();
        assertThat(firstRegion).hasSize(120);
        assertThat(services).hasSize(240);
        List<String[]> rows = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        for (var read : List.<Map.Entry<String, Supplier<Boolean>>>of(
                Map.entry("cluster list, 1 region", () -> single.clusters().isRight()),
                Map.entry("cluster list, 2 regions", () -> two.clusters().isRight()),
                Map.entry("fleet bars, 1 region", () -> single.fleet(fleetOfOne, Lookback.hours(24), Stat.MAX, NOW).isRight()),
                Map.entry("fleet bars, 2 regions", () -> two.fleet(fleetOfTwo, Lookback.hours(24), Stat.MAX, NOW).isRight()),
                Map.entry("task details, 1 region", () -> single.serviceInfo(firstRegion).size() == 120),
                Map.entry("task details, 2 regions", () -> two.serviceInfo(services).size() == 240))) {
            assertThat(read.getValue().get()).isTrue(); // warm-up: JIT, SDK start-up, connections
            long[] ms = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                read.getValue().get();
                ms[i] = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            }
            java.util.Arrays.sort(ms);
            rows.add(new String[] {read.getKey(), String.format(Locale.ROOT, "%,d", ms[RUNS / 2]),
                    String.format(Locale.ROOT, "%,d–%,d", ms[0], ms[RUNS - 1])});
            json.put(read.getKey(), ordered("medianMs", ms[RUNS / 2], "minMs", ms[0], "maxMs", ms[RUNS - 1]));
        }
        String md = "## The TUI's fleet over two regions\n\n"
                + "One account, 6 clusters × 20 services in each of us-east-1 and eu-west-1, on the emulator at "
                + LATENCY.toMillis() + " ms a call; the poller's reads (poll.Readers) from asking to answer, median of "
                + RUNS + " runs after a warm-up.\n\n"
                + BenchReport.table(new String[] {"read", "median ms", "range ms"}, rows);
        BenchReport.section("twoRegions", ordered("latencyMs", LATENCY.toMillis(), "runs", RUNS, "reads", json), md);
    }
}
