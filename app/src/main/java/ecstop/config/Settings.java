package ecstop.config;

import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import ecstop.domain.Thresholds;
import ecstop.domain.rightsize.RightsizeRule;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Every setting after defaults, the user's file, the environment and the flags have been
 * merged ({@link SettingsLoader}). Immutable; empty optionals mean "let the AWS conventions
 * decide" (credential chain, region chain, AWS_ENDPOINT_URL, AWS_RETRY_MODE) or "ask" (cluster).
 * {@code profile} and {@code region} may each name several, comma-separated: see
 * {@link #profiles()}. {@code thresholds} carries the per-service rules of the config file.
 * {@code rightsize} is the right-sizing rule's percentile and headroom.
 * {@code crossAccount} groups the fleet by account, for a CloudWatch cross-account
 * observability monitoring account. {@code mouse}: the TUI takes clicks and the wheel.
 * {@code allDay}: what a session left open all day needs (governor, alerts, remembering the view).
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
        Optional<RetryPolicy> retry,
        RightsizeRule rightsize,
        boolean crossAccount,
        boolean mouse,
        AllDay allDay) {

    public static final Duration MIN_REFRESH = Duration.ofSeconds(5);

    public static final Settings DEFAULTS = new Settings(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Lookback.hours(24), Stat.MAX, Duration.ofSeconds(60), Thresholds.DEFAULT,
            false, Format.TEXT, ColourMode.AUTO, Optional.empty(), RightsizeRule.DEFAULT, false, true, AllDay.DEFAULTS);

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
        Objects.requireNonNull(rightsize);
        Objects.requireNonNull(allDay);
        if (refresh.compareTo(MIN_REFRESH) < 0) {
            throw new IllegalArgumentException("refresh below " + MIN_REFRESH + ": " + refresh);
        }
    }

    /** The profiles of a comma-separated --profile (several targets); empty for the SDK's default chain. */
    public java.util.List<String> profiles() {
        return list(profile);
    }

    /** The regions of a comma-separated --region (several targets); empty for each profile's own. */
    public java.util.List<String> regions() {
        return list(region);
    }

    private static java.util.List<String> list(Optional<String> commaSeparated) {
        return commaSeparated.map(t -> java.util.Arrays.stream(t.split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).distinct().toList()).orElse(java.util.List.of());
    }

    public Settings withCluster(String name) {
        return new Settings(profile, region, endpointUrl, Optional.of(name), lookback, stat, refresh,
                thresholds, ascii, format, colour, retry, rightsize, crossAccount, mouse, allDay);
    }

    /** The same settings for these regions (comma-separated, as --region takes them). */
    public Settings withRegion(String regions) {
        return new Settings(profile, Optional.of(regions), endpointUrl, cluster, lookback, stat, refresh,
                thresholds, ascii, format, colour, retry, rightsize, crossAccount, mouse, allDay);
    }

    public Settings withLookback(Lookback l) {
        return new Settings(profile, region, endpointUrl, cluster, l, stat, refresh,
                thresholds, ascii, format, colour, retry, rightsize, crossAccount, mouse, allDay);
    }

    public Settings withStat(Stat s) {
        return new Settings(profile, region, endpointUrl, cluster, lookback, s, refresh,
                thresholds, ascii, format, colour, retry, rightsize, crossAccount, mouse, allDay);
    }
}
