package ecstop.ui.present;

import ecstop.domain.Metric;
import ecstop.domain.Stat;
import ecstop.domain.signal.Severity;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The detail pane as it reads: the service's tasks line, its signals (see {@link SignalLines}),
 * then one row per period of the window, newest first, from {@code first}; or a message while
 * there is nothing to list. {@code notAsked} per column: the statistic was not fetched yet (it
 * comes with the next refresh), which reads differently from a period with no data.
 * {@code service}: its name, for the thresholds that apply to it.
 */
public record DetailModel(String title, boolean focused, String tasks, boolean tasksKnown, List<SignalLine> signals,
                          Optional<String> message, List<Figure> columns, int timeWidth, List<Row> rows, int first,
                          String service) {

    public static final List<Figure> FIGURES = List.of(
            new Figure("CPU max", Metric.CPU, Stat.MAX, false), new Figure("CPU avg", Metric.CPU, Stat.AVG, false),
            new Figure("Mem max", Metric.MEMORY, Stat.MAX, false), new Figure("Mem avg", Metric.MEMORY, Stat.AVG, false));

    public DetailModel {
        signals = List.copyOf(signals);
    }

    /** A figure column. */
    public record Figure(String label, Metric metric, Stat stat, boolean notAsked) {}

    /** A period: its time as shown, and the value of each figure column. */
    public record Row(String time, List<OptionalDouble> values) {}

    /** A line about the service's signals: a signal's, in its severity's colour, or a message behind one; {@code dim} for notes. */
    public record SignalLine(String text, Optional<Severity> severity, boolean dim) {}
}
