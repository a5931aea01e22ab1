package ecstop.domain;

import java.util.Optional;

/**
 * What the user asks to see: a scope (none until a cluster is picked), over a lookback, by a
 * statistic, as bars or as the right-sizing table. The poller, the snapshots, the screen's
 * state and the alert book all ask this one type whether an answer is still wanted.
 */
public record Question(Optional<Scope> scope, Lookback lookback, Stat stat, View view) {
    /** The bars of {@code scope}. */
    public static Question of(Scope scope, Lookback lookback, Stat stat) {
        return new Question(Optional.of(scope), lookback, stat, View.USAGE);
    }

    public Question withScope(Scope s) { return new Question(Optional.of(s), lookback, stat, view); }

    public Question withLookback(Lookback l) { return new Question(scope, l, stat, view); }

    public Question withStat(Stat s) { return new Question(scope, lookback, s, view); }

    public Question withView(View v) { return new Question(scope, lookback, stat, v); }

    /**
     * Same scope, lookback and statistic: the same reads answer both, so an answer to one is
     * an answer to the other; the view only adds reads (the right-sizing table's) to them.
     */
    public boolean asksSame(Question other) {
        return other != null && scope.equals(other.scope) && lookback.equals(other.lookback) && stat == other.stat;
    }
}
