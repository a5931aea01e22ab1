package ecstop.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.MetricKey;
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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bars a session last showed for one cluster, per profile and region, in ecs-top's state
 * directory ({@code last-<profile>@<region>.cbor}): the next session on the same cluster,
 * lookback and statistic paints them at once, marked as the last session's with their age,
 * until its first fetch returns. Only the metrics (task counts would mislead hours later),
 * only for one cluster, and not past {@link #MAX_POINTS} datapoints (a 14-day lookback of
 * thousands of services would be tens of megabytes to save a second). Written whole and
 * renamed; a file that cannot be read is one line in the log and ignored.
 */
public final class LastSnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(LastSnapshotStore.class);
    static final int VERSION = 1;
    static final int MAX_POINTS = 250_000;
    private static final CBORMapper CBOR = CBORMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build();

    /** The file's shape: plain values only, so a change to the domain records cannot misread an old file. */
    record Stored(int version, String cluster, long lookbackSeconds, String stat, long windowStart, long windowEnd,
                  long periodSeconds, long fetchedAt, List<StoredService> services) {}

    record StoredService(String name, List<StoredSeries> series) {}

    record StoredSeries(String metric, String stat, long[] times, double[] values) {}

    private final Path directory;

    public LastSnapshotStore(Path stateDirectory) {
        this.directory = stateDirectory;
    }

    Path file(Target target) {
        return directory.resolve("last-" + (target.profile() + "@" + target.region()).replaceAll("[^A-Za-z0-9._@-]", "_")
                + ".cbor");
    }

    /** The last session's snapshot of {@code cluster} at this lookback and statistic, if one was kept. */
    public Optional<Snapshot> read(ClusterRef cluster, Lookback lookback, Stat stat) {
        Path f = file(cluster.target());
        Stored s;
        try (InputStream in = Files.newInputStream(f)) {
            s = CBOR.readValue(in, Stored.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring {}: cannot read it ({})", f, e.toString());
            return Optional.empty();
        }
        if (s == null || s.version() != VERSION || !cluster.name().equals(s.cluster())
                || s.lookbackSeconds() != lookback.duration().toSeconds() || !stat.key().equals(s.stat())) {
            return Optional.empty();
        }
        try {
            return Optional.of(snapshot(cluster, lookback, stat, s));
        } catch (RuntimeException e) {
            LOG.warn("ignoring {}: not a snapshot ecs-top writes ({})", f, e.toString());
            return Optional.empty();
        }
    }

    /** Keeps {@code snap} for its profile and region if it is one cluster's and not too big; a failure is logged, never thrown. */
    public void write(Snapshot snap) {
        if (!(snap.scope() instanceof Scope.One one)) {
            return;
        }
        long points = snap.services().stream().flatMap(u -> u.series().values().stream())
                .mapToLong(x -> x.points().size()).sum();
        Path f = file(one.cluster().target());
        try {
            if (points > MAX_POINTS) {
                Files.deleteIfExists(f);
                return;
            }
            Stored s = stored(one.cluster(), snap);
            AtomicFile.write(f, out -> CBOR.writeValue(out, s));
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot keep the last snapshot in {}: {}", f, e.toString());
        }
    }

    private static Stored stored(ClusterRef cluster, Snapshot snap) {
        List<StoredService> services = new ArrayList<>(snap.services().size());
        for (ServiceUsage u : snap.services()) {
            List<StoredSeries> series = new ArrayList<>();
            u.series().forEach((key, x) -> {
                long[] times = new long[x.points().size()];
                double[] values = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    times[i] = x.points().get(i).time().toEpochMilli();
                    values[i] = x.points().get(i).value();
                }
                series.add(new StoredSeries(key.metric().name(), key.stat().key(), times, values));
            });
            services.add(new StoredService(u.name(), series));
        }
        TimeWindow w = snap.window();
        return new Stored(VERSION, cluster.name(), snap.lookback().duration().toSeconds(), snap.stat().key(),
                w.start().toEpochMilli(), w.end().toEpochMilli(), w.period().toSeconds(), snap.fetchedAt().toEpochMilli(),
                services);
    }

    private static Snapshot snapshot(ClusterRef cluster, Lookback lookback, Stat stat, Stored s) {
        List<ServiceUsage> services = new ArrayList<>(s.services().size());
        for (StoredService u : s.services()) {
            Map<MetricKey, Series> series = new LinkedHashMap<>();
            for (StoredSeries x : u.series()) {
                List<Point> points = new ArrayList<>(x.times().length);
                for (int i = 0; i < x.times().length; i++) {
                    points.add(new Point(Instant.ofEpochMilli(x.times()[i]), x.values()[i]));
                }
                series.put(MetricKey.of(Metric.valueOf(x.metric()), Stat.parse(x.stat()).orElseThrow()), new Series(points));
            }
            services.add(new ServiceUsage(new ServiceRef(cluster, u.name()), series));
        }
        return new Snapshot(Scope.of(cluster), lookback, stat, new TimeWindow(Instant.ofEpochMilli(s.windowStart()),
                Instant.ofEpochMilli(s.windowEnd()), Duration.ofSeconds(s.periodSeconds())), Instant.ofEpochMilli(s.fetchedAt()),
                services, Optional.empty(), Optional.empty(), CallStats.NONE);
    }
}
