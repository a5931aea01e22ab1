package ecstop.cli;

import ecstop.domain.Periods;
import ecstop.domain.rightsize.AxisSizing;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.Recommendation;
import ecstop.domain.rightsize.RightsizeTable;
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
        String pct = t.rule().percentileLabel();
        sb.append(SafeText.safe(t.cluster())).append(" · right-sizing · lookback ").append(label(t.lookback()))
                .append(" · ").append(Periods.describe(t.period())).append(" maxima, ")
                .append(ceilDiv(t.lookback().getSeconds(), t.period().getSeconds())).append(" periods\n");
        sb.append(t.rule().describe()).append('\n');
        sb.append("dollars: Fargate on-demand for the running tasks, a month being ").append(FargatePrices.HOURS_PER_MONTH)
                .append(" hours; prices from ").append(t.prices().map(FargatePrices::describe).orElse("nowhere"))
                .append(t.prices().isEmpty() && !t.pricesNote().isEmpty() ? " (" + SafeText.safe(t.pricesNote()) + ")" : "")
                .append("; EC2 in CPU units and MiB\n");
        t.lookbackWarning().ifPresent(w -> sb.append("warning: ").append(w).append('\n'));
        warnings.forEach(w -> sb.append("warning: ").append(SafeText.safe(w)).append('\n'));
        sb.append('\n');

        List<String[]> rows = new ArrayList<>();
        String[] header = HEADER.clone();
        header[5] = pct;
        header[9] = pct;
        rows.add(header);
        for (Recommendation r : t.rows()) {
            rows.add(new String[] {SafeText.safe(r.service()), r.platform().name(), Integer.toString(r.runningTasks()),
                units(r.cpu().reserved()), percent(r.cpu().peak()), percent(r.cpu().percentile()), target(r.cpu()),
                units(r.memory().reserved()), percent(r.memory().peak()), percent(r.memory().percentile()), target(r.memory()),
                dollars(r), r.status().label()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], SafeText.width(row[c]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean left = c == 0 || c == 1 || c == row.length - 1;
                String cell = left ? SafeText.fit(row[c], widths[c]) : " ".repeat(widths[c] - SafeText.width(row[c])) + row[c];
                line.append(c == 0 ? "" : "  ").append(cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }

        RightsizeTable.Totals s = t.totals();
        sb.append('\n').append(String.format(Locale.ROOT, "total: saves $%.2f a month on %d oversized service(s)",
                s.monthlySavings(), s.byStatus().getOrDefault(Recommendation.Status.OVERSIZED, 0)));
        sb.append(String.format(Locale.ROOT, "; growing %d under-provisioned and %d tight service(s) costs $%.2f a month (never offset against the savings)",
                s.byStatus().getOrDefault(Recommendation.Status.UNDER_PROVISIONED, 0),
                s.byStatus().getOrDefault(Recommendation.Status.GROW, 0), s.monthlyToGrow()));
        sb.append(String.format(Locale.ROOT, "; EC2 capacity freed %d CPU units and %d MiB, needed %d CPU units and %d MiB%n",
                s.ec2CpuFreed(), s.ec2MemoryFreed(), s.ec2CpuNeeded(), s.ec2MemoryNeeded()));

        boolean header2 = false;
        for (Recommendation r : t.rows()) {
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
            sb.append("  ").append(SafeText.safe(r.service())).append(": ").append(SafeText.safe(String.join("; ", notes))).append('\n');
        }
        return sb.toString();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static String label(java.time.Duration d) {
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
