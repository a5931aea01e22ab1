package ecstop.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where CloudWatch Metrics Insights cut the fleet short, per metric: {@code capped} metrics
 * came back as their busiest 500 services only (the rest exist but are not shown, so a
 * service missing from one metric's list is not "no data"); {@code sampled} metrics were
 * computed from the first 10,000 series CloudWatch found, so even the top may be missing
 * some; {@code windowCut} means CloudWatch served less than the lookback.
 */
public record FleetLimits(Set<Metric> capped, Set<Metric> sampled, boolean windowCut) {
    public static final FleetLimits NONE = new FleetLimits(Set.of(), Set.of(), false);
    public static final int RETURNED = 500;
    public static final int PROCESSED = 10_000;

    public FleetLimits {
        capped = capped.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capped));
        sampled = sampled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sampled));
    }

    public boolean truncated() {
        return !capped.isEmpty() || !sampled.isEmpty() || windowCut;
    }

    public FleetLimits plus(FleetLimits o) {
        Set<Metric> c = EnumSet.noneOf(Metric.class);
        c.addAll(capped);
        c.addAll(o.capped);
        Set<Metric> s = EnumSet.noneOf(Metric.class);
        s.addAll(sampled);
        s.addAll(o.sampled);
        return new FleetLimits(c, s, windowCut || o.windowCut);
    }

    /** One line for the status bar or stderr; empty when nothing was cut. */
    public String line() {
        StringBuilder sb = new StringBuilder();
        if (!capped.isEmpty()) {
            sb.append("fleet larger than ").append(RETURNED).append(" services: showing the busiest ").append(RETURNED)
                    .append(" by ").append(names(capped));
        }
        if (!sampled.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : "; ").append("over ").append(String.format(Locale.ROOT, "%,d", PROCESSED))
                    .append(" series: CloudWatch ranked the first ").append(String.format(Locale.ROOT, "%,d", PROCESSED))
                    .append(" it found (").append(names(sampled)).append(")");
        }
        if (windowCut) {
            sb.append(sb.length() == 0 ? "" : "; ").append("CloudWatch served the last two weeks only");
        }
        return sb.toString();
    }

    private static String names(Set<Metric> metrics) {
        return metrics.stream().sorted().map(Metric::label).collect(Collectors.joining(" and "));
    }
}
