package ecstop.cli;

import ecstop.domain.Periods;
import ecstop.domain.rightsize.AxisSizing;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.Recommendation;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.domain.rightsize.RightsizeTable;
import ecstop.domain.rightsize.ScopeRightsize;
import ecstop.domain.TargetLabels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The right-sizing table for people: the rule first, then per service what it reserves,
 * its peak and percentile in percent of that, what the rule recommends, and the monthly
 * difference in dollars for its running tasks (Fargate); the totals; and each service's
 * notes. CPU in CPU units (1,024 a vCPU), memory in MiB.
 */
final class RightsizeText {
    private static final String[] HEADER = {"service", "launch", "tasks", "CPU", "peak", "pNN", "→ CPU", "mem", "peak", "pNN",
        "→ mem", "$/month", "status"};

    private RightsizeText() {}

    static String render(RightsizeTable t, List<String> warnings) {
        StringBuilder sb = new StringBuilder();
        head(sb, t.cluster(), t.rule(), t.lookback(), t.period(), t.prices().map(FargatePrices::describe).orElse("nowhere")
                + (t.prices().isEmpty() && !t.pricesNote().isEmpty() ? " (" + SafeText.safe(t.pricesNote()) + ")" : ""));
        t.lookbackWarning().ifPresent(w -> sb.append("warning: ").append(w).append('\n'));
        warnings.forEach(w -> sb.append("warning: ").append(SafeText.safe(w)).append('\n'));
        sb.append('\n');
        body(sb, t.rule(), t.rows().stream().map(r -> new Line("", r)).toList(), false, t.totals());
        return sb.toString();
    }

    /**
     * The fleet's table: the same columns after one naming each row's cluster (and its profile,
     * region or account where those tell rows apart), every cluster's rows in one list, most
     * saved first, and the totals over all of them.
     */
    static String render(ScopeRightsize s) {
        StringBuilder sb = new StringBuilder();
        head(sb, "all clusters", s.rule(), s.lookback(), s.period(),
                s.priceSources().isEmpty() ? "nowhere" : SafeText.safe(String.join("; ", s.priceSources())));
        sb.append(String.format(Locale.ROOT, "%d cluster(s) sized", s.parts().size()));
        if (!s.failed().isEmpty() || !s.failedTargets().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "; %d cluster(s) and %d profile/region(s) could not be read (warnings below)",
                    s.failed().size(), s.failedTargets().size()));
        }
        sb.append('\n');
        s.lookbackWarning().ifPresent(w -> sb.append("warning: ").append(w).append('\n'));
        s.warnings().forEach(w -> sb.append("warning: ").append(SafeText.safe(w)).append('\n'));
        sb.append('\n');
        TargetLabels labels = labels(s);
        body(sb, s.rule(), s.rows().stream().map(r -> new Line(labels.label(r.cluster(), " · "), r.recommendation())).toList(),
                true, s.totals());
        return sb.toString();
    }

    /** Which parts of the targets tell the fleet's rows apart. */
    static TargetLabels labels(ScopeRightsize s) {
        return TargetLabels.of(s.parts().stream().map(p -> p.cluster().target()).toList());
    }

    /** A row of the table: the cluster's label (empty for one cluster's table) and the recommendation. */
    private record Line(String cluster, Recommendation r) {
        String name() {
            return cluster.isEmpty() ? r.service() : cluster + " · " + r.service();
        }
    }

    private static void head(StringBuilder sb, String scope, RightsizeRule rule, Duration lookback, Duration period,
                             String prices) {
        sb.append(SafeText.safe(scope)).append(" · right-sizing · lookback ").append(label(lookback))
                .append(" · ").append(Periods.describe(period)).append(" maxima, ")
                .append(ceilDiv(lookback.getSeconds(), period.getSeconds())).append(" periods\n");
        sb.append(rule.describe()).append('\n');
        sb.append("dollars: Fargate on-demand for the running tasks, a month being ").append(FargatePrices.HOURS_PER_MONTH)
                .append(" hours; prices from ").append(prices).append("; EC2 in CPU units and MiB\n");
    }

    /** The rows in columns, the totals, and each row's notes. */
    private static void body(StringBuilder sb, RightsizeRule rule, List<Line> lines, boolean withCluster,
                             RightsizeTable.Totals s) {
        String pct = rule.percentileLabel();
        int first = withCluster ? 1 : 0;
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[HEADER.length + first];
        if (withCluster) {
            header[0] = "cluster";
        }
        System.arraycopy(HEADER, 0, header, first, HEADER.length);
        header[first + 5] = pct;
        header[first + 9] = pct;
        rows.add(header);
        for (Line l : lines) {
            Recommendation r = l.r();
            String[] cells = {SafeText.safe(r.service()), r.platform().name(), Integer.toString(r.runningTasks()),
                units(r.cpu().reserved()), percent(r.cpu().peak()), percent(r.cpu().percentile()), target(r.cpu()),
                units(r.memory().reserved()), percent(r.memory().peak()), percent(r.memory().percentile()), target(r.memory()),
                dollars(r), r.status().label()};
            String[] row = new String[cells.length + first];
            if (withCluster) {
                row[0] = SafeText.safe(l.cluster());
            }
            System.arraycopy(cells, 0, row, first, cells.length);
            rows.add(row);
        }
        int[] widths = new int[header.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], SafeText.width(row[c]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean left = c <= first + 1 || c == row.length - 1;
                String cell = left ? SafeText.fit(row[c], widths[c]) : " ".repeat(widths[c] - SafeText.width(row[c])) + row[c];
                line.append(c == 0 ? "" : "  ").append(cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }

        sb.append('\n').append(String.format(Locale.ROOT, "total: saves $%.2f a month on %d oversized service(s)",
                s.monthlySavings(), s.byStatus().getOrDefault(Recommendation.Status.OVERSIZED, 0)));
        sb.append(String.format(Locale.ROOT, "; growing %d under-provisioned and %d tight service(s) costs $%.2f a month (never offset against the savings)",
                s.byStatus().getOrDefault(Recommendation.Status.UNDER_PROVISIONED, 0),
                s.byStatus().getOrDefault(Recommendation.Status.GROW, 0), s.monthlyToGrow()));
        sb.append(String.format(Locale.ROOT, "; EC2 capacity freed %d CPU units and %d MiB, needed %d CPU units and %d MiB%n",
                s.ec2CpuFreed(), s.ec2MemoryFreed(), s.ec2CpuNeeded(), s.ec2MemoryNeeded()));

        boolean header2 = false;
        for (Line l : lines) {
            Recommendation r = l.r();
            List<String> notes = new ArrayList<>(r.notes());
            r.cpu().underProvisioned().forEach(w -> notes.add("CPU: " + w));
            r.memory().underProvisioned().forEach(w -> notes.add("memory: " + w));
            if (notes.isEmpty()) {
                continue;
            }
            if (!header2) {
                sb.append("\nnotes:\n");
                header2 = true;
            }
            sb.append("  ").append(SafeText.safe(l.name())).append(": ").append(SafeText.safe(String.join("; ", notes))).append('\n');
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static String label(Duration d) {
        return new ecstop.domain.Lookback(d).label();
    }

    private static String units(OptionalInt v) {
        return v.isPresent() ? Integer.toString(v.getAsInt()) : "—";
    }

    private static String percent(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f%%", v.getAsDouble()) : "no data";
    }

    /** The recommended size, or "keep" when it is the reserved one, "—" when there is none. */
    private static String target(AxisSizing a) {
        if (a.recommended().isEmpty()) {
            return "—";
        }
        if (a.change().orElse(1) != 0) {
            return Integer.toString(a.recommended().getAsInt());
        }
        return a.trackedBy().isPresent() ? "scales" : "keep";
    }

    private static String dollars(Recommendation r) {
        return r.cost().map(c -> String.format(Locale.ROOT, "%+.2f", c.monthlyDelta())).orElse("—");
    }
}
