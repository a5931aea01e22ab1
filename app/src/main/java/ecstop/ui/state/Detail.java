package ecstop.ui.state;

import ecstop.domain.ServiceRef;
import java.util.Optional;

/**
 * The open detail pane: pinned to the service Enter was pressed on, not following the
 * cursor, because each new detail service costs a fetch. {@code scroll}: periods scrolled
 * back from the newest. {@code tasks}: the tasks pane, open over the same service (its tasks
 * are read only while it is open).
 */
public record Detail(ServiceRef service, int scroll, Optional<TasksCursor> tasks) {
    Detail(ServiceRef service, int scroll) {
        this(service, scroll, Optional.empty());
    }

    Detail scrolledTo(int s) { return new Detail(service, s, tasks); }

    Detail withTasks(Optional<TasksCursor> t) { return new Detail(service, scroll, t); }
}
