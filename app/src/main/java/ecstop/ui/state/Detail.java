package ecstop.ui.state;

import ecstop.domain.ServiceRef;
import ecstop.domain.timeline.Marker;
import java.util.Optional;

/**
 * The open detail pane: pinned to the service Enter was pressed on, not following the
 * cursor, because each new detail service costs a fetch. {@code scroll}: periods scrolled
 * back from the newest. {@code tasks}: the tasks pane, open over the same service (its tasks
 * are read only while it is open). {@code marker}: the chart's marker ←/→ chose, kept as the
 * marker itself, not its index, so a refresh that brings a newer one does not move the choice.
 * {@code weekAgo}: the chart overlays the same window seven days earlier (one more read).
 */
public record Detail(ServiceRef service, int scroll, Optional<TasksCursor> tasks, Optional<Marker> marker, boolean weekAgo) {
    public Detail(ServiceRef service, int scroll) {
        this(service, scroll, Optional.empty(), Optional.empty(), false);
    }

    Detail scrolledTo(int s) { return new Detail(service, s, tasks, marker, weekAgo); }

    Detail withTasks(Optional<TasksCursor> t) { return new Detail(service, scroll, t, marker, weekAgo); }

    Detail withMarker(Optional<Marker> m) { return new Detail(service, scroll, tasks, m, weekAgo); }

    Detail withWeekAgo(boolean w) { return new Detail(service, scroll, tasks, marker, w); }
}
