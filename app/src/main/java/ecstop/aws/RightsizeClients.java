package ecstop.aws;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.pricing.PricingClient;

/**
 * What the right-sizing reads need besides the ECS client: the Application Auto Scaling and
 * Price List clients, a pace for DescribeTaskDefinition and the price cache.
 */
record RightsizeClients(Supplier<ApplicationAutoScalingClient> scaling, Supplier<PricingClient> pricing,
                        TokenBucket taskDefinitionReads, PriceCache prices) {

    /** The production set. The emulator's prices are not cached on disk: they are not AWS's. */
    static RightsizeClients of(AwsClients c, AwsTarget target) {
        Optional<Path> cacheDir = target.dummyCredentials() ? Optional.empty()
                : Optional.of(PriceCache.defaultDirectory(System.getenv(), home()));
        return new RightsizeClients(c::scaling, c::pricing, TokenBucket.ecsTaskDefinitionReads(), new PriceCache(cacheDir));
    }

    /** $HOME as the shell sees it, else Java's idea of it. */
    private static Path home() {
        String h = System.getenv("HOME");
        return h != null && !h.isBlank() && Path.of(h).isAbsolute() ? Path.of(h) : Path.of(System.getProperty("user.home"));
    }
}
