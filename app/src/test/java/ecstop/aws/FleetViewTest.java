package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.ClusterRef;
import ecstop.domain.FleetLimits;
import ecstop.domain.FleetRequest;
import ecstop.domain.FleetRow;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import ecstop.testing.EmulatorExtension;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fleet view's data through the production reader, the real SDK and HTTP, against the
 * emulator: a fleet of 30 clusters costs 2 GetMetricData calls up to two weeks back and no
 * ECS call, its figures are the cluster view's, past two weeks it lists and batches instead,
 * and task counts come for the rows asked about only, 10 a call.
 */
class FleetViewTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:17:42Z");
    static final int CLUSTERS = 30;
    static final int SERVICES = 10;

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(clusters(), 21)).at(NOW);
    static AwsFleetReader reader;

    static Map<String, Integer> clusters() {
        Map<String, Integer> clusters = new LinkedHashMap<>();
        for (int i = 0; i < CLUSTERS; i++) {
            clusters.put(String.format("team-%02d", i), SERVICES);
        }
        return clusters;
    }

    @BeforeAll
    static void open() {
        reader = emulator.closing(AwsFleetReader.forEndpoint(emulator.endpoint()));
    }

    static FleetSnapshot fleet(Lookback lookback, Stat stat) {
        return reader.fleet(new FleetRequest(lookback, stat, NOW, false)).get();
    }

    static Map<String, ServiceUsage> byName(FleetSnapshot s) {
        return s.rows().stream().collect(Collectors.toMap(r -> r.cluster().name() + "/" + r.usage().name(), FleetRow::usage));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1h", "24h", "3d", "14d"})
    void upToTwoWeeksTheWholeFleetIsTwoGetMetricDataCalls(String lookback) {
        CallTallyBaseline before = new CallTallyBaseline(reader);

        FleetSnapshot s = fleet(Lookback.parse(lookback).get(), Stat.MAX);

        RequestLog.Counts counts = emulator.log().snapshot();
        assertThat(counts.calls("GetMetricData")).isEqualTo(2);
        assertThat(counts.totalCalls()).isEqualTo(2);
        assertThat(s.source()).isEqualTo(FleetSnapshot.Source.METRICS_INSIGHTS);
        assertThat(s.rows()).hasSize(CLUSTERS * SERVICES);
        assertThat(s.rows().stream().map(r -> r.cluster()).distinct()).hasSize(CLUSTERS);
        assertThat(s.limits()).isEqualTo(FleetLimits.NONE);
        assertThat(s.stats().calls("GetMetricData")).isEqualTo(2);
        // What the client counted as billed is what CloudWatch (the emulator) analysed.
        assertThat(s.stats().metricsRequested()).isEqualTo(counts.metricsRequested()).isEqualTo(2L * CLUSTERS * SERVICES);
        assertThat(before.added()).isEqualTo(s.stats());
        assertThat(s.rows()).allSatisfy(r -> {
            assertThat(r.cluster().target()).isEqualTo(reader.target());
            assertThat(r.usage().series(Metric.CPU, Stat.MAX).isEmpty()).isFalse();
            assertThat(r.usage().series(Metric.MEMORY, Stat.MAX).isEmpty()).isFalse();
        });
    }

    @ParameterizedTest
    @EnumSource(Stat.class)
    void theFleetsFiguresAreTheClusterViewsFigures(Stat stat) {
        FleetSnapshot fleet = fleet(Lookback.hours(24), stat);
        Snapshot one = reader.snapshot(new SnapshotRequest(new ecstop.domain.ClusterRef(reader.target(), "team-07"), Lookback.hours(24), stat, NOW, Optional.empty(), false)).get();

        Map<String, ServiceUsage> rows = byName(fleet);
        assertThat(one.services()).hasSize(SERVICES).allSatisfy(u -> {
            ServiceUsage row = rows.get("team-07/" + u.name());
            for (Metric m : Metric.values()) {
                assertThat(row.series(m, stat)).as(u.name() + " " + m).isEqualTo(u.series(m, stat));
            }
        });
    }

    @Test
    void theRowsComeBusiestFirstByCpu() {
        List<Double> cpu = fleet(Lookback.hours(6), Stat.MAX).rows().stream()
                .map(r -> r.usage().value(Metric.CPU, Stat.MAX).orElse(-1)).toList();

        assertThat(cpu).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void pastTwoWeeksItListsEveryClusterAndBatchesMetricStatQueries() {
        FleetSnapshot s = fleet(Lookback.days(30), Stat.AVG);
        Snapshot one = reader.snapshot(new SnapshotRequest(new ecstop.domain.ClusterRef(reader.target(), "team-29"), Lookback.days(30), Stat.AVG, NOW, Optional.empty(), false)).get();
        RequestLog.Counts counts = emulator.log().snapshot();

        assertThat(s.source()).isEqualTo(FleetSnapshot.Source.PER_CLUSTER);
        assertThat(counts.calls("ListClusters")).isEqualTo(1);
        assertThat(counts.calls("ListServices")).isEqualTo(CLUSTERS + 1);
        // 600 fleet queries in 500s, then the one cluster's own call.
        assertThat(counts.calls("GetMetricData")).isEqualTo(2 + 1);
        assertThat(s.stats().metricsRequested()).isEqualTo(2L * CLUSTERS * SERVICES);
        Map<String, ServiceUsage> rows = byName(s);
        assertThat(s.rows()).hasSize(CLUSTERS * SERVICES);
        assertThat(one.services()).allSatisfy(u -> assertThat(rows.get("team-29/" + u.name()).series(Metric.MEMORY, Stat.AVG))
                .isEqualTo(u.series(Metric.MEMORY, Stat.AVG)));
    }

    @Test
    void taskCountsComeForTheAskedRowsOnlyTenACallPerCluster() {
        List<FleetRow> rows = fleet(Lookback.hours(24), Stat.MAX).rows();
        List<ServiceRef> wanted = rows.stream().filter(r -> r.cluster().name().equals("team-03")).map(FleetRow::service).toList();
        ClusterRef other = rows.stream().map(FleetRow::cluster).filter(c -> c.name().equals("team-04")).findFirst().orElseThrow();
        List<ServiceRef> asked = new java.util.ArrayList<>(wanted);
        asked.add(new ServiceRef(other, "svc-0001"));
        asked.add(new ServiceRef(new ClusterRef(reader.target().withAccount("999999999999"), "elsewhere"), "svc-0001"));
        asked.add(new ServiceRef(new ClusterRef(ecstop.domain.Target.of("someone-else", "us-east-1"), "team-03"), "svc-0002"));
        emulator.log().reset();

        Map<ServiceRef, ServiceInfo> info = reader.serviceInfo(asked).get();

        // team-03's 10 in one call, team-04's one in another; the cluster of another account is not
        // found (skipped), the other profile's row not asked at all.
        assertThat(emulator.log().snapshot().calls("DescribeServices")).isEqualTo(3);
        assertThat(info).hasSize(SERVICES + 1).containsKeys(wanted.toArray(new ServiceRef[0]));
        assertThat(info.get(wanted.get(0)).name()).isEqualTo(wanted.get(0).name());
        assertThat(info.get(wanted.get(0)).running()).isPositive();
    }

    /** What a reader's running totals gained over one call. */
    static final class CallTallyBaseline {
        private final AwsFleetReader r;
        private final ecstop.domain.CallStats start;

        CallTallyBaseline(AwsFleetReader r) {
            this.r = r;
            this.start = r.totals();
        }

        ecstop.domain.CallStats added() {
            ecstop.domain.CallStats now = r.totals();
            Map<String, Integer> calls = new java.util.TreeMap<>(now.calls());
            start.calls().forEach((op, n) -> calls.merge(op, -n, Integer::sum));
            calls.values().removeIf(n -> n == 0);
            return new ecstop.domain.CallStats(calls, now.metricsRequested() - start.metricsRequested(),
                    now.throttled() - start.throttled());
        }
    }
}
