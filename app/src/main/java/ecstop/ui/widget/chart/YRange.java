package ecstop.ui.widget.chart;

import ecstop.domain.Bars;

/** The values the chart's height spans; values above {@code max} clip with a marker. */
public record YRange(double min, double max) {
    /** 0–110%, the scale of the bars: CloudWatch's utilisation passes 100%. */
    public static final YRange PERCENT = new YRange(0, Bars.SCALE);

    public YRange {
        if (!(max > min)) {
            throw new IllegalArgumentException("need min < max, got " + min + ".." + max);
        }
    }

    /** Where {@code v} sits, 0 at {@code min} and 1 at {@code max} (beyond for values outside). */
    double fraction(double v) {
        return (v - min) / (max - min);
    }
}
