package ecstop.ui.terminal;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.MouseCaptureMode;
import com.googlecode.lanterna.terminal.Terminal;
import ecstop.config.ColourMode;
import ecstop.domain.FleetReader;
import ecstop.poll.Poller;
import ecstop.poll.Readers;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-screen application. The calling thread becomes the UI thread: it sleeps on one
 * queue until a key, a poller result (posted like invokeLater) or a resize arrives, or the next second
 * begins (for the "refreshed 12s ago" clock), handles everything queued, and redraws once.
 * Idle, it wakes once a second; the stock gui2 loop polls input every millisecond.
 */
public final class Tui {
    private static final Logger LOG = LoggerFactory.getLogger(Tui.class);
    private static final int OUTPUT_BUFFER = 1 << 16;
    private final BlockingQueue<UiEvent> queue = new LinkedBlockingQueue<>();
    private final Terminal terminal;
    private final TickScreen screen;
    /** Frames, restoring and leaving the screen take turns on it (see {@link FrameGate}). */
    private final FrameGate restoreLock;
    private boolean restored;
    /**
     * SIGTERM came: no frame starts after it, since the loop is quitting. What keeps a frame off
     * the user's shell is the gate, which Lanterna's own shutdown hook closes too.
     */
    private boolean stopping;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final StartupLog startup = new StartupLog();
    /** Escape sequences Lanterna has no call for (focus reporting, notifications), straight to the terminal. */
    private final Consumer<String> raw;
    private final Map<String, String> env;
    private volatile boolean focusReporting;
    private ExecutorService notifications;

    private Tui(Terminal terminal, Consumer<String> raw, Map<String, String> env, FrameGate frames) throws IOException {
        this.terminal = terminal;
        this.restoreLock = frames;
        this.screen = new TickScreen(terminal);
        this.raw = raw;
        this.env = env;
    }

    /**
     * Runs the TUI on this thread until the user quits (q, Ctrl-C, end of input) or the
     * process is told to stop (SIGTERM). The terminal is restored in every case. Returns the
     * exit status: 0 after a normal quit, 1 when the terminal could not be opened or the UI
     * failed (one line on stderr, the details in the log).
     */
    public static int run(Readers reader, UiOptions options) {
        return run(reader, options, view -> { });
    }

    /** As {@link #run(Readers, UiOptions)}; {@code atExit} receives the view and the bars on screen when the loop ends. */
    public static int run(Readers reader, UiOptions options, Consumer<LeftOn> atExit) {
        Map<String, String> env = System.getenv();
        boolean ascii = options.ascii() || TerminalCharset.needsAscii(env);
        ColourMode colour = options.colour().resolve(env);
        // Lanterna writes each cursor move, colour and character separately, and System.out
        // flushes every write: a system call per cell. Buffered, a frame is one write; Lanterna
        // flushes at the end of every refresh.
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), OUTPUT_BUFFER);
        TtySizedTerminal terminal;
        try {
            terminal = new TtySizedTerminal(System.in, out, StandardCharsets.UTF_8);
            if (options.mouse()) {
                // clicks and the wheel, reported from entering the screen until leaving it
                terminal.setMouseCaptureMode(MouseCaptureMode.CLICK_RELEASE);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot open the terminal", e);
            System.err.println("ecs-top: cannot open the terminal: " + e.getMessage());
            return 1;
        }
        terminal.getInputDecoder().addProfile(FocusReports.PROFILE);
        return runOn(terminal, reader, options.withAscii(ascii).withColour(colour), System.err, raw(out), env, atExit,
                terminal.frames());
    }

    /** Writes straight to the terminal's stream; Lanterna writes under its monitor too, so a sequence stays whole. */
    private static Consumer<String> raw(OutputStream out) {
        return sequence -> {
            synchronized (out) {
                try {
                    out.write(sequence.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException e) {
                    LOG.debug("writing to the terminal", e);
                }
            }
        };
    }

    /** The loop on a given terminal (a virtual one in tests); options' colour must be resolved. */
    public static int runOn(Terminal terminal, FleetReader reader, UiOptions options, PrintStream err) {
        return runOn(terminal, Readers.of(reader), options, err);
    }

    /** The loop on a given terminal over several targets. */
    public static int runOn(Terminal terminal, Readers reader, UiOptions options, PrintStream err) {
        return runOn(terminal, reader, options, err, sequence -> { }, Map.of(), view -> { }, new FrameGate());
    }

    static int runOn(Terminal terminal, Readers reader, UiOptions options, PrintStream err, Consumer<String> raw,
                     Map<String, String> env, Consumer<LeftOn> atExit, FrameGate frames) {
        try {
            // colour off: not even the default colour is named on the wire (ColourlessTerminal)
            Terminal shown = options.colour() == ColourMode.NONE ? new ColourlessTerminal(terminal) : terminal;
            return new Tui(shown, raw, env, frames).loop(reader, options, err, atExit);
        } catch (IOException e) {
            LOG.error("cannot start the screen", e);
            err.println("ecs-top: cannot start the screen: " + e.getMessage());
            return 1;
        }
    }

    private int loop(Readers reader, UiOptions options, PrintStream err, Consumer<LeftOn> atExit) {
        Thread hook = new Thread(this::onSigterm, "ecs-top-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = 0;
        App app = null;
        try {
            // results are posted to the UI queue, like keys: invokeLater
            ExecutorService background = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "ecs-top-notify");
                t.setDaemon(true);
                return t;
            });
            notifications = background;
            Notifier notifier = new Notifier(raw, options.desktop().resolve(env),
                    !env.getOrDefault("TMUX", "").isEmpty(), Notifier.processes(background));
            app = new App(reader, options, screen,
                    sink -> ecstop.poll.ThreadScheduler.poller(reader, options.clock(), options.pollSettings(), sink), queue::add, notifier);
            terminal.addResizeListener((t, size) -> queue.add(new UiEvent.Resized()));
            startInputReader();
            app.start();
            // after the screen has started: the terminal answers with a report at once if focused
            raw.accept(FocusReports.ON);
            focusReporting = true;
            startup.drawn(app.state());
            runEvents(app);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            LOG.error("the UI failed", e);
            status = 1;
        } finally {
            if (app != null) {
                app.poller().close();
            }
            if (notifications != null) {
                notifications.shutdown();
            }
            restore();
            if (app != null) {
                try {
                    atExit.accept(app.leftOn());
                } catch (RuntimeException e) {
                    LOG.warn("remembering the view", e);
                }
            }
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already shutting down: the hook is running or done
            }
        }
        if (status != 0) {
            err.println("ecs-top: unexpected error; the terminal was restored (details in the log)");
        }
        return status;
    }

    private void runEvents(App app) throws IOException, InterruptedException {
        long lastSecond = -1;
        while (true) {
            long now = System.currentTimeMillis();
            UiEvent first = queue.poll(1000 - now % 1000 + 1, TimeUnit.MILLISECONDS);
            boolean redraw = false;
            boolean complete = false;
            for (UiEvent e = first; e != null; e = queue.poll()) {
                App.Outcome out = app.handle(e);
                if (out == App.Outcome.QUIT) {
                    return;
                }
                redraw |= out != App.Outcome.NOTHING;
                complete |= out == App.Outcome.REPAINT;
            }
            long second = System.currentTimeMillis() / 1000;
            if (second != lastSecond) {
                // the status bar's ages move once a second
                lastSecond = second;
                redraw = true;
            }
            if (redraw) {
                draw(app, complete);
                startup.drawn(app.state());
            }
        }
    }

    /**
     * Draws unless the terminal has been restored: a SIGTERM restores it from another thread
     * after a second's grace, and a frame painted after that would land on the user's shell.
     * Restoring waits for a frame in progress.
     */
    private void draw(App app, boolean complete) throws IOException {
        synchronized (restoreLock) {
            if (!restored && !stopping && restoreLock.open()) {
                app.draw(complete);
            }
        }
    }

    /** Blocks on terminal input on its own thread and posts each key to the UI queue. */
    private void startInputReader() {
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    KeyStroke k = screen.readInput();
                    if (k == null) {
                        continue;
                    }
                    if (k instanceof FocusReports.FocusStroke f) {
                        queue.add(new UiEvent.Focus(f.in()));
                        continue;
                    }
                    queue.add(new UiEvent.Key(k));
                    if (k.getKeyType() == KeyType.EOF) {
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("terminal input ended", e);
                queue.add(new UiEvent.Key(new KeyStroke(KeyType.EOF)));
            }
        }, "ecs-top-input");
        reader.setDaemon(true);
        reader.start();
    }

    /** SIGTERM (or System.exit elsewhere): stop the loop, give it a moment, restore the terminal regardless. */
    private void onSigterm() {
        synchronized (restoreLock) {
            stopping = true;
        }
        queue.add(new UiEvent.Quit());
        try {
            finished.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        restore();
    }

    /** Leaves the alternate screen, shows the cursor, gives echo and line mode back. Once. */
    private void restore() {
        synchronized (restoreLock) {
            if (restored) {
                return;
            }
            restored = true;
        }
        if (focusReporting) {
            try {
                raw.accept(FocusReports.OFF);
            } catch (RuntimeException e) {
                LOG.debug("switching focus reports off", e);
            }
        }
        try {
            screen.stopScreen(false);
        } catch (IOException | RuntimeException e) {
            LOG.debug("stopping the screen", e);
        }
        try {
            // ANSI terminals show the cursor when leaving private mode; say it anyway, for every kind
            terminal.setCursorVisible(true);
            terminal.flush();
        } catch (IOException | RuntimeException e) {
            LOG.debug("showing the cursor", e);
        }
        try {
            terminal.close();
            // the output is buffered: whatever closing wrote must reach the terminal too
            terminal.flush();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the terminal", e);
        }
    }
}
