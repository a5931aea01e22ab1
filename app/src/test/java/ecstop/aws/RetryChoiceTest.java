package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.config.RetryPolicy;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.RetryMode;

/** Retry mode and attempts by the AWS CLI's precedence, with ecs-top's own setting on top. */
class RetryChoiceTest {
    private static RetryChoice resolve(Optional<RetryPolicy> own, Map<String, String> env, Map<String, String> profile) {
        return RetryChoice.resolve(own, env, k -> Optional.ofNullable(profile.get(k)), "dev").get();
    }

    @Test
    void nothingSetIsStandardWithItsOwnAttempts() {
        RetryChoice c = resolve(Optional.empty(), Map.of(), Map.of());
        assertThat(c).isEqualTo(new RetryChoice(RetryMode.STANDARD, OptionalInt.empty()));
        assertThat(c.strategy().maxAttempts()).isEqualTo(3);
    }

    @Test
    void theEnvironmentBeatsTheProfileAndEcsTopsOwnSettingBeatsBothForTheMode() {
        Map<String, String> profile = Map.of("retry_mode", "legacy", "max_attempts", "7");
        assertThat(resolve(Optional.empty(), Map.of(), profile))
                .isEqualTo(new RetryChoice(RetryMode.LEGACY, OptionalInt.of(7)));
        assertThat(resolve(Optional.empty(), Map.of("AWS_RETRY_MODE", "Adaptive", "AWS_MAX_ATTEMPTS", "2"), profile))
                .isEqualTo(new RetryChoice(RetryMode.ADAPTIVE_V2, OptionalInt.of(2)));
        assertThat(resolve(Optional.of(RetryPolicy.STANDARD), Map.of("AWS_RETRY_MODE", "legacy"), profile))
                .isEqualTo(new RetryChoice(RetryMode.STANDARD, OptionalInt.of(7)));
        assertThat(resolve(Optional.empty(), Map.of("AWS_RETRY_MODE", " "), profile).mode())
                .as("blank is unset").isEqualTo(RetryMode.LEGACY);
    }

    @Test
    void maxAttemptsReachesTheSdkStrategyInEveryMode() {
        for (String mode : new String[] {"standard", "adaptive", "legacy"}) {
            RetryChoice c = resolve(Optional.empty(), Map.of("AWS_RETRY_MODE", mode, "AWS_MAX_ATTEMPTS", "5"), Map.of());
            assertThat(c.strategy().maxAttempts()).as(mode).isEqualTo(5);
        }
        assertThat(resolve(Optional.empty(), Map.of("AWS_RETRY_MODE", "legacy"), Map.of()).strategy().maxAttempts())
                .as("legacy's own default").isEqualTo(4);
    }

    @Test
    void badValuesAreOneLineNamingWhereTheyCameFrom() {
        assertThat(RetryChoice.resolve(Optional.empty(), Map.of("AWS_MAX_ATTEMPTS", "0"), k -> Optional.empty(), "dev").getLeft())
                .isEqualTo("AWS_MAX_ATTEMPTS '0' is not a number of attempts; use a whole number from 1 (1: no retries)");
        assertThat(RetryChoice.resolve(Optional.empty(), Map.of(), k -> Optional.of("fast"), "dev").getLeft())
                .isEqualTo("retry_mode 'fast' in profile 'dev' is not a retry mode; use standard, adaptive or legacy");
        assertThat(RetryChoice.resolve(Optional.empty(), Map.of("AWS_RETRY_MODE", "standard"),
                k -> k.equals("max_attempts") ? Optional.of("many") : Optional.empty(), "dev").getLeft())
                .startsWith("max_attempts 'many' in profile 'dev' is not a number of attempts");
    }
}
