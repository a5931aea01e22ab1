package ecstop.cli;

import ecstop.domain.rightsize.AxisSizing;
import ecstop.domain.rightsize.Recommendation;
import ecstop.domain.rightsize.RightsizeTable;
import ecstop.domain.rightsize.ScopeRightsize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The right-sizing table as RFC 4180 CSV (CRLF, quoted where needed; empty = unknown), one
 * row per service (in the fleet, after its cluster, profile and region) and a last TOTAL row with the savings, the cost of growing and the EC2
 * capacity freed (CPU units and MiB in the reservation columns' places).
 */
final class RightsizeCsv {
    static final String HEADER = "name,platform,launch_type,running_tasks,task_definition,status,"
            + "cpu_reserved,cpu_peak_pct,cpu_percentile_pct,cpu_needed,cpu_recommended,"
            + "memory_reserved,memory_peak_pct,memory_percentile_pct,memory_needed,memory_recommended,"
            + "monthly_current_usd,monthly_recommended_usd,monthly_delta_usd,monthly_savings_usd,monthly_to_grow_usd,"
            + "oom_kills,notes";

    /** The fleet's: which cluster, profile and region each row is of, then the same columns. */
    static final String FLEET_HEADER = "cluster,profile,region," + HEADER;

    private RightsizeCsv() {}

    static String render(RightsizeTable t) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (Recommendation r : t.rows()) {
            line(sb, cells(r));
        }
        line(sb, total(t.totals()));
        return sb.toString();
    }

    /** The fleet's table: the same columns after the cluster, profile and region of each row; the total over all. */
    static String render(ScopeRightsize s) {
        StringBuilder sb = new StringBuilder(FLEET_HEADER).append("\r\n");
        for (ScopeRightsize.Row row : s.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.cluster().name(), row.cluster().target().profile(),
                    row.cluster().target().region()));
            cells.addAll(cells(row.recommendation()));
            line(sb, cells);
        }
        List<String> total = new ArrayList<>(List.of("TOTAL", "", ""));
        List<String> figures = total(s.totals());
        figures.set(0, "");
        total.addAll(figures);
        line(sb, total);
        return sb.toString();
    }

    private static List<String> cells(Recommendation r) {
        List<String> cells = new ArrayList<>(List.of(r.service(), r.platform().name(), r.launchType(),
                Integer.toString(r.runningTasks()), r.taskDefinition().map(td -> td.arn()).orElse(""), r.status().label()));
        axis(cells, r.cpu());
        axis(cells, r.memory());
        cells.add(r.cost().map(c -> number(c.currentMonthlyPerTask() * r.runningTasks())).orElse(""));
        cells.add(r.cost().map(c -> number(c.recommendedMonthlyPerTask() * r.runningTasks())).orElse(""));
        cells.add(r.cost().map(c -> number(c.monthlyDelta())).orElse(""));
        cells.add(number(r.monthlySavings()));
        boolean grows = r.status() == Recommendation.Status.UNDER_PROVISIONED || r.status() == Recommendation.Status.GROW;
        cells.add(grows ? r.cost().map(c -> number(Math.max(0, c.monthlyDelta()))).orElse("") : "");
        cells.add(r.oomKills().isPresent() ? Integer.toString(r.oomKills().getAsInt()) : "");
        cells.add(String.join("; ", r.notes()));
        return cells;
    }

    private static List<String> total(RightsizeTable.Totals s) {
        List<String> total = new ArrayList<>(List.of("TOTAL", "", "", "", "", ""));
        total.addAll(List.of("", "", "", "", "-" + s.ec2CpuFreed() + " +" + s.ec2CpuNeeded()));
        total.addAll(List.of("", "", "", "", "-" + s.ec2MemoryFreed() + " +" + s.ec2MemoryNeeded()));
        total.addAll(List.of("", "", "", number(s.monthlySavings()), number(s.monthlyToGrow()), "",
                "EC2 recommended columns: capacity freed (-) and needed (+) over all running tasks"));
        return total;
    }

    private static void axis(List<String> cells, AxisSizing a) {
        cells.add(integer(a.reserved()));
        cells.add(number(a.peak()));
        cells.add(number(a.percentile()));
        cells.add(number(a.needed()));
        cells.add(integer(a.recommended()));
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            sb.append(c == 0 ? "" : ",").append(CsvReport.quote(SafeText.safe(cells.get(c))));
        }
        sb.append("\r\n");
    }

    private static String integer(OptionalInt v) {
        return v.isPresent() ? Integer.toString(v.getAsInt()) : "";
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? number(v.getAsDouble()) : "";
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }
}
