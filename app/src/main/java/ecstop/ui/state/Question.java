package ecstop.ui.state;

import ecstop.domain.Lookback;
import ecstop.domain.Scope;
import ecstop.domain.Stat;
import java.util.Optional;

/** What the user asks to see: a scope (none until a cluster is picked), over a lookback, by a statistic. */
public record Question(Optional<Scope> scope, Lookback lookback, Stat stat) {
    public Question withScope(Scope s) { return new Question(Optional.of(s), lookback, stat); }

    public Question withLookback(Lookback l) { return new Question(scope, l, stat); }

    public Question withStat(Stat s) { return new Question(scope, lookback, s); }
}
