package ecstop.ui.terminal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import ecstop.config.ColourMode;
import ecstop.domain.FleetReader;
import ecstop.domain.ServiceRef;
import ecstop.poll.ManualExecutor;
import ecstop.poll.ManualScheduler;
import ecstop.poll.Poller;
import ecstop.poll.Readers;
import ecstop.ui.state.CursorMoves;
import ecstop.ui.state.State;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

/**
 * The whole application on a virtual terminal, with time and fetching stepped by hand: the
 * same {@link App} as the real thing (keymap, poller, presenter, panes and gui2 window), but
 * the FleetReader is called on this thread and the clock moves only in {@link #advance}.
 * Golden tests and the screenshot command drive it with keys; {@link #terminal()} holds the
 * cells and colours.
 */
public final class Headless {
    private final DefaultVirtualTerminal terminal;
    private final ManualScheduler scheduler;
    private final ManualExecutor workers = new ManualExecutor();
    private final Deque<UiEvent> events = new ArrayDeque<>();
    private final List<String> written = new ArrayList<>();
    private final App app;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long workerCpuNanos;
    private long workerWallNanos;

    private Headless(Readers reader, UiOptions options, TerminalSize size) throws IOException {
        this.terminal = new DefaultVirtualTerminal(size);
        this.scheduler = new ManualScheduler(options.clock().instant(), options.clock().getZone());
        UiOptions opts = options.withClock(scheduler.clock())
                .withColour(options.colour() == ColourMode.AUTO ? ColourMode.C16 : options.colour());
        // alerts: what would reach the terminal is kept for tests; no environment, so AUTO sends no OSC
        Notifier notifier = new Notifier(written::add, opts.desktop().resolve(Map.of()), false, command -> { });
        this.app = new App(reader, opts, new TickScreen(terminal),
                sink -> new Poller(reader, scheduler, workers, scheduler.clock(), opts.pollSettings(), sink),
                events::add, notifier);
    }

    /**
     * Opens the application on a virtual terminal of {@code size} and draws the first frame,
     * before any data (AUTO colour means 16 colours here: there is no environment to ask).
     */
    public static Headless open(FleetReader reader, UiOptions options, TerminalSize size) {
        return open(Readers.of(reader), options, size);
    }

    /** As {@link #open(FleetReader, UiOptions, TerminalSize)}, over several targets at once. */
    public static Headless open(Readers reader, UiOptions options, TerminalSize size) {
        try {
            Headless h = new Headless(reader, options, size);
            h.app.start();
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every pending call and delivers its answers, until nothing is left to do; then draws. */
    public Headless settle() {
        while (runWorkers() > 0 || !events.isEmpty()) {
            while (!events.isEmpty()) {
                app.handle(events.poll());
            }
        }
        return draw();
    }

    /** The workers' queued tasks, run here, their CPU time counted as theirs (not the UI thread's). */
    private int runWorkers() {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        try {
            return workers.runAll();
        } finally {
            workerCpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
            workerWallNanos += System.nanoTime() - wall;
        }
    }

    /**
     * CPU time spent so far running what the real app runs on its worker threads (the reads and
     * what the poller makes of them), on this thread: a benchmark takes it out of the UI's time.
     */
    public long workerCpuNanos() { return workerCpuNanos; }

    /** Elapsed time spent so far running the workers' tasks, as {@link #workerCpuNanos()}. */
    public long workerWallNanos() { return workerWallNanos; }

    /** Presses keys one by one, settling after each. */
    public Headless press(KeyStroke... keys) {
        for (KeyStroke k : keys) {
            app.handle(new UiEvent.Key(k));
            settle();
        }
        return this;
    }

    /**
     * Presses one key and draws, leaving the calls it asked for queued: they run, and their
     * answers arrive, at the next {@link #settle()}, as they would while a user types faster
     * than AWS answers.
     */
    public Headless send(KeyStroke key) {
        app.handle(new UiEvent.Key(key));
        while (!events.isEmpty()) {
            app.handle(events.poll());
        }
        return draw();
    }

    /** Presses one key, settles, and says what the loop would have done. */
    public App.Outcome handle(KeyStroke key) {
        App.Outcome out = app.handle(new UiEvent.Key(key));
        settle();
        return out;
    }

    /** A mouse event at a screen position (column, row), as the terminal reports it, then settles. */
    public Headless mouse(com.googlecode.lanterna.input.MouseActionType type, int column, int row) {
        app.handle(new UiEvent.Key(new com.googlecode.lanterna.input.MouseAction(type, 1,
                new com.googlecode.lanterna.TerminalPosition(column, row))));
        return settle();
    }

    /** The terminal reports the focus coming in or going out; settles. */
    public Headless focus(boolean in) {
        app.handle(new UiEvent.Focus(in));
        return settle();
    }

    /** What alerts wrote to the terminal (bell, OSC notifications), one entry per notification. */
    public List<String> notifications() { return List.copyOf(written); }

    public Headless press(KeyType... types) {
        for (KeyType t : types) {
            press(new KeyStroke(t));
        }
        return this;
    }

    /** Types characters (no modifiers), settling after each. */
    public Headless type(String chars) {
        for (char c : chars.toCharArray()) {
            press(new KeyStroke(c, false, false));
        }
        return this;
    }

    /** Moves the clock on, running the refreshes that fall due. */
    public Headless advance(Duration d) {
        scheduler.advance(d);
        return settle();
    }

    public Headless resize(TerminalSize size) {
        terminal.setTerminalSize(size);
        return draw();
    }

    public Headless draw() {
        try {
            app.draw(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public State state() { return app.state(); }

    /** The service under the cursor of the focused bar panel, as the screen shows it. */
    public Optional<ServiceRef> selectedService() {
        return CursorMoves.selectedService(app.state(), app.panes().listing(app.state()));
    }

    public App app() { return app; }

    public Poller poller() { return app.poller(); }

    /** The stepped clock everything here reads. */
    public java.time.Clock clock() { return scheduler.clock(); }

    /** Calls handed to the workers and not yet run: zero after {@link #settle()}, or something piles up. */
    public int queuedCalls() { return workers.queued(); }

    /** Timers armed and not yet due or cancelled: the poller keeps at most one. */
    public int pendingTimers() { return scheduler.pending(); }

    public VirtualTerminal terminal() { return terminal; }

    /** The screen's text, a line per row. */
    public String text() { return ScreenText.of(terminal); }
}
