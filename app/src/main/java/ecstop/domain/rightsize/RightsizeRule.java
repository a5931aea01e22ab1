package ecstop.domain.rightsize;

import java.time.Duration;
import java.util.Locale;

/**
 * The rule, stated once: recommended = the smallest valid size at or above the observed use
 * (the {@code percentile}-th percentile of the per-period Maximum datapoints, nearest rank)
 * times (1 + {@code headroomPercent}/100). Judged over at least {@link #MIN_LOOKBACK}; a
 * shorter window still gives a figure, with a warning.
 */
public record RightsizeRule(double percentile, double headroomPercent) {
    public static final RightsizeRule DEFAULT = new RightsizeRule(99, 20);
    /** Two weeks: both weekly cycles and a fortnightly batch show up at least once. */
    public static final Duration MIN_LOOKBACK = Duration.ofDays(14);
    public static final double MAX_HEADROOM = 1000;

    public RightsizeRule {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        if (!(headroomPercent >= 0 && headroomPercent <= MAX_HEADROOM)) {
            throw new IllegalArgumentException("headroom must be in [0, " + MAX_HEADROOM + "] percent, got " + headroomPercent);
        }
    }

    /** 1.2 for 20% headroom. */
    public double factor() {
        return 1 + headroomPercent / 100;
    }

    /** "p99", "p99.9". */
    public String percentileLabel() {
        return "p" + number(percentile);
    }

    /** The rule in one line, for the screen, the report and the README. */
    public String describe() {
        return "recommended = smallest valid size >= " + percentileLabel() + " of the per-period maxima x "
                + number(factor()) + " (" + number(headroomPercent) + "% headroom), over at least "
                + MIN_LOOKBACK.toDays() + " days";
    }

    /** A warning when the lookback is too short to trust, else empty. */
    public java.util.Optional<String> lookbackWarning(Duration lookback) {
        if (lookback.compareTo(MIN_LOOKBACK) >= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the lookback is shorter than " + MIN_LOOKBACK.toDays()
                + " days: weekly peaks may be missing; use --lookback 14d or longer");
    }

    public static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
