package ecstop.poll;

import ecstop.domain.CallStats;
import ecstop.domain.Failure;
import ecstop.domain.Pace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The refresh's clock: arms the scheduler at the {@link Cadence} in force (the interval,
 * back-off, budget and attention), counting from the last answer or the start of the refresh
 * still running, and remembers the pace last told to the screen. Not thread-safe: the
 * {@link Poller} holds its lock around every call.
 */
final class RefreshClock {
    /** A tick this close to its due time acts: a timer may fire a little early by the wall clock. */
    private static final Duration EARLY_TOLERANCE = Duration.ofMillis(250);
    /** On coming back, data fetched more recently than this is fresh enough not to fetch again. */
    static final Duration FRESH_ENOUGH = Duration.ofSeconds(5);

    private final Scheduler scheduler;
    private final Clock clock;
    private final PollSettings settings;
    private final Runnable tick;
    private Cadence cadence;
    private Scheduler.Cancellable next;
    private Instant nextAt;
    /** What the next refresh is counted from: the last answer, or the start of the fetch still running. */
    private Instant anchor;
    private Instant lastStart;
    private Pace told;

    RefreshClock(Scheduler scheduler, Clock clock, PollSettings settings, Runnable tick) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
        this.tick = tick;
        this.cadence = Cadence.of(settings, clock.instant());
    }

    Instant now() { return clock.instant(); }

    Instant nextAt() { return nextAt; }

    Cadence cadence() { return cadence; }

    void arm(Duration delay) {
        cancel();
        nextAt = clock.instant().plus(delay);
        next = scheduler.schedule(delay, tick);
    }

    void cancel() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /** The armed tick fired. */
    void fired() { next = null; }

    /**
     * A refresh starts: the next tick is armed now, not when the answer comes, so a call that
     * hangs does not stop the clock (a tick that finds it still running skips).
     */
    void started() {
        Instant t = clock.instant();
        anchor = t;
        lastStart = t;
        arm(cadence.interval(t));
    }

    /** Armed at a faster pace than now holds (nobody looks any more): true, and armed for the rest. */
    boolean early(Instant t) {
        if (anchor == null || untilDue(t).compareTo(EARLY_TOLERANCE) <= 0) {
            return false;
        }
        arm(untilDue(t));
        return true;
    }

    /** Whether a fetch started at {@code since} has run long enough to count as hung. */
    boolean stuck(Instant since, Instant t) {
        return Duration.between(since, t).compareTo(cadence.stuckAfter()) >= 0;
    }

    /** The cluster list's next try before any cluster is chosen: after any failure, denied ones too, sooner than the interval. */
    void retry(int failures) { arm(settings.retryAfter(failures)); }

    /** A tick came while a fetch ran: the next one at the interval. */
    void skipped(Instant t) { arm(cadence.interval(t)); }

    /**
     * Someone came or went ({@code change}); true when they came back and what they see is
     * older than {@link #FRESH_ENOUGH}: refresh now. Otherwise, re-armed at the pace now in force.
     */
    boolean attend(UnaryOperator<Attention> change, boolean idle, Instant t) {
        boolean wasAway = cadence.away(t);
        cadence = cadence.with(change.apply(cadence.attention()));
        boolean away = cadence.away(t);
        if (idle && wasAway && !away && (lastStart == null || Duration.between(lastStart, t).compareTo(FRESH_ENOUGH) >= 0)) {
            return true;
        }
        if (idle && wasAway != away && anchor != null) {
            arm(untilDue(t));
        }
        return false;
    }

    /** The bars came back ({@code stats}: what they cost) or failed; {@code rearm}: arm the next tick. */
    Pace answered(io.vavr.control.Either<Failure, CallStats> result, boolean rearm) {
        Instant t = clock.instant();
        cadence = result.fold(cadence::failed, stats -> cadence.succeeded(stats, t));
        anchor = t;
        if (rearm) {
            arm(cadence.next(t));
        }
        return tell(cadence.pace(t));
    }

    /** Money spent on reads other than the bars (the fleet's right-sizing): the budget counts it. */
    void spent(double usd) { cadence = cadence.spent(usd, clock.instant()); }

    /** A new question: no failures behind it, no cost known for it yet. */
    void reset() { cadence = cadence.reset(); }

    /** A pace event when the pace at {@code t} changed since the last one told (by this or with an answer); else null. */
    PollEvent.Paced paced(Instant t, CallStats session) {
        Pace p = cadence.pace(t);
        return p.equals(told) ? null : new PollEvent.Paced(tell(p), nextAt, session);
    }

    /** {@code p} is the pace the screen shows from now on: logged when the budget starts or stops setting the interval. */
    private Pace tell(Pace p) {
        boolean was = told != null && told.budgetStretched();
        if (p.budgetStretched() && !was) {
            Poller.LOG.info("the budget of ${} a day stretches the refresh to every {} s", String.format(java.util.Locale.ROOT,
                    "%.2f", settings.governor().budgetUsdPerDay()), p.every().toSeconds());
        } else if (!p.budgetStretched() && was) {
            Poller.LOG.info("the budget no longer stretches the refresh: every {} s", p.every().toSeconds());
        }
        told = p;
        return p;
    }

    private Duration untilDue(Instant t) {
        Duration left = Duration.between(t, anchor.plus(cadence.next(t)));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
