package ecstop.aws;

import ecstop.config.RetryPolicy;
import ecstop.config.Settings;
import java.net.URI;
import java.util.Optional;

/**
 * Which AWS to talk to and as whom, without a single SDK type, so building one costs no
 * class loading. {@code dummyCredentials} is for the local emulator, which checks no
 * signature but still needs a signed request. {@code retry} is ecs-top's own retry-mode
 * setting; without one the AWS conventions decide (see RetryChoice).
 */
public record AwsTarget(
        Optional<String> profile,
        Optional<String> region,
        Optional<URI> endpoint,
        boolean dummyCredentials,
        Optional<RetryPolicy> retry) {

    /** The region the emulator and the demo sign for. */
    public static final String EMULATOR_REGION = "us-east-1";

    /** The first target the settings name (all of them: {@link Targets#of(Settings)}). */
    public static AwsTarget from(Settings s) {
        return Targets.of(s).get(0);
    }

    /** A local endpoint (the emulator) with static dummy credentials and a fixed region. */
    public static AwsTarget emulator(URI endpoint) {
        return emulator(endpoint, EMULATOR_REGION);
    }

    /** As {@link #emulator(URI)}, signing for {@code region} (the emulator serves a fleet per region). */
    public static AwsTarget emulator(URI endpoint, String region) {
        return emulator(endpoint, Optional.empty(), region);
    }

    /**
     * As {@link #emulator(URI, String)}, named after {@code profile}: the demo's targets. The
     * profile only names the target; the emulator's dummy keys sign, and the user's AWS files
     * are not read.
     */
    public static AwsTarget emulator(URI endpoint, Optional<String> profile, String region) {
        return new AwsTarget(profile, Optional.of(region), Optional.of(endpoint), true,
                Optional.of(RetryPolicy.STANDARD));
    }
}
