package ecstop.config;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.MetricKey;
import ecstop.domain.Periods;
import ecstop.domain.Point;
import ecstop.domain.Scope;
import ecstop.domain.Series;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.domain.TimeWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last session's bars: kept per profile and region, given back only for the same question, never a crash. */
class LastSnapshotStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:17:00Z");
    private static final ClusterRef PROD = new ClusterRef(Target.of("prod", "eu-west-1"), "shop");
    private static final Lookback DAY = Lookback.hours(24);

    @TempDir
    Path dir;

    private static Snapshot snapshot(ClusterRef cluster, int services, Lookback lookback) {
        TimeWindow w = Periods.window(lookback, NOW);
        List<ServiceUsage> usage = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            List<Point> cpu = new ArrayList<>();
            for (Instant t = w.start(); t.isBefore(w.end()); t = t.plus(w.period())) {
                cpu.add(new Point(t, 10 + i + t.getEpochSecond() % 7 / 10.0));
            }
            usage.add(new ServiceUsage(new ServiceRef(cluster, "svc-" + i), Map.of(
                    MetricKey.of(Metric.CPU, Stat.MAX), new Series(cpu),
                    MetricKey.of(Metric.MEMORY, Stat.MAX), new Series(List.of(new Point(w.start(), 55.5))))));
        }
        return new Snapshot(Scope.of(cluster), lookback, Stat.MAX, w, NOW, usage, Optional.empty(), Optional.empty(),
                new CallStats(Map.of("GetMetricData", 1), services * 2L, 0));
    }

    @Test
    void theSameQuestionGetsItsBarsBackAndNothingElseDoes() {
        LastSnapshotStore store = new LastSnapshotStore(dir.resolve("state"));
        Snapshot snap = snapshot(PROD, 3, DAY);
        store.write(snap);

        Snapshot back = store.read(PROD, DAY, Stat.MAX).orElseThrow();
        assertThat(back.services()).isEqualTo(snap.services());
        assertThat(back.window()).isEqualTo(snap.window());
        assertThat(back.fetchedAt()).isEqualTo(NOW);
        assertThat(back.info()).as("task counts are not kept: hours later they would mislead").isEmpty();

        assertThat(store.read(PROD, Lookback.hours(6), Stat.MAX)).isEmpty();
        assertThat(store.read(PROD, DAY, Stat.AVG)).isEmpty();
        assertThat(store.read(new ClusterRef(PROD.target(), "other"), DAY, Stat.MAX)).isEmpty();
        assertThat(store.read(new ClusterRef(Target.of("dev", "eu-west-1"), "shop"), DAY, Stat.MAX)).isEmpty();
    }

    @Test
    void theFleetAndHugeSnapshotsAreNotKept() {
        LastSnapshotStore store = new LastSnapshotStore(dir);
        store.write(snapshot(PROD, 3, DAY));
        Snapshot fleet = new Snapshot(new Scope.Fleet(List.of(PROD.target())), DAY, Stat.MAX, Periods.window(DAY, NOW), NOW,
                List.of(), Optional.empty(), Optional.empty(), CallStats.NONE);
        store.write(fleet);
        assertThat(store.read(PROD, DAY, Stat.MAX)).as("the fleet leaves the cluster's bars alone").isPresent();

        // 14 days (six-hourly) for 5,000 services: 290,000 points, megabytes to save a second
        store.write(snapshot(PROD, 5_000, Lookback.days(14)));
        assertThat(store.read(PROD, Lookback.days(14), Stat.MAX).isPresent()).isFalse();
        assertThat(store.read(PROD, DAY, Stat.MAX).isPresent()).as("and the older, smaller one is gone too").isFalse();
    }

    @Test
    void aCorruptOrUnreadableFileIsIgnored() throws IOException {
        LastSnapshotStore store = new LastSnapshotStore(dir);
        Files.createDirectories(dir);
        Files.write(store.file(PROD.target()), new byte[] {(byte) 0xbf, 0x61, 0x78, (byte) 0xff, 0x00, 0x13});
        assertThat(store.read(PROD, DAY, Stat.MAX)).isEmpty();

        store.write(snapshot(PROD, 2, DAY));
        assertThat(store.read(PROD, DAY, Stat.MAX)).isPresent();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactly("last-prod@eu-west-1.cbor");
        }
    }
}
