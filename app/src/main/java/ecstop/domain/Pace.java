package ecstop.domain;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * How often the poller refreshes now, and why, for the status bar: {@code every} is the
 * interval in force; {@code awayEvery} the one used while nobody looks (zero: no slow
 * cadence); {@code looking} whether someone looks now, and if not why not; {@code focusReported}
 * whether the terminal reports focus (else only keys tell); {@code budgetStretched} whether the daily budget
 * made {@code every} longer than it would be; {@code usdPerDay} what a day at {@code every}
 * costs, from the last refresh's metrics (empty before the first).
 */
public record Pace(Duration every, Duration awayEvery, Looking looking, boolean focusReported, boolean budgetStretched,
                   OptionalDouble usdPerDay) {
    /** Someone is here; the terminal says the focus is elsewhere; or no key for a while. */
    public enum Looking { HERE, UNFOCUSED, IDLE }

    public boolean away() { return looking != Looking.HERE; }
}
