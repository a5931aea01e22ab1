package ecstop.config;

import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import ecstop.domain.Thresholds;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting after defaults, the user's file, the environment and the flags have been
 * merged ({@link SettingsLoader}). Immutable; empty optionals mean "let the AWS SDK decide"
 * (credential chain, region chain, AWS_ENDPOINT_URL) or "ask" (cluster). {@code thresholds}
 * carries the per-service rules of the config file; {@code allDay} what a session left open
 * all day needs (governor, alerts, remembering the view).
 */
public record Settings(
        Optional<String> profile,
        Optional<String> region,
        Optional<String> endpointUrl,
        Optional<String> cluster,
        Lookback lookback,
        Stat stat,
        Duration refresh,
        Thresholds thresholds,
        boolean ascii,
        Format format,
        ColourMode colour,
        RetryPolicy retry,
        AllDay allDay) {

    public static final Duration MIN_REFRESH = Duration.ofSeconds(5);

    public static final Settings DEFAULTS = new Settings(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Lookback.hours(24), Stat.MAX, Duration.ofSeconds(60), Thresholds.DEFAULT,
            false, Format.TEXT, ColourMode.AUTO, RetryPolicy.STANDARD, AllDay.DEFAULTS);

    public Settings {
        Objects.requireNonNull(profile);
        Objects.requireNonNull(region);
        Objects.requireNonNull(endpointUrl);
        Objects.requireNonNull(cluster);
        Objects.requireNonNull(lookback);
        Objects.requireNonNull(stat);
        Objects.requireNonNull(thresholds);
        Objects.requireNonNull(format);
        Objects.requireNonNull(colour);
        Objects.requireNonNull(retry);
        Objects.requireNonNull(allDay);
        if (refresh.compareTo(MIN_REFRESH) < 0) {
            throw new IllegalArgumentException("refresh below " + MIN_REFRESH + ": " + refresh);
        }
    }

    public Settings withCluster(String name) {
        return new Settings(profile, region, endpointUrl, Optional.of(name), lookback, stat, refresh,
                thresholds, ascii, format, colour, retry, allDay);
    }

    public Settings withLookback(Lookback l) {
        return new Settings(profile, region, endpointUrl, cluster, l, stat, refresh,
                thresholds, ascii, format, colour, retry, allDay);
    }

    public Settings withStat(Stat s) {
        return new Settings(profile, region, endpointUrl, cluster, lookback, s, refresh,
                thresholds, ascii, format, colour, retry, allDay);
    }
}
