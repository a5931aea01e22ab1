package ecstop.domain;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars in eighths of a cell on a 0–110% scale (CloudWatch values pass 100%),
 * and sparklines. Pure text; the UI adds colour.
 */
public final class Bars {
    public static final double SCALE = 110.0;
    private static final String EIGHTHS = " ▏▎▍▌▋▊▉█";
    private static final String SPARKS = "▁▂▃▄▅▆▇█";
    private static final String ASCII_SPARKS = "_.-=+*#@";

    private Bars() {}

    /** A bar {@code width} cells wide for {@code value} percent; values past 110% fill it. */
    public static String bar(double value, int width, boolean ascii) {
        if (width <= 0 || Double.isNaN(value)) {
            return "";
        }
        double clamped = Math.max(0, Math.min(SCALE, value));
        long eighths = Math.round(clamped / SCALE * width * 8);
        int full = (int) (eighths / 8);
        int rest = (int) (eighths % 8);
        StringBuilder sb = new StringBuilder(width);
        sb.append((ascii ? "#" : "█").repeat(full));
        if (rest > 0) {
            sb.append(ascii ? (rest >= 4 ? '=' : '-') : EIGHTHS.charAt(rest));
        }
        return sb.toString();
    }

    /**
     * A sparkline {@code width} cells wide. When there are more points than cells, each cell
     * shows the largest point that falls in it, so a spike is never averaged away.
     * Scaled to 0..max(100, largest value).
     */
    public static String sparkline(List<Point> points, int width, boolean ascii) {
        if (width <= 0 || points.isEmpty()) {
            return "";
        }
        String glyphs = ascii ? ASCII_SPARKS : SPARKS;
        int cells = Math.min(width, points.size());
        double[] cell = new double[cells];
        java.util.Arrays.fill(cell, Double.NEGATIVE_INFINITY);
        double top = 100;
        for (int i = 0; i < points.size(); i++) {
            int c = (int) ((long) i * cells / points.size());
            double v = Math.max(0, points.get(i).value());
            cell[c] = Math.max(cell[c], v);
            top = Math.max(top, v);
        }
        StringBuilder sb = new StringBuilder(cells);
        for (double v : cell) {
            int idx = (int) Math.min(glyphs.length() - 1, Math.floor(v / top * glyphs.length()));
            sb.append(glyphs.charAt(Math.max(0, idx)));
        }
        return sb.toString();
    }

    /** One decimal, as the original script printed: "98.2%". Locale-proof. */
    public static String percent(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
