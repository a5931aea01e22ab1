package ecstop.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The one scheduler thread: it decides when, and hands the calls to the worker pool. */
public final class ThreadScheduler implements Scheduler, AutoCloseable {
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ecs-top-scheduler");
        t.setDaemon(true);
        return t;
    });

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    /** A poller on its own scheduler thread and a pool of two daemon workers, all shut down when it closes. */
    public static Poller poller(Readers readers, Clock clock, PollSettings settings, Consumer<PollEvent> sink) {
        ThreadScheduler scheduler = new ThreadScheduler();
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ecs-top-fetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new Poller(readers, scheduler, pool, clock, settings, sink, () -> {
            scheduler.close();
            pool.shutdownNow();
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
