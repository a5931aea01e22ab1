package ecstop.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * What keeps a session left open all day cheap: the slower refresh while nobody looks
 * ({@code awayRefresh}; zero: no slow cadence), how long without a key counts as nobody
 * looking ({@code idleAfter}; zero: keys never count, only the terminal's focus reports do),
 * and the most CloudWatch may cost a day ({@code budgetUsdPerDay}; zero: no limit).
 */
public record Governor(Duration awayRefresh, Duration idleAfter, double budgetUsdPerDay) {
    /** The defaults of config/ecs-top.properties. */
    public static final Governor DEFAULT = new Governor(Duration.ofMinutes(10), Duration.ofMinutes(15), 1.00);
    /** No slow cadence and no budget: refresh at the interval, as before there was a governor. */
    public static final Governor OFF = new Governor(Duration.ZERO, Duration.ZERO, 0);

    public Governor {
        Objects.requireNonNull(awayRefresh, "awayRefresh");
        Objects.requireNonNull(idleAfter, "idleAfter");
        if (awayRefresh.isNegative() || idleAfter.isNegative()) {
            throw new IllegalArgumentException("negative duration: away " + awayRefresh + ", idle " + idleAfter);
        }
        if (!(budgetUsdPerDay >= 0) || Double.isInfinite(budgetUsdPerDay)) {
            throw new IllegalArgumentException("budget must be 0 or more dollars a day, got " + budgetUsdPerDay);
        }
    }

    public boolean slowsWhenAway() { return !awayRefresh.isZero(); }

    public boolean hasBudget() { return budgetUsdPerDay > 0; }
}
