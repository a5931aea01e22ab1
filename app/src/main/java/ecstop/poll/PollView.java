package ecstop.poll;

import ecstop.domain.Lookback;
import ecstop.domain.Question;
import ecstop.domain.ReadKey;
import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.Stat;
import ecstop.domain.View;
import ecstop.domain.rightsize.RightsizeRule;
import java.util.Optional;
import java.util.Set;

/**
 * What the screen shows, as far as fetching cares: the question (a new scope, lookback or
 * statistic is a new generation), the service whose detail is open, and the rule the
 * right-sizing view sizes by when that view is open (each refresh then also reads what its
 * table needs), what else it reads for the open service ({@code reads}, see {@link
 * ServiceReads}), and the reads of the scope its panes ask for ({@code scopeReads}, see {@link
 * ScopeReads}).
 */
public record PollView(Question question, Optional<ServiceRef> detailService, RightsizeRule rule,
                       Set<ReadKey<?>> reads, Set<ReadKey<?>> scopeReads) {
    public PollView {
        if (question.scope().isEmpty()) {
            throw new IllegalArgumentException("nothing to poll before a scope is chosen");
        }
        reads = Set.copyOf(reads);
        scopeReads = Set.copyOf(scopeReads);
    }

    /** No reads of the scope beyond the bars. */
    public PollView(Question question, Optional<ServiceRef> detailService, RightsizeRule rule, Set<ReadKey<?>> reads) {
        this(question, detailService, rule, reads, Set.of());
    }

    /** No reads beyond the bars for the open service. */
    public PollView(Question question, Optional<ServiceRef> detailService, RightsizeRule rule) {
        this(question, detailService, rule, Set.of());
    }

    public PollView withReads(Set<ReadKey<?>> r) {
        return new PollView(question, detailService, rule, r, scopeReads);
    }

    public PollView withScopeReads(Set<ReadKey<?>> r) {
        return new PollView(question, detailService, rule, reads, r);
    }

    /**
     * Nothing to read now that {@code before} did not read: no detail, or the same one, and no
     * read it did not ask for (the week-ago overlay turned off, a detail closed, a pane closed).
     */
    public boolean asksNoMoreThan(PollView before) {
        return (detailService.isEmpty() || before.detailService.equals(detailService)) && before.reads.containsAll(reads)
                && before.scopeReads.containsAll(scopeReads);
    }

    public Scope scope() { return question.scope().get(); }

    public Lookback lookback() { return question.lookback(); }

    public Stat stat() { return question.stat(); }

    /** The right-sizing view's rule while that view is open. */
    public Optional<RightsizeRule> rightsize() {
        return question.view() == View.RIGHTSIZE ? Optional.of(rule) : Optional.empty();
    }
}
