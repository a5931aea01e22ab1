package ecstop.poll;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
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
 */
public final class Poller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    /** The least time a fetch runs before it counts as hung; see {@link #stuckAfter()}. */
    static final Duration STUCK_FLOOR = Duration.ofMinutes(2);

    private final FleetReader reader;
    private final Scheduler scheduler;
    private final Executor workers;
    private final Clock clock;
    private final PollSettings settings;
    private final Consumer<PollEvent> sink;
    private final Runnable onClose;

    private PollView view;
    private long generation;
    private FutureTask<Void> inFlight;
    private long fetches;
    private long inFlightFetch;
    private Instant inFlightSince;
    private boolean followUp;
    private FutureTask<Void> clustersInFlight;
    private Scheduler.Cancellable nextTick;
    private Instant nextAt;
    private long ticks;
    private boolean infoDue = true;
    private int sinceInfo;
    private int failuresInARow;
    private int clusterFailuresInARow;
    private boolean clustersFailed;
    private boolean closed;
    private int skipped;
    private int dropped;

    public Poller(FleetReader reader, Scheduler scheduler, Executor workers, Clock clock,
                  PollSettings settings, Consumer<PollEvent> sink) {
        this(reader, scheduler, workers, clock, settings, sink, () -> {});
    }

    private Poller(FleetReader reader, Scheduler scheduler, Executor workers, Clock clock,
                   PollSettings settings, Consumer<PollEvent> sink, Runnable onClose) {
        this.reader = reader;
        this.scheduler = scheduler;
        this.workers = workers;
        this.clock = clock;
        this.settings = settings;
        this.sink = sink;
        this.onClose = onClose;
    }

    /** A poller on its own scheduler thread and a pool of two daemon workers, shut down by {@link #close()}. */
    public static Poller threaded(FleetReader reader, Clock clock, PollSettings settings, Consumer<PollEvent> sink) {
        ThreadScheduler scheduler = new ThreadScheduler();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ecs-top-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new Poller(reader, scheduler, pool, clock, settings, sink, () -> {
            scheduler.close();
            pool.shutdownNow();
        });
    }

    /** Fetches the cluster list, and the snapshot if a view is set. */
    public synchronized void start() {
        fetchClusters();
        if (view != null && inFlight == null) {
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
        if (!next.sameQuestion(before)) {
            generation++;
            if (before == null || !before.cluster().equals(next.cluster())) {
                infoDue = true;
            }
            failuresInARow = 0;
            followUp = false;
            if (inFlight != null) {
                // not yet started: it never will; running: its answer is dropped on arrival
                inFlight.cancel(false);
                inFlight = null;
            }
            startFetch();
        } else if (next.detailService().isPresent()) {
            // the detail pane wants the other statistic of one more service: same generation
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

    private synchronized void tick() {
        nextTick = null;
        if (closed) {
            return;
        }
        ticks++;
        if (view == null || clustersFailed || ticks % settings.clustersEvery() == 0) {
            fetchClusters();
        }
        if (view == null) {
            return;
        }
        if (inFlight != null && Duration.between(inFlightSince, clock.instant()).compareTo(stuckAfter()) < 0) {
            skipped++;
            scheduleTick(settings.interval());
            return;
        }
        if (inFlight != null) {
            // a call that never returns must not stop polling for good; its answer, if it
            // ever comes, is counted but not shown twice
            LOG.warn("a fetch of {} has run for over {}; starting another", view.cluster(), stuckAfter());
            inFlight.cancel(true);
            inFlight = null;
            generation++;
        }
        startFetch();
    }

    /**
     * Three intervals, but never less than {@link #STUCK_FLOOR}: a fetch that is still making
     * progress (task details for thousands of services, at ECS's 20 calls a second) must not
     * be given up and restarted for ever under a short refresh interval.
     */
    private Duration stuckAfter() {
        Duration three = settings.interval().multipliedBy(3);
        return three.compareTo(STUCK_FLOOR) > 0 ? three : STUCK_FLOOR;
    }

    private void startFetch() {
        // the next tick is armed now, not when the answer comes: a call that hangs must not
        // stop the clock; a tick that finds this call still running skips
        scheduleTick(settings.interval());
        PollView v = view;
        boolean withInfo = infoDue || sinceInfo >= settings.infoEvery() - 1;
        SnapshotRequest request = new SnapshotRequest(v.cluster(), v.lookback(), v.stat(), clock.instant(),
                v.detailService(), withInfo);
        long gen = generation;
        long fetch = ++fetches;
        inFlight = new FutureTask<>(() -> {
            Either<Failure, Snapshot> result = callSafely(
                    () -> reader.snapshot(request, metrics -> metricsArrived(gen, metrics)), "snapshot");
            arrived(fetch, gen, request, result);
            return null;
        });
        inFlightFetch = fetch;
        inFlightSince = clock.instant();
        workers.execute(inFlight);
    }

    private void arrived(long fetch, long gen, SnapshotRequest request, Either<Failure, Snapshot> result) {
        PollEvent event;
        synchronized (this) {
            if (inFlight != null && inFlightFetch == fetch) {
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
            Duration delay;
            if (result.isRight()) {
                failuresInARow = 0;
                if (request.withServiceInfo()) {
                    infoDue = false;
                    sinceInfo = 0;
                } else {
                    sinceInfo++;
                }
                delay = settings.interval();
            } else {
                Failure f = result.getLeft();
                LOG.warn("snapshot of {} failed: {}", request.cluster(), f.line());
                if (request.withServiceInfo()) {
                    infoDue = true;
                }
                failuresInARow = f.transientFault() ? failuresInARow + 1 : 0;
                delay = settings.retryAfter(failuresInARow);
            }
            if (followUp) {
                followUp = false;
                startFetch();
            } else {
                scheduleTick(delay);
            }
            event = result.isRight()
                    ? new PollEvent.SnapshotLoaded(gen, result.get(), reader.totals(), nextAt)
                    : new PollEvent.SnapshotFailed(gen, result.getLeft(), now, reader.totals(), nextAt);
        }
        sink.accept(event);
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
            event = new PollEvent.SnapshotLoaded(gen, metrics, reader.totals(), nextAt);
        }
        sink.accept(event);
    }

    private void fetchClusters() {
        if (clustersInFlight != null) {
            return;
        }
        clustersInFlight = new FutureTask<>(() -> {
            clustersArrived(callSafely(reader::clusters, "clusters"));
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
            clusterFailuresInARow = result.isLeft() && result.getLeft().transientFault() ? clusterFailuresInARow + 1 : 0;
            if (view == null) {
                // nothing else keeps the clock going until a cluster is chosen
                scheduleTick(settings.retryAfter(clustersFailed ? Math.max(1, clusterFailuresInARow) : 0));
            }
            if (result.isLeft()) {
                LOG.warn("cluster list failed: {}", result.getLeft().line());
            }
            event = result.isRight()
                    ? new PollEvent.ClustersLoaded(result.get(), reader.totals())
                    : new PollEvent.ClustersFailed(result.getLeft(), clock.instant(), reader.totals());
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
    public CallStats session() { return reader.totals(); }

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
                inFlight.cancel(false);
            }
        }
        onClose.run();
    }
}
