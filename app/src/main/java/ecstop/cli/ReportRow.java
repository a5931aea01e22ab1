package ecstop.cli;

import ecstop.domain.Metric;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** One service as every --once format reports it: its bar figures and, when fetched, its task counts. */
record ReportRow(String name, OptionalDouble cpu, OptionalDouble memory, Optional<ServiceInfo> info) {

    /** The snapshot's services, by name. */
    static List<ReportRow> of(Snapshot s) {
        List<ReportRow> rows = new ArrayList<>();
        for (ServiceUsage u : s.services()) {
            rows.add(new ReportRow(u.name(), u.value(Metric.CPU, s.stat()), u.value(Metric.MEMORY, s.stat()),
                    s.info().map(info -> info.get(u.ref()))));
        }
        rows.sort(Comparator.comparing(ReportRow::name));
        return rows;
    }

    OptionalDouble value(Metric m) {
        return m == Metric.CPU ? cpu : memory;
    }

    /** Highest first, "no data" last, ties by name: the order of a chart. */
    static Comparator<ReportRow> byValueDescending(Metric m) {
        return Comparator.<ReportRow>comparingInt(r -> r.value(m).isPresent() ? 0 : 1)
                .thenComparing(r -> -r.value(m).orElse(0))
                .thenComparing(ReportRow::name);
    }
}
