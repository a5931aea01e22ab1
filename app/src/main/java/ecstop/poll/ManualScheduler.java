package ecstop.poll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A scheduler and clock that move only when told: tests and the screenshot renderer step
 * time by hand, so nothing sleeps and every run is the same. Single-threaded use only.
 */
public final class ManualScheduler implements Scheduler {
    private record Entry(Instant due, long seq, Runnable task, boolean[] cancelled) {}

    private final List<Entry> entries = new ArrayList<>();
    private final MutableClock clock;
    private long seq;

    public ManualScheduler(Instant start, ZoneId zone) {
        this.clock = new MutableClock(start, zone);
    }

    public Clock clock() { return clock; }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        entries.add(new Entry(clock.instant().plus(delay), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Live tasks not yet run. */
    public int pending() {
        return (int) entries.stream().filter(e -> !e.cancelled()[0]).count();
    }

    /** When the next live task is due, if any. */
    public java.util.Optional<Instant> nextDue() {
        return entries.stream().filter(e -> !e.cancelled()[0]).map(Entry::due).min(Comparator.naturalOrder());
    }

    /** Moves the clock forward, running every task that falls due on the way, in order. */
    public void advance(Duration by) {
        Instant target = clock.instant().plus(by);
        while (true) {
            entries.removeIf(e -> e.cancelled()[0]);
            Entry next = entries.stream()
                    .filter(e -> !e.due().isAfter(target))
                    .min(Comparator.comparing(Entry::due).thenComparing(Entry::seq))
                    .orElse(null);
            if (next == null) {
                break;
            }
            entries.remove(next);
            if (next.due().isAfter(clock.instant())) {
                clock.set(next.due());
            }
            next.task().run();
        }
        clock.set(target);
    }

    private static final class MutableClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        MutableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant t) { now = t; }

        @Override
        public ZoneId getZone() { return zone; }

        @Override
        public Clock withZone(ZoneId z) { return new MutableClock(now, z); }

        @Override
        public Instant instant() { return now; }
    }
}
