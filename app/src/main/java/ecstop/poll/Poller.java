package ecstop.poll;

import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.Pace;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the screen's question answered: the threads and the generations. The clock decides when
 * ({@link RefreshClock}), the plan what ({@link FetchPlan}: a refresh's reads); a worker runs a
 * refresh's reads in turn; every answer leaves through {@link #deliver} to the sink (the UI posts
 * it to its own thread). Each question (scope, lookback, statistic) has a generation, and each scope a count of its
 * own. A new question starts a new generation and an immediate fetch; an answer asked under an
 * older one is dropped on arrival, in {@link #deliver} alone. A refresh that comes due while the
 * bars of the last are still being read is skipped, not queued.
 */
public final class Poller implements AutoCloseable {
    static final Logger LOG = LoggerFactory.getLogger(Poller.class);
    private static final Runnable NOTHING = () -> {};
    /** A refresh reading its bars: which one, since when. */
    private record Running(FutureTask<Void> task, long id, Instant since) {}

    private final Readers readers;
    private final Executor workers;
    private final Consumer<PollEvent> sink;
    private final Runnable onClose;
    private final RefreshClock clock;
    private PollView view;
    private Stamp now = new Stamp(0, 0);
    private FetchPlan plan;
    private Due clusters;
    private Running inFlight;
    private boolean clustersInFlight;
    private long fetches;
    private boolean followUp;
    private boolean closed;
    private int skipped;
    private int dropped;

    public Poller(Readers readers, Scheduler scheduler, Executor workers, Clock clock, PollSettings settings,
                  Consumer<PollEvent> sink) {
        this(readers, scheduler, workers, clock, settings, sink, () -> {});
    }

    /** {@code onClose}: shuts down what runs it (see {@link ThreadScheduler#poller}). */
    Poller(Readers readers, Scheduler scheduler, Executor workers, Clock clock, PollSettings settings,
           Consumer<PollEvent> sink, Runnable onClose) {
        this.readers = readers;
        this.workers = workers;
        this.sink = sink;
        this.onClose = onClose;
        this.clock = new RefreshClock(scheduler, clock, settings, this::tick);
        this.plan = FetchPlan.every(settings.infoEvery());
        this.clusters = Due.after(settings.clustersEvery());
    }

    /** Fetches the cluster list, and the bars if a view is set. */
    public synchronized void start() {
        clusters = fetchClusters();
        // not "none in flight": a first fetch that view() started may already have come back
        if (view != null && fetches == 0) {
            startFetch();
        }
    }

    /** The screen's question changed (or only the service whose detail is open, or the view). */
    public synchronized void view(PollView next) {
        if (closed || next.equals(view)) {
            return;
        }
        PollView before = view;
        view = next;
        if (before == null || !next.question().asksSame(before.question())) {
            boolean newScope = before == null || !before.scope().equals(next.scope());
            now = now.next(newScope);
            plan = newScope ? plan.newScope().newQuestion() : plan.newQuestion();
            clock.reset();
            followUp = false;
            if (inFlight != null) {
                // not yet started: it never will; running: its answer is dropped on arrival
                inFlight.task().cancel(false);
                inFlight = null;
            }
            startFetch();
        } else if (!next.asksNoMoreThan(before) || (next.rightsize().isPresent() && before.rightsize().isEmpty())) {
            // the detail wants one more service's task details, a pane opened that reads more, or
            // the right-sizing view opened on the same question and wants its reads now: same generation
            followUp = inFlight != null;
            if (inFlight == null) {
                startFetch();
            }
        }
    }

    /** r / Ctrl-R: fetch now, unless a fetch for this question is already running. */
    public synchronized void refreshNow() {
        if (!closed && (view == null || clusters.failures() > 0)) {
            clusters = fetchClusters();
        }
        if (!closed && view != null && inFlight != null) {
            skipped++;
        } else if (!closed && view != null) {
            startFetch();
        }
    }

    /** The terminal reported the focus coming in or going out. */
    public void focus(boolean in) { attend(a -> a.focus(in, clock.now())); }

    /** A key was pressed: someone is here. */
    public void key() { attend(a -> a.key(clock.now())); }

    /** Someone came or went: at once a refresh if they came back to old figures, and a pace event if the pace changed. */
    private void attend(UnaryOperator<Attention> change) {
        deliver(null, NOTHING, () -> {
            Instant t = clock.now();
            if (clock.attend(change, view != null && inFlight == null, t)) {
                startFetch();
            }
            return clock.paced(t, readers.totals());
        });
    }

    /** The pace now: how often, why, at what cost a day. */
    public synchronized Pace pace() { return clock.cadence().pace(clock.now()); }

    private void tick() {
        deliver(null, NOTHING, () -> {
            clock.fired();
            Instant t = clock.now();
            if (view != null && inFlight == null && clock.early(t)) {
                return clock.paced(t, readers.totals());
            }
            clusters = view == null || clusters.now() ? fetchClusters() : clusters.passed();
            if (view == null) {
                return null;
            }
            if (inFlight != null && !clock.stuck(inFlight.since(), t)) {
                skipped++;
                clock.skipped(t);
                return null;
            }
            if (inFlight != null) {
                // a call that never returns must not stop polling for good; its answer, if it ever comes, is dropped
                LOG.warn("a fetch of {} has run for over {}; starting another", view.scope(), clock.cadence().stuckAfter());
                inFlight.task().cancel(true);
                inFlight = null;
                now = now.next(false);
            }
            startFetch();
            return clock.paced(t, readers.totals());
        });
    }

    /** Starts a refresh: its reads as the plan lists them, in turn on a worker. Locked. */
    private void startFetch() {
        Instant started = clock.now();
        clock.started();
        List<ReadStep> steps = plan.refresh(view, started);
        plan = plan.started(steps, view, started);
        Stamp asked = now;
        long id = ++fetches;
        FutureTask<Void> task = new FutureTask<>(() -> {
            refresh(id, asked, steps);
            return null;
        });
        inFlight = new Running(task, id, started);
        workers.execute(task);
    }

    /** The bars (and ahead of them, when the reader can, the bars without task details), then each read after them. */
    private void refresh(long id, Stamp asked, List<ReadStep> steps) {
        long gen = asked.generation();
        Either<Failure, ReadStep.BarsRead> bars = ((ReadStep.Bars) steps.get(0)).read(readers, early -> deliver(asked, NOTHING,
                () -> new PollEvent.SnapshotLoaded(gen, early, Optional.empty(), readers.totals(), clock.nextAt(),
                        clock.cadence().pace(clock.now()))));
        deliver(asked, () -> inFlight = inFlight != null && inFlight.id() == id ? null : inFlight,
                () -> barsArrived(gen, steps, bars));
        for (ReadStep step : bars.isRight() ? steps.subList(1, steps.size()) : List.<ReadStep>of()) {
            ReadStep.After after = (ReadStep.After) step;
            Stamp key = after.keyedByScope() ? asked.scopeOnly() : asked;
            if (wanted(key)) {
                ReadStep.Answer answer = after.read(readers, bars.get().snapshot(),
                        new ReadStep.Asked(gen, () -> wanted(key), clock.now()));
                // its metrics are billed like the bars', wanted or not: the budget counts them
                deliver(key, () -> clock.spent(answer.metricsUsd()), () -> {
                    plan = answer.failed() ? plan.failed(step) : plan;
                    return answer.event();
                });
            }
        }
    }

    /** The bars' answer: the plan and the clock learn how it went, and the event is made. Locked. */
    private PollEvent barsArrived(long gen, List<ReadStep> steps, Either<Failure, ReadStep.BarsRead> bars) {
        plan = plan.barsAnswered(steps, bars.isRight());
        bars.peekLeft(f -> LOG.warn("snapshot of {} failed: {}", view.scope().name(), f.line()));
        Pace p = clock.answered(bars.map(b -> b.snapshot().stats()), !followUp);
        if (followUp) {
            followUp = false;
            startFetch();
        }
        return bars.fold(f -> new PollEvent.SnapshotFailed(gen, f, clock.now(), readers.totals(), clock.nextAt(), p),
                ok -> new PollEvent.SnapshotLoaded(gen, ok.snapshot(), ok.notes(), readers.totals(), clock.nextAt(), p));
    }

    private synchronized boolean wanted(Stamp key) {
        return !closed && key.matches(now);
    }

    /**
     * The one way out to the sink. {@code first} runs under the lock, wanted or not (what a read
     * spent, whether one still runs). When {@code asked} (null: not an answer, always current) is
     * still what the screen asks, {@code answer} is made under the lock (it may tell the plan and
     * the clock how a read went) and sent; otherwise it is a late answer: dropped, and counted.
     */
    private void deliver(Stamp asked, Runnable first, Supplier<PollEvent> answer) {
        PollEvent event;
        synchronized (this) {
            first.run();
            if (closed) {
                return;
            }
            if (asked != null && !asked.matches(now)) {
                dropped++;
                return;
            }
            event = answer.get();
        }
        if (event != null) {
            sink.accept(event);
        }
    }

    /** The cluster list of every target, unless one is on its way; returns when it is due next. Locked. */
    private Due fetchClusters() {
        if (clustersInFlight) {
            return clusters;
        }
        clustersInFlight = true;
        clusters = clusters.asked();
        workers.execute(() -> {
            Either<Failure, List<Cluster>> result = ReadStep.safely(readers::clusters, "clusters");
            deliver(null, NOTHING, () -> {
                clustersInFlight = false;
                clusters = result.isLeft() ? clusters.failed() : clusters.succeeded();
                result.peekLeft(f -> LOG.warn("cluster list failed: {}", f.line()));
                if (view == null) {
                    clock.retry(clusters.failures()); // nothing else keeps the clock going until a cluster is chosen
                }
                return result.fold(f -> new PollEvent.ClustersFailed(f, clock.now(), readers.totals()),
                        list -> new PollEvent.ClustersLoaded(list, readers.totals()));
            });
        });
        return clusters;
    }

    /** Every call this session, as the readers count it: dropped answers, failed fetches and the cluster list included. */
    public CallStats session() { return readers.totals(); }
    public synchronized long generation() { return now.generation(); }

    /** What the budget counts as spent in the last 24 hours: the refreshes and the reads after them. */
    public synchronized double spentLastDay() { return clock.cadence().spend().lastDay(clock.now()); }

    /** Refreshes that came due while one was running and were skipped. */
    public synchronized int skipped() { return skipped; }

    /** Answers that arrived for an older question and were dropped. */
    public synchronized int dropped() { return dropped; }

    public synchronized Optional<Instant> nextRefresh() { return Optional.ofNullable(clock.nextAt()); }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            clock.cancel();
            if (inFlight != null) {
                inFlight.task().cancel(false);
            }
        }
        onClose.run();
    }
}
