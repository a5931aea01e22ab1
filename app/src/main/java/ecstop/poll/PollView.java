package ecstop.poll;

import ecstop.domain.Lookback;
import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.Stat;
import java.util.Optional;

/** What the screen shows, as far as fetching cares: a new scope, lookback or stat is a new question. */
public record PollView(Scope scope, Lookback lookback, Stat stat, Optional<ServiceRef> detailService) {
    /** Same scope, lookback and stat: an answer to one is an answer to the other. */
    public boolean sameQuestion(PollView other) {
        return other != null && scope.equals(other.scope) && lookback.equals(other.lookback) && stat == other.stat;
    }
}
