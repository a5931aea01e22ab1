package ecstop.domain.timeline;

import ecstop.domain.Level;
import java.time.Instant;
import java.util.Optional;

/** What the answer line says, before it is words: {@link AnswerLine} finds it and writes it. */
public sealed interface Answer {
    /** No datapoint in the window at all. */
    record NoData() implements Answer {}

    /** Data, but never at the warn threshold; {@code noDataSince} when the data stopped early. */
    record Never(double warn, double peak, Optional<Instant> noDataSince) implements Answer {}

    /**
     * At {@code level} now (HOT, or WARN), in {@code run}, over {@code threshold}; for a WARN
     * run, the last run over {@code hot} in the window if there was one.
     */
    record Now(Level level, double threshold, Run run, double hot, Optional<Run> lastHot) implements Answer {}

    /** Below warn now (or no fresh data), after a run at {@code level} that ended. */
    record Earlier(Level level, double threshold, Run run, Optional<Instant> noDataSince) implements Answer {}
}
