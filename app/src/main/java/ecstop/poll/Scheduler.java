package ecstop.poll;

import java.time.Duration;

/** Runs a task after a delay; injectable so tests step time by hand instead of sleeping. */
public interface Scheduler {
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Duration delay, Runnable task);
}
