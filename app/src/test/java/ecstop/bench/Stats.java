package ecstop.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Small helpers for the benchmark tables: percentiles, formatting, the target column. */
final class Stats {
    private Stats() {}

    /** The p-th percentile (0..100) of the values, nearest rank. */
    static double percentile(double[] values, double p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    static String met(boolean ok) {
        return ok ? "yes" : "**NO**";
    }

    /** One row of a figures table: what, measured, target, met. */
    static String[] row(String what, String measured, String target, boolean ok) {
        return new String[] {what, measured, target, met(ok)};
    }

    static final String[] HEADER = {"figure", "measured", "target", "met"};

    static String table(List<String[]> rows) {
        return BenchReport.table(HEADER, rows);
    }
}
