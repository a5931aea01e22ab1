package ecstop.aws;

import ecstop.config.RetryPolicy;
import io.vavr.control.Either;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.pricing.PricingClient;

/**
 * The SDK clients (ECS and CloudWatch; Application Auto Scaling and the Price List for
 * right-sizing), each built on first use: building one loads a few thousand classes, which
 * should not stand between the user and the first frame. All share one URLConnection
 * HTTP client, the lightest the SDK has.
 */
final class AwsClients implements AutoCloseable {
    /** One attempt may wait out a 5 s latency spike; the whole call, its retries included, not much more. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final AwsTarget target;
    private final Region region;
    private SdkHttpClient http;
    private EcsClient ecs;
    private CloudWatchClient cloudWatch;
    private ApplicationAutoScalingClient scaling;
    private PricingClient pricing;

    private AwsClients(AwsTarget target, Region region) {
        this.target = target;
        this.region = region;
    }

    /** Resolves the region now (flag, environment, profile) so a missing one is a clear error up front. */
    static Either<String, AwsClients> create(AwsTarget target) {
        Either<String, Void> files = target.dummyCredentials() ? Either.right(null) : AwsConfigCheck.profile(target.profile());
        return files.flatMap(ok -> region(target))
                .flatMap(r -> AwsConfigCheck.region(r, target.endpoint().isPresent()))
                .map(r -> new AwsClients(target, r));
    }

    static Either<String, Region> region(AwsTarget target) {
        if (target.region().isPresent()) {
            return Either.right(Region.of(target.region().get()));
        }
        // Not DefaultAwsRegionProviderChain: its last step asks EC2 instance metadata, which
        // off EC2 costs seconds of timeouts before saying what we can say at once.
        AwsRegionProviderChain chain = new AwsRegionProviderChain(
                new SystemSettingsRegionProvider(),
                target.profile().isPresent()
                        ? new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, target.profile().get())
                        : new AwsProfileRegionProvider());
        try {
            return Either.right(chain.getRegion());
        } catch (RuntimeException e) {
            return Either.left("no AWS region: pass --region, set AWS_REGION, or set region in "
                    + target.profile().map(p -> "profile '" + p + "'").orElse("your profile") + " in ~/.aws/config");
        }
    }

    Region region() {
        return region;
    }

    synchronized EcsClient ecs() {
        if (ecs == null) {
            ecs = configured(EcsClient.builder());
        }
        return ecs;
    }

    synchronized CloudWatchClient cloudWatch() {
        if (cloudWatch == null) {
            cloudWatch = configured(CloudWatchClient.builder());
        }
        return cloudWatch;
    }

    synchronized ApplicationAutoScalingClient scaling() {
        if (scaling == null) {
            scaling = configured(ApplicationAutoScalingClient.builder());
        }
        return scaling;
    }

    /**
     * The Price List API answers in a few regions only, us-east-1 among them, for prices of
     * every region: it is always asked there (or at the endpoint override).
     */
    synchronized PricingClient pricing() {
        if (pricing == null) {
            pricing = configured(PricingClient.builder(), Region.US_EAST_1);
        }
        return pricing;
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configured(B builder) {
        return configured(builder, region);
    }

    /** Every client shares the HTTP client, credentials, retries, timeouts and endpoint. */
    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configured(B builder, Region in) {
        builder.httpClient(http())
                .region(in)
                .credentialsProvider(credentials())
                .overrideConfiguration(override());
        target.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private SdkHttpClient http() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(ATTEMPT_TIMEOUT)
                    .build();
        }
        return http;
    }

    private AwsCredentialsProvider credentials() {
        if (target.dummyCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("ecs-top-local", "ecs-top-local"));
        }
        return target.profile()
                .<AwsCredentialsProvider>map(p -> ProfileCredentialsProvider.builder().profileName(p).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    private ClientOverrideConfiguration override() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(target.retry() == RetryPolicy.ADAPTIVE ? RetryMode.ADAPTIVE_V2 : RetryMode.STANDARD)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
    }

    @Override
    public synchronized void close() {
        if (ecs != null) {
            ecs.close();
        }
        if (cloudWatch != null) {
            cloudWatch.close();
        }
        if (scaling != null) {
            scaling.close();
        }
        if (pricing != null) {
            pricing.close();
        }
        if (http != null) {
            http.close();
        }
    }
}
