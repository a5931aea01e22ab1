package ecstop.ui;

import ecstop.config.ColourMode;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import ecstop.domain.FleetReader;
import ecstop.poll.ManualExecutor;
import ecstop.poll.ManualScheduler;
import ecstop.poll.PollEvent;
import ecstop.poll.PollSettings;
import ecstop.poll.Poller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The whole application on a virtual terminal, with time and fetching stepped by hand: the
 * same Controller, Poller, panes and gui2 window as the real thing, but the FleetReader is
 * called on this thread and the clock moves only in {@link #advance}. Golden tests and the
 * screenshot command drive it with keys; {@link #terminal()} holds the cells and colours.
 */
public final class Headless {
    private final DefaultVirtualTerminal terminal;
    private final ManualScheduler scheduler;
    private final ManualExecutor workers = new ManualExecutor();
    private final Deque<PollEvent> events = new ArrayDeque<>();
    private final Poller poller;
    private final Controller controller;
    private final Frame frame;

    private Headless(FleetReader reader, UiOptions options, TerminalSize size) throws IOException {
        this.terminal = new DefaultVirtualTerminal(size);
        this.scheduler = new ManualScheduler(options.clock().instant(), options.clock().getZone());
        UiOptions opts = options.withClock(scheduler.clock())
                .withColour(options.colour() == ColourMode.AUTO ? ColourMode.C16 : options.colour());
        this.poller = new Poller(reader, scheduler, workers, scheduler.clock(), PollSettings.every(opts.refresh()),
                events::add);
        KeyRegistry keys = KeyRegistry.standard(opts.ascii());
        this.controller = new Controller(State.initial(opts.cluster(), opts.lookback(), opts.stat()), keys, poller);
        this.frame = new Frame(new TerminalScreen(terminal), controller::state, keys, opts);
    }

    /**
     * Opens the application on a virtual terminal of {@code size} and draws the first frame,
     * before any data (AUTO colour means 16 colours here: there is no environment to ask).
     */
    public static Headless open(FleetReader reader, UiOptions options, TerminalSize size) {
        try {
            Headless h = new Headless(reader, options, size);
            h.controller.syncView();
            h.poller.start();
            h.draw();
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every pending call and delivers its answers, until nothing is left to do; then draws. */
    public Headless settle() {
        while (workers.runAll() > 0 || !events.isEmpty()) {
            while (!events.isEmpty()) {
                controller.onPoll(events.poll());
            }
        }
        return draw();
    }

    /** Presses keys one by one, settling after each. */
    public Headless press(KeyStroke... keys) {
        for (KeyStroke k : keys) {
            controller.onKey(k);
            settle();
        }
        return this;
    }

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
            controller.setPageRows(frame.draw(controller.state(), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public State state() { return controller.state(); }

    public Poller poller() { return poller; }

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
