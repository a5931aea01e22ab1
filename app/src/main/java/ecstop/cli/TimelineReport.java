package ecstop.cli;

import ecstop.domain.CallStats;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.ServiceRef;
import ecstop.domain.Thresholds;
import ecstop.domain.timeline.Markers;
import ecstop.domain.timeline.ServiceSeries;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What {@code --once --view timeline} prints, read and worked out: the service's series at
 * the chart's period, its markers (those before the window too: the answer may name one), the answer line for each metric and the
 * most urgent of them ({@code headline}), reads that failed without stopping it
 * ({@code warnings}: the markers they would have given are missing) and what it all cost.
 */
record TimelineReport(ServiceRef service, Lookback lookback, Instant now, ZoneId zone, ServiceSeries series,
                      Map<Metric, Thresholds> thresholds, Markers markers, Map<Metric, String> answers, Metric headline,
                      List<String> warnings, CallStats calls) {
    TimelineReport {
        thresholds = Map.copyOf(thresholds);
        answers = Map.copyOf(answers);
        warnings = List.copyOf(warnings);
    }

    /** The answer lines, the most urgent first. */
    List<String> answerLines() {
        Metric other = headline == Metric.MEMORY ? Metric.CPU : Metric.MEMORY;
        return List.of(answers.get(headline), answers.get(other));
    }
}
