package ecstop.aws;

import ecstop.emulator.Emulator;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The production AwsFleetReader (its pools, paging, metric batches, failure mapping) on
 * real SDK clients, but with the SDK's retries backing off in milliseconds instead of
 * seconds and the client-side token buckets opened wide. For the soak: it runs thousands
 * of refreshes through fault storms in minutes, and what it watches (threads, sockets,
 * heap) does not depend on how long a backoff sleeps.
 */
public final class QuickRetryReader {
    private QuickRetryReader() {}

    public static AwsFleetReader on(Emulator emulator) {
        EcsClient ecs = EmulatorClients.ecs(emulator);
        CloudWatchClient cloudWatch = EmulatorClients.cloudWatch(emulator);
        return new AwsFleetReader(AwsFleetReader.Parts.of(() -> ecs, () -> cloudWatch, () -> {
            ecs.close();
            cloudWatch.close();
        }, Optional.empty(), "us-east-1").withBuckets(wide(), wide(), wide()));
    }

    private static TokenBucket wide() {
        return new TokenBucket(1e6, 1e6, System::nanoTime, TokenBucket.REAL_SLEEP);
    }
}
