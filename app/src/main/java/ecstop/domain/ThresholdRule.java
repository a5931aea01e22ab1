package ecstop.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * One per-service threshold from the config ({@code threshold.cpu.hot.batch-* = 99}): for
 * services whose name matches {@code pattern} ({@code *} any run of characters, {@code ?}
 * one; otherwise the exact name), the {@code level} (WARN or HOT) of {@code metric} is
 * {@code value} percent.
 */
public record ThresholdRule(Metric metric, Level level, String pattern, double value) {
    public ThresholdRule {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(pattern, "pattern");
        if (level != Level.WARN && level != Level.HOT) {
            throw new IllegalArgumentException("a threshold is warn or hot, not " + level);
        }
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty service pattern");
        }
        if (!(value >= 0)) {
            throw new IllegalArgumentException("threshold must be 0 or more, got " + value);
        }
    }

    /** Glob match, without building a regular expression per row and frame. */
    public boolean matches(String service) {
        int p = 0;
        int s = 0;
        int star = -1;
        int resume = 0;
        while (s < service.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == service.charAt(s))) {
                p++;
                s++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = s;
            } else if (star >= 0) {
                p = star + 1;
                s = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** "cpu hot batch-* 99%", as the help lists it. */
    public String describe() {
        return metric.name().toLowerCase(Locale.ROOT) + " " + level.name().toLowerCase(Locale.ROOT) + " "
                + pattern + " " + Thresholds.percent(value);
    }
}
