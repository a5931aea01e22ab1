package ecstop.aws;

import ecstop.emulator.Emulator;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Real SDK clients pointed at an emulator, as a user would build them: nothing mocked. */
final class EmulatorClients {
    /** The SDK's standard retry strategy makes three attempts. */
    static final int ATTEMPTS = 3;

    private EmulatorClients() {}

    static EcsClient ecs(Emulator emulator) {
        return configured(EcsClient.builder(), emulator, "AKIDEMULATOR", "us-east-1");
    }

    static CloudWatchClient cloudWatch(Emulator emulator) {
        return configured(CloudWatchClient.builder(), emulator, "AKIDEMULATOR", "us-east-1");
    }

    /**
     * The production reader for one target of a multi-account emulator: its SDK clients sign
     * with {@code accessKey} (which picks the emulator's account) for {@code region}.
     */
    static AwsFleetReader reader(Emulator emulator, String accessKey, String profile, String region) {
        EcsClient ecs = configured(EcsClient.builder(), emulator, accessKey, region);
        CloudWatchClient cloudWatch = configured(CloudWatchClient.builder(), emulator, accessKey, region);
        return new AwsFleetReader(AwsFleetReader.Parts.of(() -> ecs, () -> cloudWatch, () -> {
            ecs.close();
            cloudWatch.close();
        }, java.util.Optional.of(profile), region));
    }

    private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configured(
            B builder, Emulator emulator, String accessKey, String region) {
        return builder.httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(emulator.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "emulator-secret")))
                .overrideConfiguration(overrides())
                .build();
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                // Standard retries with short backoffs, so tests that exhaust them stay quick.
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(50)))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(50)))
                        .build())
                .apiCallAttemptTimeout(Duration.ofSeconds(10))
                .apiCallTimeout(Duration.ofSeconds(30))
                .build();
    }
}
