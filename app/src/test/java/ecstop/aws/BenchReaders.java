package ecstop.aws;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * ecs-top's AwsFleetReader for the benchmarks that run the app in-process on a clock they
 * move: the real reader, with its token buckets (ECS's and CloudWatch's rates, as
 * {@link TokenBucket}'s factories set them) refilling on that clock, which also dates the
 * cluster list's reservations. A thousand refreshes a minute apart then take seconds, and
 * the limiter still works as it does in the app. It must never have to wait: a wait would
 * mean the benchmark asks faster than AWS allows.
 */
public final class BenchReaders {
    private BenchReaders() {}

    public static AwsFleetReader onClock(URI endpoint, Supplier<Instant> now) {
        AwsClients clients = AwsClients.create(AwsTarget.emulator(endpoint)).get();
        LongSupplier nanos = () -> {
            Instant t = now.get();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        };
        TokenBucket.Sleeper never = n -> {
            throw new IllegalStateException("the client-side limiter had to wait " + n + " ns");
        };
        return new AwsFleetReader(AwsFleetReader.Parts.of(clients::ecs, clients::cloudWatch, clients, Optional.empty(), "us-east-1")
                .withBuckets(new TokenBucket(100, 20, nanos, never), new TokenBucket(50, 20, nanos, never),
                        new TokenBucket(50, 50, nanos, never)).withClock(new MovedClock(now)));
    }

    private static final class MovedClock extends Clock {
        private final Supplier<Instant> now;

        MovedClock(Supplier<Instant> now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
