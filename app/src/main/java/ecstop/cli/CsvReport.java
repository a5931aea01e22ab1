package ecstop.cli;

import ecstop.domain.ServiceInfo;
import ecstop.domain.Snapshot;
import java.math.BigDecimal;
import java.util.List;
import java.util.OptionalDouble;

/** The same data as the charts as RFC 4180 CSV: a header, CRLF line ends, quoted where needed; empty = no data. */
final class CsvReport {
    static final String HEADER = "name,cpu,memory,running,desired,pending,launch_type,task_definition,rollout_state,signals";

    private CsvReport() {}

    static String render(Snapshot s) {
        return render(OnceReport.of(s));
    }

    /** {@code signals}: "kind:severity:count" worst first, ";"-separated, e.g. "oom:crit:7;short:warn:1"; empty when none or not read. */
    static String render(OnceReport report) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (ReportRow r : ReportRow.of(report.snapshot())) {
            ServiceInfo i = r.info().orElse(null);
            List<String> cells = List.of(
                    r.name(), number(r.cpu()), number(r.memory()),
                    i == null ? "" : Integer.toString(i.running()),
                    i == null ? "" : Integer.toString(i.desired()),
                    i == null ? "" : Integer.toString(i.pending()),
                    i == null ? "" : i.launchType(),
                    i == null ? "" : i.taskDefinitionShort(),
                    i == null ? "" : i.rolloutState(),
                    report.signals().of(r.name()).stream()
                            .map(g -> g.kind().key() + ":" + g.severity().key() + ":" + g.count())
                            .collect(java.util.stream.Collectors.joining(";")));
            for (int c = 0; c < cells.size(); c++) {
                sb.append(c == 0 ? "" : ",").append(quote(SafeText.safe(cells.get(c))));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\r") || cell.contains("\n")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    static String number(OptionalDouble v) {
        return v.isPresent() ? BigDecimal.valueOf(v.getAsDouble()).toPlainString() : "";
    }
}
