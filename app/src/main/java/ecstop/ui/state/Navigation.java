package ecstop.ui.state;

import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import java.util.Optional;

/**
 * Where the user is: the focused pane, the picker's cursor, the selected service (pinned by
 * identity, so it survives refreshes and re-sorting), the filter, the sort, the open detail,
 * the help overlay, the fleet a jump into one service's cluster came from, and the containers
 * pane with its cursor (pinned by key like the tasks pane's; empty: on the nearest). A pane's
 * listing moves its cursor through the withers; a new field is one more wither.
 */
public record Navigation(Pane focus, int clusterCursor, Optional<ServiceRef> selected, Filter filter, SortOrder sort,
                         Optional<Detail> detail, boolean help, Optional<Scope> jumpedFrom,
                         Optional<TasksCursor> containers) {

    static Navigation start(Pane focus) {
        return new Navigation(focus, 0, Optional.empty(), Filter.NONE, SortOrder.PEAK, Optional.empty(), false, Optional.empty(),
                Optional.empty());
    }

    public Navigation withFocus(Pane p) {
        return new Navigation(p, clusterCursor, selected, filter, sort, detail, help, jumpedFrom, containers);
    }

    public Navigation withClusterCursor(int c) {
        return new Navigation(focus, c, selected, filter, sort, detail, help, jumpedFrom, containers);
    }

    public Navigation withSelected(Optional<ServiceRef> s) {
        return new Navigation(focus, clusterCursor, s, filter, sort, detail, help, jumpedFrom, containers);
    }

    Navigation withFilter(Filter f) {
        return new Navigation(focus, clusterCursor, selected, f, sort, detail, help, jumpedFrom, containers);
    }

    Navigation withSort(SortOrder s) {
        return new Navigation(focus, clusterCursor, selected, filter, s, detail, help, jumpedFrom, containers);
    }

    public Navigation withDetail(Optional<Detail> d) {
        return new Navigation(focus, clusterCursor, selected, filter, sort, d, help, jumpedFrom, containers);
    }

    Navigation withJumpedFrom(Optional<Scope> s) {
        return new Navigation(focus, clusterCursor, selected, filter, sort, detail, help, s, containers);
    }

    Navigation withHelp(boolean h) {
        return new Navigation(focus, clusterCursor, selected, filter, sort, detail, h, jumpedFrom, containers);
    }

    Navigation withContainers(Optional<TasksCursor> c) {
        return new Navigation(focus, clusterCursor, selected, filter, sort, detail, help, jumpedFrom, c);
    }

    /** The open detail's first row at {@code row}. */
    public Navigation withDetailScroll(int row) { return withDetail(detail.map(d -> d.scrolledTo(row))); }

    /** The tasks pane's cursor on the row keyed {@code key}. */
    public Navigation withTasksRow(String key) {
        return withDetail(detail.map(d -> d.tasks().isPresent() ? d.withTasks(Optional.of(new TasksCursor(Optional.of(key)))) : d));
    }

    /** The containers pane's cursor on the row keyed {@code key}. */
    public Navigation withContainersRow(String key) {
        return withContainers(containers.map(c -> new TasksCursor(Optional.of(key))));
    }

    /** Whether the tasks pane is open (over the open detail's service). */
    public boolean tasksOpen() {
        return detail.flatMap(Detail::tasks).isPresent();
    }
}
