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

    public static AwsTarget from(Settings s) {
        return new AwsTarget(s.profile(), s.region(), s.endpointUrl().map(URI::create), false, s.retry());
    }

    /** A local endpoint (the emulator) with static dummy credentials and a fixed region. */
    public static AwsTarget emulator(URI endpoint) {
        return new AwsTarget(Optional.empty(), Optional.of(EMULATOR_REGION), Optional.of(endpoint), true,
                Optional.of(RetryPolicy.STANDARD));
    }
}
