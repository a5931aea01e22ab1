package ecstop.ui.state;

import ecstop.domain.FleetReader;
import java.util.Optional;

/**
 * The steps of the containers pane, pure like State's: it opens and closes in place of the
 * bars (closed, it forgets what it read). Enter on a container opens its service's tasks pane over it
 * ({@link OpenServiceSteps#openTasks}); closing that comes back here.
 */
public final class ContainersSteps {
    private ContainersSteps() {}

    /** {@code T}: the scope's containers nearest their memory limits, with the focus; pressed again, closed. */
    public static State toggle(State s) {
        if (s.nav().containers().isPresent()) {
            return close(s);
        }
        Navigation n = s.nav().withContainers(Optional.of(TasksCursor.NEAREST));
        // the tasks pane, open over the bars, gives way: the containers list is what was asked for
        State opened = s.with(n.withDetail(n.detail().map(d -> d.withTasks(Optional.empty()))));
        return opened.with(opened.nav().withFocus(Pane.CONTAINERS));
    }

    /** The containers pane goes, and what it last read; the focus goes to the panes back in its place. */
    static State close(State s) {
        Navigation n = s.nav().withContainers(Optional.empty());
        State closed = s.with(n).with(s.fleet().withoutAnswer(FleetReader.CONTAINER_LIMITS));
        return s.nav().focus().equals(Pane.CONTAINERS) ? closed.with(n.withFocus(closed.home())) : closed;
    }
}
