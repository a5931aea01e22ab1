package ecstop.ui.state;

import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import java.util.Optional;

/**
 * Where the user is: the focused pane, the picker's cursor, the selected service (pinned by
 * identity, so it survives refreshes and re-sorting), the filter, the sort, the open detail,
 * the help overlay, and the fleet a jump into one service's cluster came from.
 */
public record Navigation(Pane focus, int clusterCursor, Optional<ServiceRef> selected, Filter filter, SortOrder sort,
                         Optional<Detail> detail, boolean help, Optional<Scope> jumpedFrom) {

    static Navigation start(Pane focus) {
        return new Navigation(focus, 0, Optional.empty(), Filter.NONE, SortOrder.PEAK, Optional.empty(), false, Optional.empty());
    }

    Navigation withFocus(Pane p) { return new Navigation(p, clusterCursor, selected, filter, sort, detail, help, jumpedFrom); }

    Navigation withClusterCursor(int c) { return new Navigation(focus, c, selected, filter, sort, detail, help, jumpedFrom); }

    Navigation withSelected(Optional<ServiceRef> s) { return new Navigation(focus, clusterCursor, s, filter, sort, detail, help, jumpedFrom); }

    Navigation withFilter(Filter f) { return new Navigation(focus, clusterCursor, selected, f, sort, detail, help, jumpedFrom); }

    Navigation withSort(SortOrder s) { return new Navigation(focus, clusterCursor, selected, filter, s, detail, help, jumpedFrom); }

    Navigation withDetail(Optional<Detail> d) { return new Navigation(focus, clusterCursor, selected, filter, sort, d, help, jumpedFrom); }

    Navigation withJumpedFrom(Optional<Scope> s) {
        return new Navigation(focus, clusterCursor, selected, filter, sort, detail, help, s);
    }

    Navigation withHelp(boolean h) { return new Navigation(focus, clusterCursor, selected, filter, sort, detail, h, jumpedFrom); }
}
