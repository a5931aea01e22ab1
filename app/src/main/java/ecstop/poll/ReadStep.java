package ecstop.poll;

import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetNotes;
import ecstop.domain.FleetReader;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.ReadKey;
import ecstop.domain.Scope;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.StoppedTasks;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.domain.rightsize.ScopeRightsize;
import ecstop.domain.signal.ClusterSignals;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.signal.SignalRules;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read of a refresh, as {@link FetchPlan} lists them: first the bars ({@link Bars}: one
 * cluster's snapshot, or the fleet's), then the reads that go with them ({@link After}), each
 * given the bars and answering with the one {@link PollEvent} it delivers. Blocking; run on
 * the poller's workers, which drop an answer the screen no longer wants.
 */
public sealed interface ReadStep {
    Logger LOG = LoggerFactory.getLogger(ReadStep.class);

    /** The refresh's first read: the bars of the question. */
    sealed interface Bars extends ReadStep {
        /** {@code early}: the bars ahead of the task details still being read, when the reader can tell. */
        Either<Failure, BarsRead> read(Readers readers, Consumer<Snapshot> early);
    }

    /** The bars, and for the fleet what they could not show. */
    record BarsRead(Snapshot snapshot, Optional<FleetNotes> notes) {}

    /** A read after the bars, given them and the question's generation. */
    sealed interface After extends ReadStep {
        Answer read(Readers readers, Snapshot bars, Asked asked);

        /** Its answer holds for the scope whatever the lookback or statistic (signals); else for the question only. */
        default boolean keyedByScope() { return false; }
    }

    /**
     * What a read after the bars is asked with: the generation its event names; whether the
     * screen still wants it (a long read stops early when not); the time it starts.
     */
    record Asked(long generation, BooleanSupplier wanted, Instant now) {}

    /**
     * The one event a read delivers; {@code failed}: it came to nothing as a whole (then it is due
     * again at the next refresh); {@code metricsUsd}: what its metrics cost beyond the bars, which
     * the budget counts.
     */
    record Answer(PollEvent event, boolean failed, double metricsUsd) {
        static Answer of(PollEvent event) { return new Answer(event, false, 0); }
    }

    /** One cluster's bars, with its task details when the request asks for them. */
    record ClusterBars(SnapshotRequest request) implements Bars {
        @Override
        public Either<Failure, BarsRead> read(Readers readers, Consumer<Snapshot> early) {
            FleetReader reader = readers.reader(request.cluster().target());
            return safely(() -> reader.snapshot(request, early), "snapshot").map(s -> new BarsRead(s, Optional.empty()));
        }
    }

    /** Every target's busiest services, each target asked at once. */
    record FleetBars(Scope.Fleet scope, Lookback lookback, Stat stat, Instant now) implements Bars {
        @Override
        public Either<Failure, BarsRead> read(Readers readers, Consumer<Snapshot> early) {
            return safely(() -> readers.fleet(scope, lookback, stat, now), "fleet")
                    .map(f -> new BarsRead(f.snapshot(), Optional.of(f.notes())));
        }
    }

    /**
     * Task details of the fleet's rows most likely on screen ({@value #ROWS} busiest of each
     * metric) and of the open detail's service, and the signals they give: DescribeServices per
     * cluster, within ECS's token bucket, not for the whole fleet.
     */
    record FleetDetails(Optional<ServiceRef> detail) implements After {
        /** About a tall screen's worth of rows per metric. */
        static final int ROWS = 60;

        @Override
        public Answer read(Readers readers, Snapshot bars, Asked asked) {
            Set<ServiceRef> wanted = new LinkedHashSet<>();
            detail.ifPresent(wanted::add);
            for (Metric m : Metric.values()) {
                bars.services().stream().sorted(Comparator.comparingDouble((ServiceUsage u) -> -u.value(m, bars.stat()).orElse(-1)))
                        .limit(ROWS).map(ServiceUsage::ref).forEach(wanted::add);
            }
            Map<ServiceRef, ServiceInfo> info = safely(() -> Either.right(readers.serviceInfo(wanted)), "task details")
                    .getOrElse(Map.of());
            return Answer.of(new PollEvent.InfoLoaded(asked.generation(), info, bars.scope(),
                    ScopeSignals.fromInfo(info, bars.fetchedAt(), SignalRules.DEFAULT), readers.totals()));
        }
    }

    /**
     * The cluster's stopped tasks (every page, for the whole cluster), read with the task
     * details they go with, and the signals of both. Kept across a new lookback or statistic.
     */
    record StoppedTaskSignals(ClusterRef cluster) implements After {
        @Override
        public Answer read(Readers readers, Snapshot bars, Asked asked) {
            Either<Failure, StoppedTasks> stopped = safely(() -> readers.reader(cluster.target()).stoppedTasks(cluster),
                    "stopped tasks");
            stopped.peekLeft(f -> LOG.warn("stopped tasks of {} not read: {}", cluster.name(), f.line()));
            Map<String, ServiceInfo> info = new HashMap<>();
            bars.info().ifPresent(byRef -> byRef.forEach((ref, i) -> info.put(ref.name(), i)));
            ClusterSignals found = ClusterSignals.detect(bars.services().stream().map(ServiceUsage::name).toList(),
                    info, stopped, bars.fetchedAt(), SignalRules.DEFAULT);
            return Answer.of(new PollEvent.SignalsLoaded(bars.scope(), ScopeSignals.of(cluster, found), readers.totals()));
        }

        @Override
        public boolean keyedByScope() { return true; }
    }

    /** The right-sizing view's reads for one cluster, after the snapshot they size (see {@link RightsizeFetch}). */
    record ClusterRightsize(RightsizeRule rule) implements After {
        @Override
        public Answer read(Readers readers, Snapshot bars, Asked asked) {
            FleetReader reader = readers.reader(((Scope.One) bars.scope()).cluster().target());
            Either<Failure, ScopeRightsize> table = safely(() -> RightsizeFetch.scoped(reader, bars, rule), "right-sizing");
            return Answer.of(new PollEvent.RightsizeLoaded(asked.generation(), table, readers.totals()));
        }
    }

    /** The fleet's right-sizing table, every cluster read as its own view reads it (see {@link FleetRightsizeFetch}). */
    record FleetRightsize(Scope.Fleet scope, Lookback lookback, RightsizeRule rule) implements After {
        @Override
        public Answer read(Readers readers, Snapshot bars, Asked asked) {
            DoubleAdder metricsUsd = new DoubleAdder();
            Either<Failure, ScopeRightsize> table = safely(() -> FleetRightsizeFetch.fetch(readers, scope.targets(), lookback,
                    rule, asked.now(), asked.wanted(), metricsUsd), "right-sizing");
            return new Answer(new PollEvent.RightsizeLoaded(asked.generation(), table, readers.totals()), table.isLeft(),
                    metricsUsd.sum());
        }
    }

    /** A read for the open service alone, over the question's lookback, as {@link ServiceReads} says how. */
    record ForService<T>(ReadKey<T> key, ServiceRef service, Lookback lookback) implements After {
        @Override
        public Answer read(Readers readers, Snapshot bars, Asked asked) {
            ScopeReads.Answered<T> a = ServiceReads.of(key).ask().read(readers, service, lookback, asked.now());
            return new Answer(new PollEvent.ServiceRead(asked.generation(), service, key, a.result(), readers.totals()),
                    a.result().isLeft(), a.metricsUsd());
        }
    }

    /** A read of the scope beyond the bars, as {@link ScopeReads} says how; every refresh while a shown pane asks for it. */
    record Scoped<T>(ReadKey<T> key, Scope scope, Lookback lookback) implements After {
        @Override
        public Answer read(Readers readers, Snapshot bars, Asked asked) {
            ScopeReads.Answered<T> a = ScopeReads.of(key).read(readers, scope, lookback, asked.now());
            return new Answer(new PollEvent.ScopeRead(asked.generation(), scope, key, a.result(), readers.totals()),
                    a.result().isLeft(), a.metricsUsd());
        }
    }

    /** A reader that throws instead of answering Left must not kill polling. */
    static <T> Either<Failure, T> safely(Supplier<Either<Failure, T>> call, String what) {
        try {
            Either<Failure, T> r = call.get();
            return r != null ? r : Either.left(new Failure(Failure.Kind.UNKNOWN, what, "no answer"));
        } catch (RuntimeException e) {
            LOG.error("{} threw", what, e);
            return Either.left(new Failure(Failure.Kind.UNKNOWN, what, e.getClass().getSimpleName()));
        }
    }
}
