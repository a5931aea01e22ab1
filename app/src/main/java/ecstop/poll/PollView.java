package ecstop.poll;

import ecstop.domain.Lookback;
import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.Stat;
import ecstop.domain.rightsize.RightsizeRule;
import java.util.Optional;

/**
 * What the screen shows, as far as fetching cares: a new scope, lookback or stat is a new
 * question. {@code rightsize}: the right-sizing view is open, by this rule, so each refresh
 * also reads what its table needs.
 */
public record PollView(Scope scope, Lookback lookback, Stat stat, Optional<ServiceRef> detailService,
                       Optional<RightsizeRule> rightsize) {
    public PollView(Scope scope, Lookback lookback, Stat stat, Optional<ServiceRef> detailService) {
        this(scope, lookback, stat, detailService, Optional.empty());
    }

    /** Same scope, lookback and stat: an answer to one is an answer to the other. */
    public boolean sameQuestion(PollView other) {
        return other != null && scope.equals(other.scope) && lookback.equals(other.lookback) && stat == other.stat;
    }
}
