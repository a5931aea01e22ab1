package ecstop.aws;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A client-side copy of an AWS token bucket, so ecs-top spends tokens no faster than the
 * service refills them and never meets ThrottlingException on its own account. ECS keeps
 * one bucket for service reads (ListServices + DescribeServices: burst 100, 20/s), one
 * for cluster reads (burst 50, 20/s) and one for cluster resource reads (ListTasks +
 * DescribeTasks: burst 100, 20/s).
 *
 * <p>{@code keep} lets low-priority callers leave tokens for others: DescribeServices
 * keeps a reserve so the ListServices pages, which the metric calls wait on, never queue
 * behind task details.
 */
final class TokenBucket {
    /** Sleeps; injectable so tests move a fake clock instead of waiting. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    static final Sleeper REAL_SLEEP = nanos -> TimeUnit.NANOSECONDS.sleep(nanos);

    private final double burst;
    private final double perNano;
    private final LongSupplier ticker;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    TokenBucket(double burst, double perSecond, LongSupplier ticker, Sleeper sleeper) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.tokens = burst;
        this.last = ticker.getAsLong();
    }

    static TokenBucket ecsServiceReads() {
        return new TokenBucket(100, 20, System::nanoTime, REAL_SLEEP);
    }

    static TokenBucket ecsClusterReads() {
        return new TokenBucket(50, 20, System::nanoTime, REAL_SLEEP);
    }

    /**
     * DescribeTaskDefinition, paced like ECS's other read buckets (burst 50, 20 a second): a
     * cold start reads one per distinct task definition, which for a large cluster is
     * hundreds, and no one of them is urgent.
     */
    static TokenBucket ecsTaskDefinitionReads() {
        return new TokenBucket(50, 20, System::nanoTime, REAL_SLEEP);
    }

    /**
     * ECS's bucket for cluster resource reads, which ListTasks and DescribeTasks draw on:
     * burst 100, refilled at 20 a second, as its "Request throttling" page gives them.
     */
    static TokenBucket ecsClusterResourceReads() {
        return new TokenBucket(100, 20, System::nanoTime, REAL_SLEEP);
    }

    /** CloudWatch's GetMetricData quota is 50 transactions a second. */
    static TokenBucket getMetricData() {
        return new TokenBucket(50, 50, System::nanoTime, REAL_SLEEP);
    }

    /** Takes a token, waiting for one if need be. */
    void acquire() throws InterruptedException {
        acquire(0);
    }

    /** Takes a token only when {@code keep} more would remain, waiting until then. */
    void acquire(double keep) throws InterruptedException {
        long wait;
        while ((wait = tryAcquire(keep)) > 0) {
            sleeper.sleep(wait);
        }
    }

    /** Takes a token and returns 0, or takes none and returns the nanoseconds until one is due. */
    synchronized long tryAcquire(double keep) {
        refill();
        double need = keep + 1;
        if (tokens >= need) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((need - tokens) / perNano));
    }

    synchronized double available() {
        refill();
        return tokens;
    }

    private void refill() {
        long now = ticker.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
    }
}
