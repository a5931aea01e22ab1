package ecstop.ui.state;

import ecstop.domain.Failure;
import ecstop.domain.ReadKey;
import ecstop.domain.ServiceRef;
import ecstop.domain.timeline.Marker;
import ecstop.domain.timeline.Markers;
import io.vavr.control.Either;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The steps of the open service's own screens, pure like State's: its reads arriving (the
 * timeline, the week before, the tasks), the chart's markers and overlay, the tasks pane
 * opening and closing. Kept out of {@link State}, which holds what every screen shares.
 */
public final class OpenServiceSteps {
    private OpenServiceSteps() {}

    /** {@code service}'s answer to {@code key}; dropped when its detail has closed or another service's opened since it was asked. */
    public static State withAnswer(State s, ServiceRef service, ReadKey<?> key, Either<Failure, ?> result) {
        return isOpen(s, service) ? s.with(s.fleet().withOpen(s.fleet().open().with(service, key, result))) : s;
    }

    private static boolean isOpen(State s, ServiceRef service) {
        return s.nav().detail().filter(d -> d.service().equals(service)).isPresent();
    }

    /**
     * ←/→ while the detail has the focus: the chart's marker {@code delta} steps on (negative:
     * older), resting past the newest (none chosen: the answer line shows again); see
     * {@link Markers#step}. Nothing to step before the timeline is read.
     */
    public static State stepMarker(State s, int delta) {
        Optional<Detail> open = s.nav().detail();
        if (!s.nav().focus().equals(Pane.DETAIL) || open.isEmpty()) {
            return s;
        }
        Detail d = open.get();
        Optional<Markers> shown = s.fleet().open().of(d.service()).chartMarkers();
        if (shown.isEmpty()) {
            return s;
        }
        Markers m = shown.get();
        int at = d.marker().map(x -> m.inOrder().indexOf(x)).orElse(-1);
        Optional<Marker> to = m.at(m.step(at < 0 ? OptionalInt.empty() : OptionalInt.of(at), delta));
        return s.with(s.nav().withDetail(Optional.of(d.withMarker(to))));
    }

    /** w: the open detail's chart overlays the same window a week earlier, or no longer. */
    public static State toggleWeekAgo(State s) {
        return s.nav().detail().map(d -> s.with(s.nav().withDetail(Optional.of(d.withWeekAgo(!d.weekAgo()))))).orElse(s);
    }

    /**
     * {@code t}: the tasks pane of the service under the cursor (in the detail: of the detail's
     * service), opened with its detail below it and the focus on it; pressed again, closed.
     */
    public static State toggleTasks(State s, Listing shown) {
        Navigation nav = s.nav();
        if (nav.tasksOpen()) {
            return closeTasks(s);
        }
        Optional<ServiceRef> service = nav.focus().equals(Pane.DETAIL) ? nav.detail().map(Detail::service)
                : CursorMoves.selectedService(s, shown).or(() -> nav.detail().map(Detail::service));
        return service.map(x -> openTasks(s, x)).orElse(s);
    }

    /** The tasks pane of {@code service}, its detail below it, the focus on it and its cursor on the container nearest its hard limit. */
    public static State openTasks(State s, ServiceRef service) {
        Navigation nav = s.nav();
        Detail d = nav.detail().filter(x -> x.service().equals(service)).orElse(new Detail(service, 0));
        return s.with(nav.withSelected(Optional.of(service)).withDetail(Optional.of(d.withTasks(Optional.of(TasksCursor.NEAREST))))
                .withFocus(Pane.TASKS));
    }

    /** The tasks pane goes, the detail of its service stays; the focus goes to the panes back in its place. */
    static State closeTasks(State s) {
        Navigation n = s.nav().withDetail(s.nav().detail().map(d -> d.withTasks(Optional.empty())));
        return s.with(s.nav().focus().equals(Pane.TASKS) ? n.withFocus(s.home()) : n);
    }
}
