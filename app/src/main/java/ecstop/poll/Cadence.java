package ecstop.poll;

import ecstop.domain.Pace;
import ecstop.domain.CallStats;
import ecstop.domain.Failure;
import ecstop.domain.Governor;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * When to ask next, as a value: the refresh interval; the slower one while nobody looks
 * (unfocused, or no key for a while: {@link Attention}); the daily budget, which holds what
 * the last 24 hours of refreshes cost ({@link Spend}) to the budget; back-off after transient failures (a retry sooner than the interval, then further
 * apart, never later than the interval: back to normal within one refresh after a fault
 * clears); and when a running fetch counts as hung. Time comes in as an argument.
 */
public record Cadence(PollSettings settings, int failuresInARow, Attention attention, OptionalDouble refreshCostUsd,
                      Spend spend) {
    /** The least time a fetch runs before it counts as hung; see {@link #stuckAfter()}. */
    static final Duration STUCK_FLOOR = Duration.ofMinutes(2);
    private static final double SECONDS_A_DAY = 86_400;
    /**
     * The share of the budget a session may spend at its own pace in any 24 hours (someone
     * looking for a while); past it, refreshes come no faster than the rest of the budget
     * spread over a day. Together never more than the budget, and never a stall.
     */
    static final double BURST_SHARE = 0.5;

    public static Cadence of(PollSettings settings) {
        return of(settings, Instant.EPOCH);
    }

    /** A session that starts at {@code start}: someone is there (they just started it). */
    public static Cadence of(PollSettings settings, Instant start) {
        return new Cadence(settings, 0, Attention.since(start), OptionalDouble.empty(), Spend.NONE);
    }

    private Governor governor() { return settings.governor(); }

    /** The interval while someone looks, as configured. */
    public Duration interval() { return settings.interval(); }

    public boolean away(Instant now) {
        return governor().slowsWhenAway() && attention.away(now, governor());
    }

    /** The interval attention alone asks for: the configured one, or the slow one while away (never faster). */
    private Duration base(Instant now) {
        if (!away(now)) {
            return settings.interval();
        }
        Duration slow = governor().awayRefresh();
        return slow.compareTo(settings.interval()) > 0 ? slow : settings.interval();
    }

    /**
     * The shortest interval the budget allows at {@code now}; zero without a budget. While
     * the last day's spend is within {@link #BURST_SHARE} of the budget, none: someone who
     * looks for an hour gets every refresh, paid for by the hours nobody looks. Past it, a
     * refresh at the last one's cost no more often than the rest of the budget allows over a
     * day. Any 24 hours then cost at most the burst plus the rest: the budget; the last check
     * (no room for one more refresh: wait until old ones leave the day) makes that exact.
     */
    private Duration budgetFloor(Instant now) {
        if (!governor().hasBudget() || refreshCostUsd.isEmpty()) {
            return Duration.ZERO;
        }
        double cost = refreshCostUsd.getAsDouble();
        double budget = governor().budgetUsdPerDay();
        double spent = spend.lastDay(now);
        if (cost > budget) {
            // one refresh costs more than a day may: once a day, and the status bar says so
            return Spend.DAY;
        }
        if (budget - spent < cost) {
            return Duration.between(now, spend.whenAtMost(budget - cost, now));
        }
        if (spent + cost <= BURST_SHARE * budget) {
            return Duration.ZERO;
        }
        double seconds = cost * SECONDS_A_DAY / ((1 - BURST_SHARE) * budget);
        return Duration.ofMillis((long) Math.ceil(seconds * 1000 - 1e-6)); // not a millisecond more for a rounding error
    }

    /** The interval in force at {@code now}. */
    public Duration interval(Instant now) {
        Duration base = base(now);
        Duration floor = budgetFloor(now);
        return floor.compareTo(base) > 0 ? floor : base;
    }

    /** The budget, not attention, sets the interval now. */
    public boolean stretched(Instant now) {
        return budgetFloor(now).compareTo(base(now)) > 0;
    }

    /** Delay before the next attempt, counted from the last answer (or the start of a fetch still running). */
    public Duration next(Instant now) {
        return settings.retryAfter(failuresInARow, interval(now));
    }


    /** What a day of refreshes at the interval in force costs, at what the last one cost. */
    public OptionalDouble usdPerDay(Instant now) {
        if (refreshCostUsd.isEmpty()) {
            return OptionalDouble.empty();
        }
        double perDay = SECONDS_A_DAY / (interval(now).toMillis() / 1000.0);
        return OptionalDouble.of(refreshCostUsd.getAsDouble() * perDay);
    }

    public Pace pace(Instant now) {
        Duration awayEvery = governor().slowsWhenAway() ? max(governor().awayRefresh(), settings.interval()) : Duration.ZERO;
        Pace.Looking looking = governor().slowsWhenAway() ? attention.looking(now, governor()) : Pace.Looking.HERE;
        return new Pace(interval(now), awayEvery, looking, attention.focusReported(), stretched(now), usdPerDay(now));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * A refresh came back at {@code at}; {@code stats} is what it cost: spent, and the measure
     * of the next ones. Where the count is a range ("at least"), the most it may have cost:
     * a budget that paced on the least could be overspent by what the app cannot count.
     */
    public Cadence succeeded(CallStats stats, Instant at) {
        double usd = stats.mostCostUsd();
        return new Cadence(settings, 0, attention, OptionalDouble.of(usd), spend.add(at, usd));
    }

    /** Money spent at {@code at} on reads other than the refresh (the fleet's right-sizing): the budget counts it. */
    public Cadence spent(double usd, Instant at) {
        return usd <= 0 ? this : new Cadence(settings, failuresInARow, attention, refreshCostUsd, spend.add(at, usd));
    }

    public Cadence succeeded() {
        return failuresInARow == 0 ? this : new Cadence(settings, 0, attention, refreshCostUsd, spend);
    }

    /** A transient failure brings the next try nearer; a lasting one (denied, expired) waits the interval. */
    public Cadence failed(Failure f) {
        return new Cadence(settings, f.transientFault() ? failuresInARow + 1 : 0, attention, refreshCostUsd, spend);
    }

    /** A new question: no failures behind it, and no cost known for it yet; what was spent stays spent. */
    public Cadence reset() {
        return new Cadence(settings, 0, attention, OptionalDouble.empty(), spend);
    }

    public Cadence with(Attention a) {
        return a.equals(attention) ? this : new Cadence(settings, failuresInARow, a, refreshCostUsd, spend);
    }

    /**
     * Three intervals, but never less than {@link #STUCK_FLOOR}: a fetch that is still making
     * progress (task details for thousands of services, at ECS's 20 calls a second) must not
     * be given up and restarted for ever under a short refresh interval.
     */
    public Duration stuckAfter() {
        Duration three = settings.interval().multipliedBy(3);
        return three.compareTo(STUCK_FLOOR) > 0 ? three : STUCK_FLOOR;
    }
}
