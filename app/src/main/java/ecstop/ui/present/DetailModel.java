package ecstop.ui.present;

import ecstop.domain.Metric;
import ecstop.domain.Stat;
import ecstop.domain.signal.Severity;
import ecstop.ui.widget.chart.ChartSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The detail pane as it reads, top to bottom: sections, each asking for its lines and holding
 * a body. Today: the service's tasks line, a line per signal (see {@link SignalLines}), then
 * the timeline's line (its answer line, the chosen marker, or why there is none yet), its
 * chart, then the periods of the window newest first, or a message while there is nothing to
 * list. {@code service}: its name, for the thresholds that apply to it.
 */
public record DetailModel(String title, boolean focused, String service, List<Section> sections) {

    public static final List<Figure> FIGURES = List.of(
            new Figure("CPU max", Metric.CPU, Stat.MAX, false), new Figure("CPU avg", Metric.CPU, Stat.AVG, false),
            new Figure("Mem max", Metric.MEMORY, Stat.MAX, false), new Figure("Mem avg", Metric.MEMORY, Stat.AVG, false));

    public DetailModel {
        sections = List.copyOf(sections);
    }

    /** {@code lines}: how many it asks for; the last section takes what is left. {@code name}: what it is, for tests and logs. */
    public record Section(String name, int lines, Body body) {}

    /** What a section holds. */
    public sealed interface Body {}

    /** A line of text: {@code dim} for what is not known yet or a note; a signal's in its severity's colour. */
    public record Message(String text, boolean dim, Optional<Severity> severity) implements Body {
        public Message(String text, boolean dim) {
            this(text, dim, Optional.empty());
        }
    }

    /** The periods, newest first, from {@code first}: a time column and a column per figure. */
    public record Rows(List<Figure> columns, int timeWidth, List<Row> rows, int first) implements Body {
        /** The column of the figure with this metric and statistic, or -1: columns are found by what they hold, not where. */
        public int column(Metric metric, Stat stat) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).metric() == metric && columns.get(i).stat() == stat) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * Charts side by side, sharing the section's width: series over time with axes, threshold
     * lines and markers, drawn by the chart renderer.
     */
    public record Chart(List<ChartSpec> specs) implements Body {
        public Chart {
            specs = List.copyOf(specs);
        }
    }

    /** A figure column. {@code notAsked}: the statistic was not fetched yet (it comes with the next refresh). */
    public record Figure(String label, Metric metric, Stat stat, boolean notAsked) {}

    /** A period: its time as shown, and the value of each figure column. */
    public record Row(String time, List<OptionalDouble> values) {}

    /** A line about the service's signals: a signal's, in its severity's colour, or a message behind one; {@code dim} for notes. */
    public record SignalLine(String text, Optional<Severity> severity, boolean dim) {}

    /** The signal sections' lines, in order. */
    public List<SignalLine> signals() {
        return sections.stream().filter(x -> x.name().equals(SIGNAL)).map(x -> (Message) x.body())
                .map(m -> new SignalLine(m.text(), m.severity(), m.dim())).toList();
    }

    static final String TASKS = "tasks";
    static final String SIGNAL = "signal";
    static final String PERIODS = "periods";
    static final String TIMELINE = "timeline";
    static final String TIMELINE_NOTE = "timeline note";
    static final String CHART = "chart";
}
