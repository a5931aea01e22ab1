package ecstop.aws;

import ecstop.config.RetryPolicy;
import io.vavr.control.Either;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The SDK's retry mode and attempts, by the AWS CLI's conventions: AWS_RETRY_MODE over the
 * profile's retry_mode, AWS_MAX_ATTEMPTS over its max_attempts; ecs-top's own retry-mode
 * setting, when the user made one, over both. Standard mode when nothing says otherwise.
 */
record RetryChoice(RetryMode mode, OptionalInt maxAttempts) {

    /**
     * @param own     ecs-top's retry-mode setting (config file, ECS_TOP_RETRY_MODE), if set
     * @param profile a property of the profile in use, e.g. "retry_mode"
     */
    static Either<String, RetryChoice> resolve(Optional<RetryPolicy> own, Map<String, String> env,
                                               Function<String, Optional<String>> profile, String profileName) {
        Either<String, RetryMode> mode = own.<Either<String, RetryMode>>map(p -> Either.right(
                        p == RetryPolicy.ADAPTIVE ? RetryMode.ADAPTIVE_V2 : RetryMode.STANDARD))
                .or(() -> value(env.get("AWS_RETRY_MODE")).map(v -> mode(v, "AWS_RETRY_MODE", "")))
                .or(() -> profile.apply("retry_mode").flatMap(RetryChoice::value)
                        .map(v -> mode(v, "retry_mode", " in profile '" + profileName + "'")))
                .orElse(Either.right(RetryMode.STANDARD));
        Either<String, OptionalInt> attempts = value(env.get("AWS_MAX_ATTEMPTS")).map(v -> attempts(v, "AWS_MAX_ATTEMPTS", ""))
                .or(() -> profile.apply("max_attempts").flatMap(RetryChoice::value)
                        .map(v -> attempts(v, "max_attempts", " in profile '" + profileName + "'")))
                .orElse(Either.right(OptionalInt.empty()));
        return mode.flatMap(m -> attempts.map(a -> new RetryChoice(m, a)));
    }

    RetryStrategy strategy() {
        RetryStrategy base = AwsRetryStrategy.forRetryMode(mode);
        return maxAttempts.isPresent() ? base.toBuilder().maxAttempts(maxAttempts.getAsInt()).build() : base;
    }

    private static Either<String, RetryMode> mode(String value, String name, String where) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "standard" -> Either.right(RetryMode.STANDARD);
            case "adaptive" -> Either.right(RetryMode.ADAPTIVE_V2);
            case "legacy" -> Either.right(RetryMode.LEGACY);
            default -> Either.left(name + " '" + Failures.oneLine(value) + "'" + where
                    + " is not a retry mode; use standard, adaptive or legacy");
        };
    }

    private static Either<String, OptionalInt> attempts(String value, String name, String where) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return Either.right(OptionalInt.of(n));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Either.left(name + " '" + Failures.oneLine(value) + "'" + where
                + " is not a number of attempts; use a whole number from 1 (1: no retries)");
    }

    private static Optional<String> value(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }
}
