package ecstop.aws;

import ecstop.config.Settings;
import ecstop.domain.CallStats;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.PerTarget;
import ecstop.domain.Target;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One reader per target (profile × region), and a way to ask them all at once: each target
 * answers on its own thread and for itself, so an expired SSO session for one profile or an
 * access denied in one region is that target's Left while the others answer.
 */
public final class TargetReaders implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TargetReaders.class);

    private final Map<Target, FleetReader> readers;

    public TargetReaders(Map<Target, ? extends FleetReader> readers) {
        this.readers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(readers));
    }

    /**
     * A reader for every target the settings name. A configuration error for any of them (an
     * unknown profile, a profile without a region) is one Left line: it is a typo to fix, not
     * a target to skip.
     */
    public static Either<String, TargetReaders> fromSettings(Settings settings) {
        Map<Target, FleetReader> built = new LinkedHashMap<>();
        for (AwsTarget t : Targets.of(settings)) {
            Either<String, AwsFleetReader> r = AwsFleetReader.create(t);
            if (r.isLeft()) {
                new TargetReaders(built).close();
                return Either.left(r.getLeft());
            }
            if (built.putIfAbsent(r.get().target(), r.get()) != null) {
                r.get().close(); // the same profile and region named twice
            }
        }
        return Either.right(new TargetReaders(built));
    }

    public Map<Target, FleetReader> readers() {
        return readers;
    }

    /** Asks every reader at once and waits for all; an exception in one is that target's failure. */
    public <T> PerTarget<T> each(Function<FleetReader, Either<Failure, T>> ask) {
        if (readers.size() == 1) {
            Map.Entry<Target, FleetReader> only = readers.entrySet().iterator().next();
            return new PerTarget<>(Map.of(only.getKey(), safely(ask, only.getValue())));
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, readers.size()), r -> {
            Thread t = new Thread(r, "ecs-top-target-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Target, CompletableFuture<Either<Failure, T>>> running = new LinkedHashMap<>();
            readers.forEach((t, r) -> running.put(t, CompletableFuture.supplyAsync(() -> safely(ask, r), pool)));
            Map<Target, Either<Failure, T>> out = new LinkedHashMap<>();
            for (Map.Entry<Target, CompletableFuture<Either<Failure, T>>> e : running.entrySet()) {
                out.put(e.getKey(), e.getValue().get());
            }
            return new PerTarget<>(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Map<Target, Either<Failure, T>> out = new LinkedHashMap<>();
            readers.keySet().forEach(t -> out.put(t, Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs-top", "interrupted"))));
            return new PerTarget<>(out);
        } catch (ExecutionException e) {
            throw new IllegalStateException("safely() does not throw", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> Either<Failure, T> safely(Function<FleetReader, Either<Failure, T>> ask, FleetReader reader) {
        try {
            return ask.apply(reader);
        } catch (RuntimeException e) {
            LOG.error("a target's reader failed", e);
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs-top", Failures.oneLine(e.toString())));
        }
    }

    /** Every call of every reader so far. */
    public CallStats totals() {
        CallStats sum = CallStats.NONE;
        for (FleetReader r : readers.values()) {
            sum = sum.plus(r.totals());
        }
        return sum;
    }

    @Override
    public void close() {
        List<FleetReader> all = new ArrayList<>(readers.values());
        for (FleetReader r : all) {
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
