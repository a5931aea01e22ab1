package ecstop.poll;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetLimits;
import ecstop.domain.FleetNotes;
import ecstop.domain.FleetReader;
import ecstop.domain.FleetRequest;
import ecstop.domain.FleetRow;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.Lookback;
import ecstop.domain.PerTarget;
import ecstop.domain.Scope;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.domain.TargetLabels;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reader per target (profile × region), asked as one and at once: each target answers
 * on its own thread and for itself, so two regions take about as long as one, and an expired
 * SSO session for one profile or an access denied in one region is that target's Left while
 * the others answer. The cluster list is every target's, a cluster's snapshot goes to its own
 * target's reader, and the fleet is every target's busiest services in one snapshot. Blocking;
 * called on the poller's workers and by {@code --once}.
 */
public final class Readers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Readers.class);
    /** Targets asked at once; more wait for a free thread. */
    static final int TARGETS_AT_ONCE = 8;
    private final Map<Target, FleetReader> byTarget;
    private final boolean byAccount;

    private Readers(Map<Target, ? extends FleetReader> byTarget, boolean byAccount) {
        if (byTarget.isEmpty()) {
            throw new IllegalArgumentException("no target to read");
        }
        this.byTarget = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byTarget));
        this.byAccount = byAccount;
    }

    public static Readers of(FleetReader one) {
        return new Readers(Map.of(one.target(), one), false);
    }

    /** {@code byAccount}: group the fleet by account too (a CloudWatch cross-account monitoring account). */
    public static Readers of(Map<Target, ? extends FleetReader> byTarget, boolean byAccount) {
        return new Readers(byTarget, byAccount);
    }

    public List<Target> targets() {
        return List.copyOf(byTarget.keySet());
    }

    /** The reader of {@code t}; the first target's for one this set does not know (an account seen in a fleet row). */
    public FleetReader reader(Target t) {
        FleetReader r = byTarget.get(t);
        if (r != null) {
            return r;
        }
        return byTarget.entrySet().stream()
                .filter(e -> e.getKey().profile().equals(t.profile()) && e.getKey().region().equals(t.region()))
                .map(Map.Entry::getValue).findFirst().orElse(byTarget.values().iterator().next());
    }

    /** Asks every target's reader at once and waits for all; an exception in one is that target's failure. */
    public <T> PerTarget<T> each(Function<FleetReader, Either<Failure, T>> ask) {
        return each(targets(), ask);
    }

    /** As {@link #each(Function)}, for these targets. */
    public <T> PerTarget<T> each(Collection<Target> targets, Function<FleetReader, Either<Failure, T>> ask) {
        Map<Target, Supplier<Either<Failure, T>>> calls = new LinkedHashMap<>();
        targets.forEach(t -> calls.put(t, () -> ask.apply(reader(t))));
        return new PerTarget<>(atOnce(calls));
    }

    /** Every target's clusters; Left only when every target failed (the first failure), else the ones that answered. */
    public Either<Failure, List<Cluster>> clusters() {
        PerTarget<List<Cluster>> lists = each(FleetReader::clusters);
        lists.failures().forEach((t, f) -> LOG.warn("cluster list of {} failed: {}", t.label("/"), f.line()));
        List<Cluster> all = lists.successes().stream().flatMap(List::stream).toList();
        return !lists.failures().isEmpty() && all.isEmpty() ? Either.left(lists.failures().values().iterator().next())
                : Either.right(all);
    }

    /** The fleet as one snapshot (scope {@code scope}), with what it could not show; Left when no target answered. */
    public Either<Failure, FleetAnswer> fleet(Scope.Fleet scope, Lookback lookback, Stat stat, Instant now) {
        FleetRequest request = new FleetRequest(lookback, stat, now, byAccount);
        PerTarget<FleetSnapshot> fleets = each(scope.targets(), r -> r.fleet(request));
        Map<Target, Failure> failed = fleets.failures();
        List<FleetSnapshot> answered = fleets.successes();
        if (answered.isEmpty()) {
            return Either.left(failed.values().iterator().next());
        }
        List<ServiceUsage> services = new ArrayList<>();
        CallStats stats = CallStats.NONE;
        FleetLimits limits = FleetLimits.NONE;
        List<Target> seen = new ArrayList<>(scope.targets());
        for (FleetSnapshot f : answered) {
            f.rows().stream().map(FleetRow::usage).forEach(services::add);
            f.rows().stream().map(r -> r.cluster().target()).distinct().filter(t -> !seen.contains(t)).forEach(seen::add);
            stats = stats.plus(f.stats());
            limits = limits.plus(f.limits());
        }
        FleetSnapshot first = answered.get(0);
        Snapshot snapshot = new Snapshot(scope, first.lookback(), first.stat(), first.window(), now, services,
                Optional.empty(), Optional.empty(), stats);
        return Either.right(new FleetAnswer(snapshot, new FleetNotes(limits, failed, TargetLabels.of(seen))));
    }

    /** The fleet's bars as one snapshot, and what they could not show. */
    public record FleetAnswer(Snapshot snapshot, FleetNotes notes) {}

    /** Task details of these services, each from its own target's reader, the readers at once; a target that fails is left out. */
    public Map<ServiceRef, ServiceInfo> serviceInfo(Collection<ServiceRef> services) {
        Map<FleetReader, List<ServiceRef>> byReader = services.stream()
                .collect(Collectors.groupingBy(s -> reader(s.cluster().target()), LinkedHashMap::new, Collectors.toList()));
        Map<FleetReader, Supplier<Either<Failure, Map<ServiceRef, ServiceInfo>>>> calls = new LinkedHashMap<>();
        byReader.forEach((r, list) -> calls.put(r, () -> r.serviceInfo(list)));
        Map<ServiceRef, ServiceInfo> out = new LinkedHashMap<>();
        atOnce(calls).forEach((r, answer) -> answer.peek(out::putAll).peekLeft(f -> LOG.warn(
                "task details of {} services failed: {}", byReader.get(r).size(), f.line())));
        return out;
    }

    /** Every call of every reader so far. */
    public CallStats totals() {
        return byTarget.values().stream().map(FleetReader::totals).reduce(CallStats.NONE, CallStats::plus);
    }

    /**
     * Each call on its own thread (one alone on the caller's), every answer in the order asked;
     * a call that throws is its own Left. Threads live for the call: a refresh a minute does
     * not need a pool kept alive between them.
     */
    private static <K, T> Map<K, Either<Failure, T>> atOnce(Map<K, Supplier<Either<Failure, T>>> calls) {
        Map<K, Either<Failure, T>> out = new LinkedHashMap<>();
        if (calls.size() <= 1) {
            calls.forEach((k, call) -> out.put(k, safely(call)));
            return out;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(TARGETS_AT_ONCE, calls.size()), r -> {
            Thread t = new Thread(r, "ecs-top-target-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<K, CompletableFuture<Either<Failure, T>>> running = new LinkedHashMap<>();
            calls.forEach((k, call) -> running.put(k, CompletableFuture.supplyAsync(() -> safely(call), pool)));
            for (Map.Entry<K, CompletableFuture<Either<Failure, T>>> e : running.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            calls.keySet().forEach(k -> out.putIfAbsent(k, Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs-top", "interrupted"))));
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("safely() does not throw", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Either<Failure, T> safely(Supplier<Either<Failure, T>> call) {
        try {
            Either<Failure, T> r = call.get();
            return r != null ? r : Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs-top", "no answer"));
        } catch (RuntimeException e) {
            LOG.error("a target's reader failed", e);
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs-top", oneLine(e.toString())));
        }
    }

    /** A failure line from an exception's text: no control characters, at most 200 characters. */
    private static String oneLine(String s) {
        String out = s.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .replaceAll(" +", " ").trim();
        return out.length() > 200 ? out.substring(0, 199) + "…" : out;
    }

    /** Closes every reader that holds something (SDK clients, threads). */
    @Override
    public void close() {
        for (FleetReader r : byTarget.values()) {
            if (r instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing a reader", e);
                }
            }
        }
    }
}
