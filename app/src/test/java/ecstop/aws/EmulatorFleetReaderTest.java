package ecstop.aws;

import ecstop.testfleet.Refs;
import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Faults;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The data path end to end: ecs-top's AwsFleetReader, through the real SDK clients and real
 * HTTP, against the emulator. Paging at every edge, the billed metric count matching what
 * the emulator counted, throttling retried, and every fault mapped to its Failure kind.
 */
class EmulatorFleetReaderTest {
    static final int[] SIZES = {0, 1, 10, 100, 101, 1234};
    /** Mid-hour, so the current hour already has minutes of data whenever the test runs. */
    static final Instant NOW = Instant.parse("2026-11-21T10:17:42Z");
    static Emulator emulator;
    static AwsFleetReader reader;

    @BeforeAll
    static void start() {
        Map<String, Integer> clusters = new LinkedHashMap<>();
        for (int n : SIZES) {
            clusters.put("c" + n, n);
        }
        emulator = Emulator.start(EmulatorConfig.builder().fleet(Fleet.of(clusters, 11)).clock(() -> NOW).build());
        reader = AwsFleetReader.forEndpoint(emulator.endpoint());
    }

    @AfterAll
    static void stop() {
        reader.close();
        emulator.close();
    }

    @BeforeEach
    void clearLog() {
        emulator.log().reset();
    }

    @AfterEach
    void clearFaults() {
        emulator.faults(Faults.NONE);
        emulator.throttleNext(0);
    }

    static SnapshotRequest request(String cluster, boolean withInfo) {
        return new SnapshotRequest(Refs.cluster(cluster), Lookback.hours(24), Stat.MAX, NOW, Optional.empty(), withInfo);
    }

    @Test
    void clustersComeWithTheirServiceCounts() {
        List<Cluster> clusters = reader.clusters().get();

        assertThat(clusters).extracting(Cluster::name).containsExactly("c0", "c1", "c10", "c100", "c101", "c1234");
        assertThat(clusters).extracting(Cluster::activeServices).containsExactly(0, 1, 10, 100, 101, 1234);
        // Fleet.of's clusters are Fargate-only: they publish no reservation, and say so by its absence.
        assertThat(clusters).allSatisfy(c -> {
            assertThat(c.cpuReservation()).isEmpty();
            assertThat(c.memoryReservation()).isEmpty();
        });
        RequestLog.Counts counts = emulator.log().snapshot();
        assertThat(counts.calls("ListClusters")).isEqualTo(1);
        assertThat(counts.calls("DescribeClusters")).isEqualTo(1);
        assertThat(counts.calls("GetMetricData")).isEqualTo(1);
        assertThat(counts.metricsRequested()).isEqualTo(2 * SIZES.length);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 100, 101, 1234})
    void aSnapshotHasEveryServiceWithTheMinimumCalls(int n) {
        // Task details for the big cluster are paced by ecs-top's own ECS limiter (seconds);
        // EmulatorEcsSdkTest pages DescribeServices through 1,234 services already.
        boolean withInfo = n <= 101;
        Snapshot s = reader.snapshot(request("c" + n, withInfo)).get();
        RequestLog.Counts counts = emulator.log().snapshot();

        assertThat(s.services()).hasSize(n);
        assertThat(s.info().map(java.util.Map::size).orElse(0)).isEqualTo(withInfo ? n : 0);
        assertThat(s.services()).allSatisfy(u -> assertThat(u.series(Metric.CPU, Stat.MAX).points()).hasSize(24));
        assertThat(counts.calls("ListServices")).isEqualTo(Math.max(1, (n + 99) / 100));
        assertThat(counts.calls("DescribeServices")).isEqualTo(withInfo ? (n + 9) / 10 : 0);
        // CPU and memory for each service, and the cluster's two reservation metrics.
        long queries = 2L * n + 2;
        assertThat(counts.metricsRequested()).isEqualTo(queries);
        assertThat(counts.calls("GetMetricData")).isEqualTo((queries + 499) / 500);
        assertThat(counts.throttled()).isZero();
        // What ecs-top says it was billed for is what the endpoint counted.
        assertThat(s.stats().metricsRequested()).isEqualTo(counts.metricsRequested());
        assertThat(s.stats().calls("GetMetricData")).isEqualTo(counts.calls("GetMetricData"));
    }

    @Test
    void theBusiestTaskIsNeverBelowTheAverageTask() {
        Snapshot max = reader.snapshot(request("c100", false)).get();
        Snapshot avg = reader.snapshot(new SnapshotRequest(Refs.cluster("c100"), Lookback.hours(24), Stat.AVG, NOW,
                Optional.empty(), false)).get();

        for (int i = 0; i < 100; i++) {
            ServiceUsage m = max.services().get(i);
            ServiceUsage a = avg.services().stream().filter(u -> u.name().equals(m.name())).findFirst().orElseThrow();
            assertThat(m.value(Metric.CPU, Stat.MAX).getAsDouble()).isGreaterThanOrEqualTo(a.value(Metric.CPU, Stat.AVG).getAsDouble());
        }
    }

    @Test
    void aThrottledCallIsRetriedAndTheSnapshotStillArrives() {
        emulator.throttleNext(1);

        Either<Failure, Snapshot> s = reader.snapshot(request("c10", false));

        assertThat(s.isRight()).isTrue();
        assertThat(emulator.log().snapshot().throttled()).isEqualTo(1);
    }

    @Test
    void accessDeniedOnCloudWatchIsAccessDenied() {
        emulator.faults(Faults.NONE.withDenied("GetMetricData"));

        assertThat(reader.snapshot(request("c10", false)).getLeft().kind()).isEqualTo(Failure.Kind.ACCESS_DENIED);
    }

    @Test
    void expiredCredentialsSayTheSessionExpired() {
        emulator.faults(Faults.NONE.withExpiredCredentials(true));

        assertThat(reader.clusters().getLeft().kind()).isEqualTo(Failure.Kind.SSO_EXPIRED);
    }

    @Test
    void refusedConnectionsAreANetworkFailure() {
        emulator.faults(Faults.NONE.withOutage(Faults.Outage.refused()));

        assertThat(reader.clusters().getLeft().kind()).isEqualTo(Failure.Kind.NETWORK);
    }

    @Test
    void anUnknownClusterIsNotFound() {
        assertThat(reader.snapshot(request("nope", false)).getLeft().kind()).isEqualTo(Failure.Kind.NOT_FOUND);
    }

    @Test
    void serverErrorsThatDoNotStopAreAFailureNotAHang() {
        emulator.faults(Faults.NONE.withErrorRate(1));

        assertThat(reader.clusters().isLeft()).isTrue();
        assertThat(emulator.log().snapshot().calls("ListClusters")).isGreaterThan(1);
    }
}
