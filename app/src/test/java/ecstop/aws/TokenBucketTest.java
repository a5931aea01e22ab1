package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicLong slept = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(100, 20, clock::get, n -> {
        slept.addAndGet(n);
        clock.addAndGet(n);
    });

    @Test
    void theBurstIsFreeThenTokensComeAtTheRefillRate() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            bucket.acquire();
        }
        assertThat(slept.get()).isZero();
        assertThat(bucket.tryAcquire(0)).isEqualTo(50_000_000L); // one token every 1/20 s
        bucket.acquire();
        assertThat(slept.get()).isEqualTo(50_000_000L);
        for (int i = 0; i < 20; i++) {
            bucket.acquire();
        }
        assertThat(slept.get()).isEqualTo(21 * 50_000_000L);
    }

    @Test
    void refillStopsAtTheBurst() throws InterruptedException {
        bucket.acquire();
        clock.addAndGet(3_600_000_000_000L);
        assertThat(bucket.available()).isEqualTo(100.0);
    }

    @Test
    void aLowPriorityCallerLeavesTheReserveForOthers() throws InterruptedException {
        for (int i = 0; i < 90; i++) {
            bucket.acquire(10);
        }
        assertThat(bucket.tryAcquire(10)).isPositive();      // the reserve is not for it
        assertThat(bucket.tryAcquire(0)).isZero();            // but a priority caller gets a token
        assertThat(bucket.available()).isEqualTo(9.0);
    }

    @Test
    void waitsAreNeverZeroWhileATokenIsMissing() {
        TokenBucket fast = new TokenBucket(1, 1e12, clock::get, n -> clock.addAndGet(n));
        assertThat(fast.tryAcquire(0)).isZero();
        assertThat(fast.tryAcquire(0)).isEqualTo(1);
    }
}
