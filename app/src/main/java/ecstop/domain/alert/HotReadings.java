package ecstop.domain.alert;

import ecstop.domain.Metric;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The hot-threshold triggers of a snapshot: for each service and metric, the newest period's
 * value of the statistic on screen (not the window's peak, which stays hot for a whole
 * lookback after one burst) against the service's own thresholds. FIRING from hot; CLEAR
 * only below {@link #rearmLevel}; between the two, HOLDING. No data gives no reading.
 */
public final class HotReadings {
    /** The least gap between firing and re-arming, in percentage points, when warn sits close to hot. */
    static final double MIN_BAND = 5;

    private HotReadings() {}

    public static List<Reading> of(Snapshot snap, Thresholds thresholds) {
        List<Reading> out = new ArrayList<>(snap.services().size() * 2);
        for (ServiceUsage u : snap.services()) {
            add(out, u, Metric.CPU, Trigger.CPU_HOT, snap, thresholds);
            add(out, u, Metric.MEMORY, Trigger.MEMORY_HOT, snap, thresholds);
        }
        return out;
    }

    /** Below this a fired trigger re-arms: the warn threshold, and at least {@link #MIN_BAND} under hot. */
    public static double rearmLevel(Thresholds t) {
        return Math.min(t.warn(), t.hot() - MIN_BAND);
    }

    private static void add(List<Reading> out, ServiceUsage u, Metric metric, Trigger trigger, Snapshot snap,
                            Thresholds thresholds) {
        OptionalDouble now = u.series(metric, snap.stat()).last();
        if (now.isEmpty()) {
            return;
        }
        Thresholds t = thresholds.of(metric, u.name());
        double v = now.getAsDouble();
        Reading.Condition c = v >= t.hot() ? Reading.Condition.FIRING
                : v < rearmLevel(t) ? Reading.Condition.CLEAR : Reading.Condition.HOLDING;
        // formatted only where a notification may say it: thousands of String.format calls a refresh cost the UI thread
        out.add(new Reading(u.ref(), trigger, c, c == Reading.Condition.FIRING ? String.format(Locale.ROOT, "%.1f%%", v) : ""));
    }
}
