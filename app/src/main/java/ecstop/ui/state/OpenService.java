package ecstop.ui.state;

import ecstop.domain.Failure;
import ecstop.domain.ReadKey;
import ecstop.domain.ServiceReadKeys;
import ecstop.domain.ServiceRef;
import ecstop.domain.timeline.Markers;
import io.vavr.control.Either;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What was read for one service beyond its bars while it was the open one, by the read's key
 * ({@link ServiceReadKeys}: its timeline for the detail's chart, the chart's window a week
 * earlier for its overlay, its tasks for the tasks pane), or why each could not be read.
 * Another service's answers replace it whole, so a screen never shows one service's chart
 * under another's name; the panes ask {@link #of} for the service they show.
 */
public record OpenService(Optional<ServiceRef> service, Map<ReadKey<?>, Either<Failure, ?>> answers) {
    static final OpenService NONE = new OpenService(Optional.empty(), Map.of());

    public OpenService {
        answers = Map.copyOf(answers);
    }

    /** What is known of {@code s}: nothing when the answers on hand are another service's. */
    public OpenService of(ServiceRef s) {
        return service.filter(s::equals).isPresent() ? this : NONE;
    }

    /** The answer to {@code key}, once it came. */
    @SuppressWarnings("unchecked")
    public <T> Optional<Either<Failure, T>> answer(ReadKey<T> key) {
        return Optional.ofNullable((Either<Failure, T>) answers.get(key));
    }

    /**
     * The markers the detail's chart shows and ←/→ steps through: the timeline's within its
     * window (those before it stay for the answer line to name, not to step to).
     */
    public Optional<Markers> chartMarkers() {
        return answer(ServiceReadKeys.TIMELINE).flatMap(Either::toJavaOptional)
                .map(t -> t.markers().within(t.series().window().start(), t.series().window().end()));
    }

    /** {@code s}'s answer to {@code key}, beside what is known of {@code s} already. */
    OpenService with(ServiceRef s, ReadKey<?> key, Either<Failure, ?> answer) {
        Map<ReadKey<?>, Either<Failure, ?>> known = new HashMap<>(of(s).answers);
        known.put(key, answer);
        return new OpenService(Optional.of(s), known);
    }
}
