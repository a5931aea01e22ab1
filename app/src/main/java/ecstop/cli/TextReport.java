package ecstop.cli;

import ecstop.domain.Bars;
import ecstop.domain.Metric;
import ecstop.domain.Prefixes;
import ecstop.domain.Snapshot;
import ecstop.domain.Thresholds;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The original script's output, done right: a CPU and a Memory chart of the services'
 * figure over the lookback, highest first, "no data" rows last, shared name prefix
 * stripped, red from the hot threshold only when {@code colour} (stdout is a terminal).
 */
final class TextReport {
    static final int BAR_WIDTH = 40;
    static final int MAX_NAME = 40;
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private TextReport() {}

    static String render(Snapshot s, Thresholds thresholds, boolean ascii, boolean colour) {
        return render(OnceReport.of(s), thresholds, ascii, colour);
    }

    /** The charts, then, when signals were read, one line per signal worst first. */
    static String render(OnceReport report, Thresholds thresholds, boolean ascii, boolean colour) {
        Snapshot s = report.snapshot();
        List<ReportRow> rows = ReportRow.of(s);
        String prefix = Prefixes.common(rows.stream().map(ReportRow::name).collect(Collectors.toList()));
        int width = Math.min(MAX_NAME, rows.stream()
                .mapToInt(r -> SafeText.width(SafeText.safe(Prefixes.strip(r.name(), prefix)))).max().orElse(0));
        StringBuilder sb = new StringBuilder();
        for (Metric m : Metric.values()) {
            if (m != Metric.CPU) {
                sb.append('\n');
            }
            sb.append(title(s, m, prefix)).append('\n');
            if (rows.isEmpty()) {
                sb.append("(no services)\n");
            }
            rows.stream().sorted(ReportRow.byValueDescending(m)).forEach(r -> {
                sb.append(SafeText.fit(SafeText.safe(Prefixes.strip(r.name(), prefix)), width)).append(' ');
                OptionalDouble v = r.value(m);
                if (v.isEmpty()) {
                    sb.append("no data");
                } else {
                    String figure = String.format(Locale.ROOT, "%7s", Bars.percent(v.getAsDouble()));
                    String bar = Bars.bar(v.getAsDouble(), BAR_WIDTH, ascii);
                    boolean hot = colour && v.getAsDouble() >= thresholds.hot();
                    sb.append(hot ? RED : "").append(figure).append(' ').append(bar).append(hot ? RESET : "");
                }
                sb.append('\n');
            });
        }
        if (report.signalsRead()) {
            sb.append('\n').append(SignalText.render(report, rows.stream().map(ReportRow::name).toList(), prefix, width, colour));
        }
        sb.append('\n').append(footer(report, rows.size())).append('\n');
        return sb.toString();
    }

    /** "CPU · storage-prod · storage-prod_ · peak 24h"; the prefix part only when there is one. */
    static String title(Snapshot s, Metric m, String prefix) {
        return m.label() + " · " + SafeText.safe(s.scope().name()) + (prefix.isEmpty() ? "" : " · " + SafeText.safe(prefix))
                + " · " + s.stat().label() + " " + s.lookback().label();
    }

    private static String footer(OnceReport r, int services) {
        return String.format(Locale.ROOT, "%d services · %d AWS calls · %d metrics requested (~$%.4f)",
                services, r.stats().totalCalls(), r.stats().metricsRequested(), r.stats().estimatedCostUsd());
    }
}
