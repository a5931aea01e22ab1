package ecstop.domain.task;

import ecstop.domain.CallStats;
import ecstop.domain.Failure;
import ecstop.domain.Target;
import ecstop.domain.TimeWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The containers of a scope nearest their memory limits, nearest first: what the containers
 * pane lists. Only clusters with Container Insights' enhanced observability publish a series
 * per container, so the others are not in it. {@code capped}: CloudWatch had more groups than
 * it returns (500), so the list is the top of a longer one; {@code unread}: the targets whose
 * read failed, beside the ones that answered.
 */
public record ContainerLimits(List<ContainerLimit> rows, TimeWindow window, boolean capped, Map<Target, Failure> unread,
                              CallStats calls) {
    public ContainerLimits {
        rows = rows.stream().sorted(Comparator.comparingDouble((ContainerLimit c) -> -c.peak())
                .thenComparing(c -> c.service().name()).thenComparing(ContainerLimit::container)).toList();
        unread = Map.copyOf(unread);
    }

    /** Several targets' answers as one list; {@code failed}: the targets that did not answer. */
    public static ContainerLimits merge(List<ContainerLimits> answered, Map<Target, Failure> failed, TimeWindow window) {
        List<ContainerLimit> rows = new ArrayList<>();
        CallStats calls = CallStats.NONE;
        boolean capped = false;
        for (ContainerLimits a : answered) {
            rows.addAll(a.rows());
            calls = calls.plus(a.calls());
            capped |= a.capped();
        }
        return new ContainerLimits(rows, window, capped, failed, calls);
    }
}
