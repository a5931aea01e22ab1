package ecstop.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Which account view a fetch reads: a profile and a region, and the account once the
 * answers have told us. A fleet spans several; rows name only what tells them apart.
 * {@code profile} is "default" for the SDK's default chain; {@code region} is the resolved
 * region, never blank.
 */
public record Target(String profile, String region, Optional<String> account) {
    public Target {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
    }

    public static Target of(String profile, String region) {
        return new Target(profile, region, Optional.empty());
    }

    public Target withAccount(String id) {
        return new Target(profile, region, Optional.ofNullable(id));
    }

    /** "prod · eu-west-1". */
    public String label(String sep) {
        return profile + sep + region;
    }
}
