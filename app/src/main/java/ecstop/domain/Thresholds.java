package ecstop.domain;

import java.util.List;
import java.util.Objects;

/**
 * Colour and alert thresholds in percent: red from {@code hot} (the original script's 95),
 * amber from {@code warn}, for every service unless a {@link ThresholdRule} names it (by
 * name or pattern, per metric). {@link #of} resolves what applies to one service.
 */
public record Thresholds(double warn, double hot, List<ThresholdRule> rules) {
    public static final Thresholds DEFAULT = new Thresholds(80, 95);

    public Thresholds {
        if (!(warn >= 0 && hot >= warn)) {
            throw new IllegalArgumentException("need 0 <= warn <= hot, got warn=" + warn + " hot=" + hot);
        }
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }

    public Thresholds(double warn, double hot) {
        this(warn, hot, List.of());
    }

    /** "80%", "99.5%": a threshold as the help writes it. */
    public static String percent(double v) {
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)) + "%";
    }

    public Thresholds withRules(List<ThresholdRule> more) {
        return new Thresholds(warn, hot, more);
    }

    /**
     * The thresholds for one service's metric: the last rule that matches it wins for each of
     * warn and hot (as in the config file, later lines win). A hot set below the warn that
     * applies pulls warn down with it, so amber never starts above red.
     */
    public Thresholds of(Metric metric, String service) {
        if (rules.isEmpty()) {
            return this;
        }
        double w = warn;
        double h = hot;
        for (ThresholdRule r : rules) {
            if (r.metric() == metric && r.matches(service)) {
                if (r.level() == Level.HOT) {
                    h = r.value();
                } else {
                    w = r.value();
                }
            }
        }
        return w == warn && h == hot ? new Thresholds(warn, hot) : new Thresholds(Math.min(w, h), h);
    }
}
