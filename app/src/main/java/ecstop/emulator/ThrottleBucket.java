package ecstop.emulator;

import java.util.function.LongSupplier;

/**
 * AWS's rate limiting as a token bucket: {@code capacity} calls at once, refilled at
 * {@code perSecond}. Time comes from a nanosecond ticker so tests can drive it.
 */
final class ThrottleBucket {
    private final double capacity;
    private final double perNano;
    private final LongSupplier ticker;
    private double tokens;
    private long last;

    ThrottleBucket(int capacity, double perSecond, LongSupplier ticker) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.ticker = ticker;
        this.tokens = capacity;
        this.last = ticker.getAsLong();
    }

    synchronized boolean tryTake() {
        long now = ticker.getAsLong();
        tokens = Math.min(capacity, tokens + Math.max(0, now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
