package ecstop.poll;

import ecstop.domain.Pace;
import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.StoppedTasks;
import ecstop.domain.signal.ClusterSignals;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.signal.SignalRules;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Scope;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import java.util.Map;
import java.util.Optional;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the screen's question answered. The scheduler decides when; the worker pool makes
 * the blocking {@link FleetReader} calls; results go to the sink (the UI posts them to its
 * own thread).
 *
 * <p>Each question (cluster, lookback, stat) has a generation. A new question starts a new
 * generation and an immediate fetch; answers to an older one are dropped on arrival. A
 * refresh that comes due while the current generation's fetch is still running is skipped,
 * not queued. After a transient failure the next attempt comes sooner than the interval and
 * then further apart, never later than the interval: back to normal within one refresh
 * after the fault clears.
 *
 * <p>While nobody looks (the terminal reports the focus elsewhere, or no key for a while) it
 * refreshes at the governor's slow cadence, and when someone comes back it refreshes at once,
 * so what they see is seconds old. A daily budget stretches the interval so that a day at
 * it costs no more than the budget, at what the last refresh cost; r always refreshes.
 * Each change of pace is published, for the status bar.
 */
public final class Poller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    static final Duration STUCK_FLOOR = Cadence.STUCK_FLOOR;
    /** Fleet rows per metric whose task details are read after each fleet refresh: about a tall screen's worth. */
    static final int FLEET_INFO_ROWS = 60;
    /** On coming back, data fetched more recently than this is fresh enough not to fetch again. */
    static final Duration FRESH_ENOUGH = Duration.ofSeconds(5);
    /** A tick this close to its due time acts: a timer may fire a little early by the wall clock. */
    private static final Duration EARLY_TOLERANCE = Duration.ofMillis(250);

    private final Readers readers;
    private final Scheduler scheduler;
    private final Executor workers;
    private final Clock clock;
    private final PollSettings settings;
    private final Consumer<PollEvent> sink;
    private final Runnable onClose;

    /** A fetch on its way: which one, since when. */
    private record Running(FutureTask<Void> task, long id, Instant since) {}

    private PollView view;
    private long generation;
    private Running inFlight;
    private long fetches;
    private boolean followUp;
    private FutureTask<Void> clustersInFlight;
    private Scheduler.Cancellable nextTick;
    private Instant nextAt;
    /** What the next refresh is counted from: the last answer, or the start of the fetch still running. */
    private Instant anchor;
    private Instant lastStart;
    private Pace pace;
    private long ticks;
    private FetchPlan plan;
    private Cadence cadence;
    private Cadence clusterCadence;
    private final FleetRightsizeCadence fleetRightsizeDue;
    private boolean clustersFailed;
    private boolean closed;
    private int skipped;
    private int dropped;

    public Poller(FleetReader reader, Scheduler scheduler, Executor workers, Clock clock,
                  PollSettings settings, Consumer<PollEvent> sink) {
        this(Readers.of(reader), scheduler, workers, clock, settings, sink, () -> {});
    }

    public Poller(Readers readers, Scheduler scheduler, Executor workers, Clock clock,
                  PollSettings settings, Consumer<PollEvent> sink) {
        this(readers, scheduler, workers, clock, settings, sink, () -> {});
    }

    private Poller(Readers readers, Scheduler scheduler, Executor workers, Clock clock,
                   PollSettings settings, Consumer<PollEvent> sink, Runnable onClose) {
        this.readers = readers;
        this.scheduler = scheduler;
        this.workers = workers;
        this.clock = clock;
        this.settings = settings;
        this.sink = sink;
        this.onClose = onClose;
        this.plan = FetchPlan.every(settings.infoEvery());
        this.cadence = Cadence.of(settings, clock.instant());
        this.clusterCadence = Cadence.of(settings);
        this.fleetRightsizeDue = new FleetRightsizeCadence(settings.interval().multipliedBy(settings.infoEvery()));
    }

    /** A poller on its own scheduler thread and a pool of two daemon workers, shut down by {@link #close()}. */
    public static Poller threaded(Readers readers, Clock clock, PollSettings settings, Consumer<PollEvent> sink) {
        ThreadScheduler scheduler = new ThreadScheduler();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ecs-top-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new Poller(readers, scheduler, pool, clock, settings, sink, () -> {
            scheduler.close();
            pool.shutdownNow();
        });
    }

    /** Fetches the cluster list, and the snapshot if a view is set. */
    public synchronized void start() {
        fetchClusters();
        // not "none in flight": a first fetch that view() started may already have come back
        if (view != null && fetches == 0) {
            startFetch();
        }
    }

    /** The screen's question changed (or only the service whose detail is open). */
    public synchronized void view(PollView next) {
        if (closed || next.equals(view)) {
            return;
        }
        PollView before = view;
        view = next;
        if (before == null || !next.question().asksSame(before.question())) {
            generation++;
            if (before == null || !before.scope().equals(next.scope())) {
                plan = plan.newScope();
            }
            cadence = cadence.reset();
            followUp = false;
            if (inFlight != null) {
                // not yet started: it never will; running: its answer is dropped on arrival
                inFlight.task().cancel(false);
                inFlight = null;
            }
            startFetch();
        } else if (next.detailService().isPresent() || (next.rightsize().isPresent() && before.rightsize().isEmpty())) {
            // the detail pane wants the other statistic of one more service, or the right-sizing
            // view opened on the same question and wants its reads now: same generation
            if (inFlight == null) {
                startFetch();
            } else {
                followUp = true;
            }
        }
    }

    /** r / Ctrl-R: fetch now, unless a fetch for this question is already running. */
    public synchronized void refreshNow() {
        if (closed) {
            return;
        }
        if (view == null || clustersFailed) {
            fetchClusters();
        }
        if (view == null) {
            return;
        }
        if (inFlight != null) {
            skipped++;
            return;
        }
        startFetch();
    }

    /** The terminal reported the focus coming in or going out. */
    public void focus(boolean in) {
        attend(a -> a.focus(in, clock.instant()));
    }

    /** A key was pressed: someone is here. */
    public void key() {
        attend(a -> a.key(clock.instant()));
    }

    private void attend(java.util.function.UnaryOperator<Attention> change) {
        PollEvent event;
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            boolean wasAway = cadence.away(now);
            cadence = cadence.with(change.apply(cadence.attention()));
            boolean away = cadence.away(now);
            boolean cameBack = wasAway && !away;
            if (view != null && cameBack && inFlight == null
                    && (lastStart == null || Duration.between(lastStart, now).compareTo(FRESH_ENOUGH) >= 0)) {
                // someone came back: what they see must be seconds old, not minutes
                startFetch();
            } else if (view != null && wasAway != away && inFlight == null && anchor != null) {
                scheduleTick(untilDue(now));
            }
            event = paceChanged(now);
        }
        publish(event);
    }

    /** Time left until the next refresh is due at the cadence in force now. */
    private Duration untilDue(Instant now) {
        Duration left = Duration.between(now, anchor.plus(cadence.next(now)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A pace event when the pace changed since the last one told (by this or with an answer); else null. */
    private PollEvent paceChanged(Instant now) {
        Pace p = cadence.pace(now);
        if (p.equals(pace)) {
            return null;
        }
        told(p);
        return new PollEvent.Paced(p, nextAt, readers.totals());
    }

    /**
     * {@code p} is the pace the screen now shows: kept, and one log line when the budget
     * starts setting the interval, and one when it stops.
     */
    private void told(Pace p) {
        boolean was = pace != null && pace.budgetStretched();
        if (p.budgetStretched() && !was) {
            LOG.info("the budget of ${} a day stretches the refresh to every {} s", String.format(java.util.Locale.ROOT,
                    "%.2f", settings.governor().budgetUsdPerDay()), p.every().toSeconds());
        } else if (!p.budgetStretched() && was) {
            LOG.info("the budget no longer stretches the refresh: every {} s", p.every().toSeconds());
        }
        pace = p;
    }

    private void publish(PollEvent event) {
        if (event != null) {
            sink.accept(event);
        }
    }

    /** The pace now: how often, why, at what cost a day. */
    public synchronized Pace pace() { return cadence.pace(clock.instant()); }

    private void tick() {
        PollEvent event;
        synchronized (this) {
            event = tickLocked();
        }
        publish(event);
    }

    private PollEvent tickLocked() {
        nextTick = null;
        if (closed) {
            return null;
        }
        Instant now = clock.instant();
        if (view != null && inFlight == null && anchor != null) {
            // armed at a faster pace than now holds (nobody looks any more): wait the rest
            Duration left = untilDue(now);
            if (left.compareTo(EARLY_TOLERANCE) > 0) {
                scheduleTick(left);
                return paceChanged(now);
            }
        }
        ticks++;
        if (view == null || clustersFailed || ticks % settings.clustersEvery() == 0) {
            fetchClusters();
        }
        if (view == null) {
            return null;
        }
        if (inFlight != null && Duration.between(inFlight.since(), now).compareTo(cadence.stuckAfter()) < 0) {
            skipped++;
            scheduleTick(cadence.interval(now));
            return null;
        }
        if (inFlight != null) {
            // a call that never returns must not stop polling for good; its answer, if it
            // ever comes, is counted but not shown twice
            LOG.warn("a fetch of {} has run for over {}; starting another", view.scope(), cadence.stuckAfter());
            inFlight.task().cancel(true);
            inFlight = null;
            generation++;
        }
        startFetch();
        return paceChanged(now);
    }

    private void startFetch() {
        // the next tick is armed now, not when the answer comes: a call that hangs must not
        // stop the clock; a tick that finds this call still running skips
        Instant started = clock.instant();
        anchor = started;
        lastStart = started;
        scheduleTick(cadence.interval(started));
        PollView asked = view;
        long gen = generation;
        long fetch = ++fetches;
        FutureTask<Void> task;
        if (asked.scope() instanceof Scope.Fleet fleet) {
            task = new FutureTask<>(() -> {
                Instant now = clock.instant();
                Either<Failure, Readers.FleetAnswer> result = callSafely(
                        () -> readers.fleet(fleet, asked.lookback(), asked.stat(), now), "fleet");
                result.forEach(f -> publish(gen, new PollEvent.FleetNotesLoaded(gen, f.notes())));
                arrived(fetch, gen, Optional.empty(), result.map(Readers.FleetAnswer::snapshot));
                asked.rightsize().ifPresent(rule -> result.forEach(f -> fleetRightsize(gen, fleet, asked.lookback(), rule)));
                result.forEach(f -> fleetInfo(gen, f.snapshot(), asked.detailService()));
                return null;
            });
        } else {
            SnapshotRequest request = plan.request(asked, started);
            // stopped tasks change slowly too: read with the plan's task details (not with the
            // ones the right-sizing view asks for on every refresh), whose events they go with
            boolean signalsDue = plan.withInfo();
            FleetReader reader = readers.reader(request.cluster().target());
            task = new FutureTask<>(() -> {
                Either<Failure, Snapshot> result = callSafely(
                        () -> reader.snapshot(request, metrics -> metricsArrived(gen, metrics)), "snapshot");
                arrived(fetch, gen, Optional.of(request), result);
                if (signalsDue) {
                    result.forEach(snapshot -> signals(reader, asked.scope(), request.cluster(), snapshot));
                }
                asked.rightsize().ifPresent(rule -> result.forEach(snapshot -> rightsize(reader, gen, snapshot, rule)));
                return null;
            });
        }
        inFlight = new Running(task, fetch, clock.instant());
        workers.execute(task);
    }

    /**
     * Task details for the fleet's rows most likely on screen (the busiest of each metric)
     * and the open detail's service, after the bars: DescribeServices per cluster, within
     * ECS's token bucket, not for the whole fleet.
     */
    private void fleetInfo(long gen, Snapshot snapshot, Optional<ServiceRef> detail) {
        java.util.Set<ServiceRef> wanted = new java.util.LinkedHashSet<>();
        detail.ifPresent(wanted::add);
        for (ecstop.domain.Metric m : ecstop.domain.Metric.values()) {
            snapshot.services().stream()
                    .sorted(java.util.Comparator.comparingDouble(
                            (ecstop.domain.ServiceUsage u) -> -u.value(m, snapshot.stat()).orElse(-1)))
                    .limit(FLEET_INFO_ROWS).map(ecstop.domain.ServiceUsage::ref).forEach(wanted::add);
        }
        Map<ServiceRef, ServiceInfo> info = callSafely(() -> Either.right(readers.serviceInfo(wanted)), "task details")
                .getOrElse(Map.of());
        publish(gen, new PollEvent.InfoLoaded(gen, info, readers.totals()));
        if (!info.isEmpty()) {
            publishFor(snapshot.scope(), new PollEvent.SignalsLoaded(snapshot.scope(),
                    ScopeSignals.fromInfo(info, snapshot.fetchedAt(), SignalRules.DEFAULT), readers.totals()));
        }
    }

    /**
     * The cluster's stopped tasks (every page, for the whole cluster), read after the
     * snapshot whose task details they go with, and the signals of both. Skipped, or dropped
     * on arrival, once the screen shows another scope; a new lookback or statistic keeps them.
     */
    private void signals(FleetReader reader, Scope scope, ClusterRef cluster, Snapshot snapshot) {
        if (!showing(scope)) {
            return;
        }
        Either<Failure, StoppedTasks> stopped = callSafely(() -> reader.stoppedTasks(cluster), "stopped tasks");
        stopped.peekLeft(f -> LOG.warn("stopped tasks of {} not read: {}", cluster.name(), f.line()));
        Map<String, ServiceInfo> info = new java.util.HashMap<>();
        snapshot.info().ifPresent(byRef -> byRef.forEach((ref, i) -> info.put(ref.name(), i)));
        ClusterSignals found = ClusterSignals.detect(snapshot.services().stream().map(ecstop.domain.ServiceUsage::name).toList(),
                info, stopped, snapshot.fetchedAt(), SignalRules.DEFAULT);
        publishFor(scope, new PollEvent.SignalsLoaded(scope, ScopeSignals.of(cluster, found), readers.totals()));
    }

    private synchronized boolean showing(Scope scope) {
        return !closed && view != null && view.scope().equals(scope);
    }

    /** Sends {@code event} unless the screen moved to another scope or the poller closed. */
    private void publishFor(Scope scope, PollEvent event) {
        if (showing(scope)) {
            sink.accept(event);
        }
    }

    /** Sends {@code event} unless the question moved on or the poller closed. */
    private void publish(long gen, PollEvent event) {
        synchronized (this) {
            if (closed || gen != generation) {
                return;
            }
        }
        sink.accept(event);
    }

    private void arrived(long fetch, long gen, Optional<SnapshotRequest> request, Either<Failure, Snapshot> result) {
        PollEvent event;
        synchronized (this) {
            if (inFlight != null && inFlight.id() == fetch) {
                inFlight = null;
            }
            if (closed) {
                return;
            }
            if (gen != generation) {
                dropped++;
                return;
            }
            Instant now = clock.instant();
            result.peek(ok -> {
                request.ifPresent(r -> plan = plan.succeeded(r));
                cadence = cadence.succeeded(ok.stats(), now);
            }).peekLeft(f -> {
                LOG.warn("snapshot of {} failed: {}", view.scope().name(), f.line());
                request.ifPresent(r -> plan = plan.failed(r));
                cadence = cadence.failed(f);
            });
            anchor = now;
            if (followUp) {
                followUp = false;
                startFetch();
            } else {
                scheduleTick(cadence.next(now));
            }
            Pace p = cadence.pace(now);
            told(p);
            event = result.fold(
                    f -> new PollEvent.SnapshotFailed(gen, f, now, readers.totals(), nextAt, p),
                    snap -> new PollEvent.SnapshotLoaded(gen, snap, readers.totals(), nextAt, p));
        }
        sink.accept(event);
    }

    /** The right-sizing view's extra reads, after the snapshot they size; dropped if the question moved on meanwhile. */
    private void rightsize(FleetReader reader, long gen, Snapshot snapshot, ecstop.domain.rightsize.RightsizeRule rule) {
        synchronized (this) {
            if (closed || gen != generation) {
                return;
            }
        }
        Either<Failure, ecstop.domain.rightsize.ScopeRightsize> table = callSafely(
                () -> RightsizeFetch.scoped(reader, snapshot, rule), "right-sizing");
        PollEvent event;
        synchronized (this) {
            if (closed || gen != generation) {
                return;
            }
            event = new PollEvent.RightsizeLoaded(gen, table, readers.totals());
        }
        sink.accept(event);
    }

    /**
     * The fleet's right-sizing table, every cluster read as its own view reads it: when the
     * view opens or its question changes, then only every few refreshes (see
     * {@link FleetRightsizeCadence}), not with every refresh of the fleet's bars.
     */
    private void fleetRightsize(long gen, Scope.Fleet fleet, ecstop.domain.Lookback lookback,
                                ecstop.domain.rightsize.RightsizeRule rule) {
        Instant now = clock.instant();
        if (!current(gen) || !fleetRightsizeDue.start(gen, now)) {
            return;
        }
        java.util.concurrent.atomic.DoubleAdder metricsUsd = new java.util.concurrent.atomic.DoubleAdder();
        Either<Failure, ecstop.domain.rightsize.ScopeRightsize> table = callSafely(() -> FleetRightsizeFetch.fetch(
                readers, fleet.targets(), lookback, rule, now, () -> current(gen), metricsUsd), "right-sizing");
        table.peekLeft(f -> fleetRightsizeDue.failed(gen));
        synchronized (this) {
            // its metrics are billed like the bars': the budget counts them
            cadence = cadence.spent(metricsUsd.sum(), clock.instant());
        }
        publish(gen, new PollEvent.RightsizeLoaded(gen, table, readers.totals()));
    }

    private synchronized boolean current(long gen) {
        return !closed && gen == generation;
    }

    /**
     * The bars' data, ahead of the task details that DescribeServices is still fetching at
     * ECS's pace (about 23 s for 5,000 services): shown at once, not held back with them.
     */
    private void metricsArrived(long gen, Snapshot metrics) {
        PollEvent event;
        synchronized (this) {
            if (closed || gen != generation) {
                return;
            }
            event = new PollEvent.SnapshotLoaded(gen, metrics, readers.totals(), nextAt, cadence.pace(clock.instant()));
        }
        sink.accept(event);
    }

    private void fetchClusters() {
        if (clustersInFlight != null) {
            return;
        }
        clustersInFlight = new FutureTask<>(() -> {
            clustersArrived(callSafely(readers::clusters, "clusters"));
            return null;
        });
        workers.execute(clustersInFlight);
    }

    private void clustersArrived(Either<Failure, List<Cluster>> result) {
        PollEvent event;
        synchronized (this) {
            clustersInFlight = null;
            if (closed) {
                return;
            }
            clustersFailed = result.isLeft();
            clusterCadence = result.fold(clusterCadence::failed, ok -> clusterCadence.succeeded());
            result.peekLeft(f -> LOG.warn("cluster list failed: {}", f.line()));
            if (view == null) {
                // nothing else keeps the clock going until a cluster is chosen; after any
                // failure, denied ones too, try again sooner than the interval
                scheduleTick(clustersFailed ? settings.retryAfter(Math.max(1, clusterCadence.failuresInARow()))
                        : clusterCadence.interval());
            }
            event = result.fold(
                    f -> new PollEvent.ClustersFailed(f, clock.instant(), readers.totals()),
                    list -> new PollEvent.ClustersLoaded(list, readers.totals()));
        }
        sink.accept(event);
    }

    /** A reader that throws instead of answering Left must not kill polling. */
    private static <T> Either<Failure, T> callSafely(java.util.function.Supplier<Either<Failure, T>> call, String what) {
        try {
            Either<Failure, T> r = call.get();
            return r != null ? r : Either.left(new Failure(Failure.Kind.UNKNOWN, what, "no answer"));
        } catch (RuntimeException e) {
            LOG.error("{} threw", what, e);
            return Either.left(new Failure(Failure.Kind.UNKNOWN, what, e.getClass().getSimpleName()));
        }
    }

    private void scheduleTick(Duration delay) {
        cancelTick();
        nextAt = clock.instant().plus(delay);
        nextTick = scheduler.schedule(delay, this::tick);
    }

    private void cancelTick() {
        if (nextTick != null) {
            nextTick.cancel();
            nextTick = null;
        }
    }

    /**
     * Cumulative cost of every call this session, as the reader counts it: dropped answers,
     * failed fetches and the cluster list included, since they were all paid for.
     */
    public CallStats session() { return readers.totals(); }

    public synchronized long generation() { return generation; }

    /** Refreshes that came due while one was running and were skipped. */
    public synchronized int skipped() { return skipped; }

    /** Answers that arrived for an older question and were dropped. */
    public synchronized int dropped() { return dropped; }

    public synchronized java.util.Optional<Instant> nextRefresh() { return java.util.Optional.ofNullable(nextAt); }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            cancelTick();
            if (inFlight != null) {
                inFlight.task().cancel(false);
            }
        }
        onClose.run();
    }
}
