package ecstop.ui.state;

import ecstop.domain.ServiceRef;
import java.util.Optional;

/**
 * Where the user is: the focused pane, the picker's cursor, the selected service (pinned by
 * identity, so it survives refreshes and re-sorting), the filter, the sort, the open detail
 * and the help overlay.
 */
public record Navigation(Pane focus, int clusterCursor, Optional<ServiceRef> selected, Filter filter, SortOrder sort,
                         Optional<Detail> detail, boolean help) {

    static Navigation start(Pane focus) {
        return new Navigation(focus, 0, Optional.empty(), Filter.NONE, SortOrder.PEAK, Optional.empty(), false);
    }

    Navigation withFocus(Pane p) { return new Navigation(p, clusterCursor, selected, filter, sort, detail, help); }

    Navigation withClusterCursor(int c) { return new Navigation(focus, c, selected, filter, sort, detail, help); }

    Navigation withSelected(Optional<ServiceRef> s) { return new Navigation(focus, clusterCursor, s, filter, sort, detail, help); }

    Navigation withFilter(Filter f) { return new Navigation(focus, clusterCursor, selected, f, sort, detail, help); }

    Navigation withSort(SortOrder s) { return new Navigation(focus, clusterCursor, selected, filter, s, detail, help); }

    Navigation withDetail(Optional<Detail> d) { return new Navigation(focus, clusterCursor, selected, filter, sort, d, help); }

    Navigation withHelp(boolean h) { return new Navigation(focus, clusterCursor, selected, filter, sort, detail, h); }
}
