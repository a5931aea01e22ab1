package ecstop.ui.widget;

import ecstop.domain.Bars;
import java.util.Locale;
import java.util.OptionalDouble;

/** Percentages in a fixed seven columns, whatever CloudWatch sends: 98.2%, 10000%, -3.0%. */
public final class Figures {
    public static final int WIDTH = 7;

    private Figures() {}

    public static String percent(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "—";
        }
        if (v > -100 && v < 1000) {
            return Bars.percent(v);
        }
        if (v >= 1000 && v < 100_000) {
            return String.format(Locale.ROOT, "%.0f%%", v);
        }
        return v < 0 ? "<-99%" : ">99999%";
    }

    public static String percent(OptionalDouble v, String none) {
        return v.isPresent() ? percent(v.getAsDouble()) : none;
    }
}
