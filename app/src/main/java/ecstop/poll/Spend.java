package ecstop.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the refreshes of the last day cost, oldest first: the daily budget's measure. A
 * budget holds over any 24 hours, not a calendar day, so a session left open across
 * midnight gets no fresh allowance at 00:00. Immutable.
 */
public record Spend(List<Charge> charges) {
    public static final Duration DAY = Duration.ofDays(1);
    public static final Spend NONE = new Spend(List.of());

    /** One refresh's cost, when it came back. */
    public record Charge(Instant at, double usd) {}

    public Spend {
        charges = List.copyOf(charges);
    }

    /** This spend and {@code usd} at {@code at}, forgetting what is more than a day older. */
    public Spend add(Instant at, double usd) {
        List<Charge> kept = new ArrayList<>(charges.size() + 1);
        Instant from = at.minus(DAY);
        for (Charge c : charges) {
            if (c.at().isAfter(from)) {
                kept.add(c);
            }
        }
        kept.add(new Charge(at, usd));
        return new Spend(kept);
    }

    /** Dollars spent in the day up to {@code now}. */
    public double lastDay(Instant now) {
        Instant from = now.minus(DAY);
        return charges.stream().filter(c -> c.at().isAfter(from)).mapToDouble(Charge::usd).sum();
    }

    /** The first time from {@code now} on at which the last day's spend is at most {@code usd}: as old charges leave it. */
    public Instant whenAtMost(double usd, Instant now) {
        double spent = lastDay(now);
        Instant from = now.minus(DAY);
        for (Charge c : charges) {
            if (spent <= usd + 1e-12) {
                break;
            }
            if (c.at().isAfter(from)) {
                spent -= c.usd();
                now = c.at().plus(DAY);
            }
        }
        return now;
    }
}
