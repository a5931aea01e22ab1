package ecstop.poll;

import ecstop.domain.Lookback;
import ecstop.domain.Question;
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
 * table needs), and what else the open service's screen reads for it ({@link ServiceRead}).
 */
public record PollView(Question question, Optional<ServiceRef> detailService, RightsizeRule rule,
                       Set<ServiceRead> serviceReads) {
    /**
     * What is read for the open service beyond its bars while the screen shows it: its
     * timeline (series at the chart's period and markers), the same window a week earlier (the
     * chart's overlay), its tasks and containers.
     */
    public enum ServiceRead { TIMELINE, WEEK_AGO, TASKS }

    public PollView {
        if (question.scope().isEmpty()) {
            throw new IllegalArgumentException("nothing to poll before a scope is chosen");
        }
        serviceReads = Set.copyOf(serviceReads);
    }

    /** No reads beyond the bars for the open service. */
    public PollView(Question question, Optional<ServiceRef> detailService, RightsizeRule rule) {
        this(question, detailService, rule, Set.of());
    }

    public PollView withServiceReads(Set<ServiceRead> reads) {
        return new PollView(question, detailService, rule, reads);
    }

    /** The same open service asking for no more than {@code before} (the week-ago overlay turned off): nothing to read now. */
    public boolean asksNoMoreThan(PollView before) {
        return before.detailService.equals(detailService) && before.serviceReads.containsAll(serviceReads);
    }

    public Scope scope() { return question.scope().get(); }

    public Lookback lookback() { return question.lookback(); }

    public Stat stat() { return question.stat(); }

    /** The right-sizing view's rule while that view is open. */
    public Optional<RightsizeRule> rightsize() {
        return question.view() == View.RIGHTSIZE ? Optional.of(rule) : Optional.empty();
    }
}
