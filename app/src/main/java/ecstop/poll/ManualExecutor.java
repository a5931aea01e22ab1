package ecstop.poll;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * An executor that only queues: the caller decides when the "calls" run, which is how tests
 * hold a fetch in flight, and how the screenshot renderer runs everything to quiet.
 */
public final class ManualExecutor implements Executor {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    public int queued() { return queue.size(); }

    /** Runs the oldest queued task; false when there was none. */
    public boolean runOne() {
        Runnable r = queue.poll();
        if (r == null) {
            return false;
        }
        r.run();
        return true;
    }

    /** Runs tasks, including ones they queue, until none is left. */
    public int runAll() {
        int n = 0;
        while (runOne()) {
            n++;
        }
        return n;
    }
}
