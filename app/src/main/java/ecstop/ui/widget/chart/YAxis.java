package ecstop.ui.widget.chart;

import ecstop.domain.Thresholds;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels beside the chart: round values ("0%", "50%", "100%") at the finest step that
 * leaves a blank row between labels and gives at most six, on the rows that hold them.
 */
public final class YAxis {
    /** A label and its row, 0 at the top of the plot. */
    public record Tick(int row, String label) {}

    /** More labels than this is reading, not glancing. */
    private static final int MOST = 6;
    private static final double[] STEPS = {10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000};

    private YAxis() {}

    public static List<Tick> ticks(YRange y, int height) {
        for (double step : STEPS) {
            List<Tick> out = new ArrayList<>();
            int previous = Integer.MIN_VALUE;
            boolean fits = true;
            for (double v = Math.ceil(y.min() / step) * step; v <= y.max(); v += step) {
                int row = row(y, v, height);
                if (previous != Integer.MIN_VALUE && previous - row < 2) {
                    fits = false;
                    break;
                }
                out.add(new Tick(row, Thresholds.percent(v)));
                previous = row;
            }
            if (fits && out.size() >= 2 && out.size() <= MOST) {
                return out;
            }
        }
        return List.of();
    }

    /** The plot row (0 at the top) whose band of values holds {@code v}; clamped. */
    public static int row(YRange y, double v, int height) {
        int fromBottom = (int) Math.floor(y.fraction(v) * height);
        return height - 1 - Math.max(0, Math.min(height - 1, fromBottom));
    }
}
