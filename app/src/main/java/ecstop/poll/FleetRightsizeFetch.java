package ecstop.poll;

import ecstop.domain.Cluster;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Lookback;
import ecstop.domain.Periods;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.domain.TargetLabels;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.domain.rightsize.ScopeRightsize;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's right-sizing table: every cluster of every target, each read as the cluster view
 * reads one (its services, their per-period Maximum series and task details, then
 * {@link RightsizeFetch}), never from the fleet's Metrics Insights snapshot. That snapshot holds
 * the busiest 500 services per metric, and the least busy, the ones with money to save, are the
 * ones it leaves out.
 *
 * <p>{@value #CLUSTERS_AT_ONCE} clusters are read at once; each reader's own token buckets pace
 * its calls, as everywhere else. Task definitions are the reader's, cached by ARN; prices are
 * asked once per region and a denied policy listing once per target (see
 * {@link SharedRightsizeReads}). A cluster that fails is named in the warnings and the others
 * stand; Left only when not one cluster could be read.
 */
public final class FleetRightsizeFetch {
    private static final Logger LOG = LoggerFactory.getLogger(FleetRightsizeFetch.class);
    static final int CLUSTERS_AT_ONCE = 4;

    private FleetRightsizeFetch() {}

    /** Every cluster of {@code targets}, as their readers list them. */
    public static Either<Failure, ScopeRightsize> fetch(Readers readers, List<Target> targets, Lookback lookback,
                                                        RightsizeRule rule, Instant now, BooleanSupplier wanted) {
        return fetch(readers, targets, lookback, rule, now, wanted, new DoubleAdder());
    }

    /** As above; {@code metricsUsd} is given what the clusters' metrics cost as each comes back, for the budget. */
    public static Either<Failure, ScopeRightsize> fetch(Readers readers, List<Target> targets, Lookback lookback,
                                                        RightsizeRule rule, Instant now, BooleanSupplier wanted,
                                                        DoubleAdder metricsUsd) {
        Map<Target, Either<Failure, List<Cluster>>> clusters = new LinkedHashMap<>();
        targets.forEach(t -> clusters.put(t, readers.reader(t).clusters()));
        return fetch(readers, clusters, lookback, rule, now, wanted, metricsUsd);
    }

    /**
     * These clusters (by target, as listed, or why they could not be); {@code wanted} is asked
     * before each cluster is started, so a read nobody waits for any more stops early.
     */
    public static Either<Failure, ScopeRightsize> fetch(Readers readers, Map<Target, Either<Failure, List<Cluster>>> clusters,
                                                        Lookback lookback, RightsizeRule rule, Instant now,
                                                        BooleanSupplier wanted) {
        return fetch(readers, clusters, lookback, rule, now, wanted, new DoubleAdder());
    }

    private static Either<Failure, ScopeRightsize> fetch(Readers readers, Map<Target, Either<Failure, List<Cluster>>> clusters,
                                                         Lookback lookback, RightsizeRule rule, Instant now,
                                                         BooleanSupplier wanted, DoubleAdder metricsUsd) {
        Map<Target, Failure> failedTargets = new LinkedHashMap<>();
        List<ClusterRef> toRead = new ArrayList<>();
        clusters.forEach((t, listed) -> listed.peekLeft(f -> failedTargets.put(t, f)).peek(list -> list.stream()
                // a cluster known to have no service has nothing to size: not a call spent on it
                .filter(c -> c.activeServices() != 0).map(Cluster::ref).forEach(toRead::add)));
        Map<String, Either<Failure, FargatePrices>> prices = new HashMap<>();
        Map<Target, FleetReader> shared = new HashMap<>();
        for (ClusterRef c : toRead) {
            shared.computeIfAbsent(c.target(), t -> new SharedRightsizeReads(readers.reader(t), prices));
        }
        Map<ClusterRef, Either<Failure, RightsizeFetch.Result>> read = readAll(toRead, shared, lookback, rule, now, wanted,
                metricsUsd);

        List<ScopeRightsize.Part> parts = new ArrayList<>();
        Map<ClusterRef, Failure> failed = new LinkedHashMap<>();
        Map<String, List<ClusterRef>> warned = new LinkedHashMap<>();
        read.forEach((c, r) -> r.peekLeft(f -> failed.put(c, f)).peek(ok -> {
            parts.add(new ScopeRightsize.Part(c, ok.table()));
            ok.warnings().forEach(w -> warned.computeIfAbsent(w, k -> new ArrayList<>()).add(c));
        }));
        boolean nothing = parts.isEmpty() && (!failed.isEmpty() || (toRead.isEmpty() && !failedTargets.isEmpty()));
        if (nothing) {
            return Either.left(failed.isEmpty() ? failedTargets.values().iterator().next() : failed.values().iterator().next());
        }
        List<Target> seen = new ArrayList<>(clusters.keySet());
        toRead.stream().map(ClusterRef::target).filter(t -> !seen.contains(t)).forEach(seen::add);
        TargetLabels labels = TargetLabels.of(seen);
        List<String> warnings = new ArrayList<>();
        failedTargets.forEach((t, f) -> warnings.add(t.label(" · ") + ": no clusters listed: " + f.line()));
        failed.forEach((c, f) -> warnings.add(labels.label(c, " · ") + ": not sized: " + f.line()));
        warned.forEach((w, in) -> warnings.add((in.size() == parts.size() && parts.size() > 1 ? "every cluster"
                : String.join(", ", in.stream().map(c -> labels.label(c, " · ")).toList())) + ": " + w));
        return Either.right(ScopeRightsize.of(rule, lookback.duration(), Periods.window(lookback, now).period(), parts,
                failed, failedTargets, warnings));
    }

    /** Each cluster's snapshot and table, {@value #CLUSTERS_AT_ONCE} at a time, in the order given. */
    private static Map<ClusterRef, Either<Failure, RightsizeFetch.Result>> readAll(
            List<ClusterRef> clusters, Map<Target, FleetReader> readers, Lookback lookback, RightsizeRule rule, Instant now,
            BooleanSupplier wanted, DoubleAdder metricsUsd) {
        Map<ClusterRef, Either<Failure, RightsizeFetch.Result>> out = new LinkedHashMap<>();
        if (clusters.isEmpty()) {
            return out;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(CLUSTERS_AT_ONCE, clusters.size()), r -> {
            Thread t = new Thread(r, "ecs-top-rightsize-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<ClusterRef, Future<Either<Failure, RightsizeFetch.Result>>> running = new LinkedHashMap<>();
            for (ClusterRef c : clusters) {
                running.put(c, pool.submit(() -> wanted.getAsBoolean() ? one(readers.get(c.target()), c, lookback, rule, now, metricsUsd)
                        : Either.left(new Failure(Failure.Kind.UNKNOWN, "right-sizing", "no longer on screen"))));
            }
            for (Map.Entry<ClusterRef, Future<Either<Failure, RightsizeFetch.Result>>> e : running.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clusters.forEach(c -> out.putIfAbsent(c, Either.left(new Failure(Failure.Kind.UNKNOWN, "right-sizing", "interrupted"))));
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("one() does not throw", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** One cluster as its own view reads it: the per-period Maximum with task details, then the table. */
    private static Either<Failure, RightsizeFetch.Result> one(FleetReader reader, ClusterRef cluster, Lookback lookback,
                                                              RightsizeRule rule, Instant now, DoubleAdder metricsUsd) {
        try {
            return reader.snapshot(new SnapshotRequest(cluster, lookback, Stat.MAX, now, Optional.empty(), true))
                    .peek(snapshot -> metricsUsd.add(snapshot.stats().estimatedCostUsd()))
                    .flatMap(snapshot -> RightsizeFetch.fetch(reader, snapshot, rule))
                    .peekLeft(f -> LOG.warn("right-sizing of {} failed: {}", cluster.name(), f.line()));
        } catch (RuntimeException e) {
            LOG.error("right-sizing of {} threw", cluster.name(), e);
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "right-sizing", e.getClass().getSimpleName()));
        }
    }
}
