package ecstop.poll;

import ecstop.domain.Lookback;
import ecstop.domain.Question;
import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.Stat;
import ecstop.domain.View;
import ecstop.domain.rightsize.RightsizeRule;
import java.util.Optional;

/**
 * What the screen shows, as far as fetching cares: the question (a new scope, lookback or
 * statistic is a new generation), the service whose detail is open, and the rule the
 * right-sizing view sizes by when that view is open (each refresh then also reads what its
 * table needs).
 */
public record PollView(Question question, Optional<ServiceRef> detailService, RightsizeRule rule) {
    public PollView {
        if (question.scope().isEmpty()) {
            throw new IllegalArgumentException("nothing to poll before a scope is chosen");
        }
    }

    public Scope scope() { return question.scope().get(); }

    public Lookback lookback() { return question.lookback(); }

    public Stat stat() { return question.stat(); }

    /** The right-sizing view's rule while that view is open. */
    public Optional<RightsizeRule> rightsize() {
        return question.view() == View.RIGHTSIZE ? Optional.of(rule) : Optional.empty();
    }
}
