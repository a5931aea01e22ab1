package ecstop.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that another thread makes true, polling it. The limit only keeps a
 * broken build from hanging; it is far above any wait a passing run has, and nothing is
 * timed: a test that waits for something asserts on what happened, never on how long.
 */
public final class Await {
    static final Duration LIMIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 10;

    private Await() {}

    /** Returns as soon as {@code condition} holds; fails naming {@code what} at the limit. */
    public static void until(String what, BooleanSupplier condition) {
        long giveUp = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - giveUp > 0) {
                throw new AssertionError("gave up after " + LIMIT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
