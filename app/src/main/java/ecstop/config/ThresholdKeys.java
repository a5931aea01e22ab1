package ecstop.config;

import ecstop.domain.Level;
import ecstop.domain.Metric;
import ecstop.domain.ThresholdRule;
import io.vavr.control.Either;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-service thresholds in the config file: {@code threshold.<cpu|memory>.<warn|hot>.<service
 * or pattern> = <percent>}, e.g. {@code threshold.cpu.hot.batch-* = 99}; without a pattern
 * the line applies to every service's metric. File only: a pattern does not fit a variable name.
 */
final class ThresholdKeys {
    static final String PREFIX = "threshold.";
    private static final Pattern FORM = Pattern.compile("threshold\\.(cpu|memory)\\.(warn|hot)(?:\\.(.+))?");

    private ThresholdKeys() {}

    /** Empty when {@code key} is not a threshold key; else the rule or what is wrong with it. */
    static Optional<Either<String, ThresholdRule>> parse(String key, String value) {
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(key);
        if (!m.matches()) {
            return Optional.of(Either.left("'" + SettingKey.printable(key)
                    + "' is not a threshold key; use threshold.<cpu|memory>.<warn|hot>.<service or pattern>, "
                    + "like threshold.cpu.hot.batch-* = 99"));
        }
        Metric metric = m.group(1).equals("cpu") ? Metric.CPU : Metric.MEMORY;
        Level level = m.group(2).equals("hot") ? Level.HOT : Level.WARN;
        String pattern = m.group(3) == null ? "*" : m.group(3);
        if (pattern.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(Either.left("'" + SettingKey.printable(pattern) + "' contains control characters"));
        }
        return Optional.of(SettingKey.WARN.parse(value).map(v -> new ThresholdRule(metric, level, pattern, (double) v)));
    }

    static String help() {
        return "threshold.<cpu|memory>.<warn|hot>.<service or pattern>".toLowerCase(Locale.ROOT);
    }
}
