package ecstop.poll;

import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Lookback;
import ecstop.domain.PerTarget;
import ecstop.domain.Periods;
import ecstop.domain.ReadKey;
import ecstop.domain.Scope;
import ecstop.domain.Target;
import ecstop.domain.TimeWindow;
import ecstop.domain.task.ContainerLimits;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each {@link ReadKey} is read for a scope: which targets are asked (at once), how their
 * answers join, and what the answer cost beyond the bars (for the budget). A new read of the
 * scope is one entry here, its key and call beside {@link FleetReader}'s, and the pane that
 * shows it names the key; the step that runs it ({@link ReadStep.Scoped}), its event, when it
 * is read (every refresh while a shown pane asks) and where its answer is kept are the same
 * for every read.
 */
public final class ScopeReads {
    /** One read's answer and the metrics it cost in dollars. */
    public record Answered<T>(Either<Failure, T> result, double metricsUsd) {}

    /** How a read is asked for a scope over the lookback. */
    interface Ask<T> {
        Answered<T> read(Readers readers, Scope scope, Lookback lookback, Instant now);
    }

    private static final Map<ReadKey<?>, Ask<?>> ASKS = Map.of(
            // one Metrics Insights query per target; Left only when no target answered
            FleetReader.CONTAINER_LIMITS, (Ask<ContainerLimits>) (readers, scope, lookback, now) -> {
                TimeWindow window = Periods.window(lookback, now);
                Optional<ClusterRef> only = scope instanceof Scope.One one ? Optional.of(one.cluster()) : Optional.empty();
                PerTarget<ContainerLimits> each = readers.each(targets(scope), r -> ReadStep.safely(
                        () -> r.containerLimits(only, window), "containers"));
                Either<Failure, ContainerLimits> all = each.successes().isEmpty()
                        ? Either.left(each.failures().values().iterator().next())
                        : Either.right(ContainerLimits.merge(each.successes(), each.failures(), window));
                return new Answered<>(all, all.map(x -> x.calls().estimatedCostUsd()).getOrElse(0.0));
            });

    private ScopeReads() {}

    @SuppressWarnings("unchecked")
    static <T> Ask<T> of(ReadKey<T> key) {
        Ask<?> ask = ASKS.get(key);
        if (ask == null) {
            throw new IllegalArgumentException("no read for " + key);
        }
        return (Ask<T>) ask;
    }

    /** The targets a scope spans: the fleet's, or the one cluster's. */
    static List<Target> targets(Scope scope) {
        return scope instanceof Scope.Fleet fleet ? fleet.targets() : List.of(((Scope.One) scope).cluster().target());
    }
}
