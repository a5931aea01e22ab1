package ecstop.ui.state;

import ecstop.domain.Failure;
import ecstop.domain.ServiceRef;
import ecstop.domain.task.ClusterTasks;
import ecstop.domain.timeline.Markers;
import ecstop.domain.timeline.ServiceSeries;
import ecstop.domain.timeline.ServiceTimeline;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * What was read for one service beyond its bars while it was the open one: its timeline (the
 * detail's chart), the chart's window a week earlier (its overlay) and its tasks (the tasks
 * pane), or why each could not be read. Another service's answers replace it whole, so a
 * screen never shows one service's chart under another's name; the panes ask {@link #of}
 * for the service they show.
 */
public record OpenService(Optional<ServiceRef> service, Optional<Either<Failure, ServiceTimeline>> timeline,
                          Optional<Either<Failure, ServiceSeries>> weekAgo, Optional<Either<Failure, ClusterTasks>> tasks) {
    static final OpenService NONE = new OpenService(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** What is known of {@code s}: nothing when the answers on hand are another service's. */
    public OpenService of(ServiceRef s) {
        return service.filter(s::equals).isPresent() ? this : NONE;
    }

    /**
     * The markers the detail's chart shows and ←/→ steps through: the timeline's within its
     * window (those before it stay for the answer line to name, not to step to).
     */
    public Optional<Markers> chartMarkers() {
        return timeline.flatMap(Either::toJavaOptional)
                .map(t -> t.markers().within(t.series().window().start(), t.series().window().end()));
    }

    OpenService withTimeline(ServiceRef s, Either<Failure, ServiceTimeline> t) {
        OpenService known = of(s);
        return new OpenService(Optional.of(s), Optional.of(t), known.weekAgo, known.tasks);
    }

    OpenService withWeekAgo(ServiceRef s, Either<Failure, ServiceSeries> w) {
        OpenService known = of(s);
        return new OpenService(Optional.of(s), known.timeline, Optional.of(w), known.tasks);
    }

    OpenService withTasks(ServiceRef s, Either<Failure, ClusterTasks> t) {
        OpenService known = of(s);
        return new OpenService(Optional.of(s), known.timeline, known.weekAgo, Optional.of(t));
    }
}
