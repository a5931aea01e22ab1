package ecstop.aws;

import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.TrustManager;
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
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.Profile;
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
 * HTTP client, the lightest the SDK has, set up as the AWS CLI would be from the same
 * environment and profile: its proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), its CA bundle
 * (AWS_CA_BUNDLE, ca_bundle) and its retries (AWS_RETRY_MODE, AWS_MAX_ATTEMPTS,
 * retry_mode, max_attempts). The emulator's target (the demo, on loopback) takes none of
 * these: it is no AWS, and a proxy meant for AWS must not stand between it and the app.
 */
final class AwsClients implements AutoCloseable {
    /** One attempt may wait out a 5 s latency spike; the whole call, its retries included, not much more. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Where every client's timeouts wait: each call schedules its attempt and call timeouts and
     * cancels them when it ends. The SDK's own executor (one per client) keeps a cancelled
     * timeout queued until it would have fired, 30 s on: at a fast refresh that is thousands of
     * dead tasks (MemoryBench's heap line climbed with them). This one drops a timeout when it
     * is cancelled, and one daemon thread serves every client.
     */
    private static final ScheduledExecutorService TIMEOUTS = timeouts();

    /** How calls leave this process: through which proxy, trusting which CAs, retried how. */
    record Network(ProxyConfiguration proxy, Optional<TrustManager[]> trust, RetryChoice retry) {
        /** The emulator's: straight to loopback, whatever proxy the environment or Java's properties name. */
        static final Network DIRECT = new Network(ProxyRoute.direct(), Optional.empty(),
                new RetryChoice(RetryMode.STANDARD, OptionalInt.empty()));
    }

    private final AwsTarget target;
    private final Region region;
    private final Network network;
    private SdkHttpClient http;
    private EcsClient ecs;
    private CloudWatchClient cloudWatch;
    private ApplicationAutoScalingClient scaling;
    private PricingClient pricing;

    private AwsClients(AwsTarget target, Region region, Network network) {
        this.target = target;
        this.region = region;
        this.network = network;
    }

    static Either<String, AwsClients> create(AwsTarget target) {
        return create(target, System.getenv());
    }

    /**
     * Resolves the region (flag, environment, profile) and the network settings now, so a
     * missing region or a bad proxy, CA bundle or retry setting is a clear error up front.
     */
    static Either<String, AwsClients> create(AwsTarget target, Map<String, String> env) {
        Either<String, Void> files = target.dummyCredentials() ? Either.right(null) : AwsConfigCheck.profile(target.profile());
        return files.flatMap(ok -> region(target))
                // the emulator (the demo) stands for AWS: its regions are checked as AWS's are
                .flatMap(r -> AwsConfigCheck.region(r, target.endpoint().isPresent() && !target.dummyCredentials()))
                .flatMap(r -> network(target, env).map(n -> new AwsClients(target, r, n)));
    }

    static Either<String, Network> network(AwsTarget target, Map<String, String> env) {
        if (target.dummyCredentials()) {
            return Either.right(Network.DIRECT);
        }
        String profileName = target.profile().or(() -> nonBlank(env.get("AWS_PROFILE"))).orElse("default");
        Supplier<Option<Profile>> profile = Lazy.of(() -> Option.ofOptional(ProfileFile.defaultProfileFile().profile(profileName)));
        Function<String, Optional<String>> property = key -> profile.get().toJavaOptional().flatMap(p -> p.property(key));
        String scheme = target.endpoint().map(URI::getScheme)
                .or(() -> nonBlank(env.get("AWS_ENDPOINT_URL")).map(u -> u.startsWith("http://") ? "http" : "https"))
                .orElse("https");
        return ProxyRoute.fromEnvironment(env, scheme)
                .flatMap(proxy -> trust(env, property, profileName)
                        .flatMap(trust -> RetryChoice.resolve(target.retry(), env, property, profileName)
                                .map(retry -> new Network(
                                        proxy.map(ProxyRoute::configuration).orElseGet(ProxyRoute::none), trust, retry))));
    }

    /** AWS_CA_BUNDLE, else the profile's ca_bundle; neither: the runtime's own trust store. */
    private static Either<String, Optional<TrustManager[]>> trust(Map<String, String> env,
            Function<String, Optional<String>> property, String profileName) {
        Optional<String> fromEnv = nonBlank(env.get("AWS_CA_BUNDLE"));
        Optional<String> path = fromEnv.or(() -> property.apply("ca_bundle").flatMap(AwsClients::nonBlank));
        if (path.isEmpty()) {
            return Either.right(Optional.empty());
        }
        String origin = fromEnv.isPresent() ? "AWS_CA_BUNDLE" : "ca_bundle in profile '" + profileName + "'";
        String p = path.get();
        Path file = p.startsWith("~/") ? Path.of(nonBlank(env.get("HOME")).orElse(System.getProperty("user.home")), p.substring(2))
                : Path.of(p);
        return CaBundle.load(file, origin).map(Optional::of);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
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
            UrlConnectionHttpClient.Builder b = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(ATTEMPT_TIMEOUT)
                    .proxyConfiguration(network.proxy());
            network.trust().ifPresent(managers -> b.tlsTrustManagersProvider(() -> managers));
            http = b.build();
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
                .retryStrategy(network.retry().strategy())
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .scheduledExecutorService(TIMEOUTS)
                .build();
    }

    private static ScheduledExecutorService timeouts() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ecs-top-sdk-timeouts");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
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
