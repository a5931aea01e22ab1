package ecstop.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the fleet view asks of one target: every cluster's busiest services over the
 * lookback, by the statistic shown. {@code byAccount} groups by account as well, which in a
 * CloudWatch cross-account observability monitoring account spans its linked source
 * accounts.
 */
public record FleetRequest(Lookback lookback, Stat stat, Instant now, boolean byAccount) {
    public FleetRequest {
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(stat, "stat");
        Objects.requireNonNull(now, "now");
    }
}
