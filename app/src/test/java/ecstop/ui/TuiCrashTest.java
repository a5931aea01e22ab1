package ecstop.ui;

import ecstop.ui.terminal.UiOptions;
import ecstop.ui.terminal.ScreenText;
import ecstop.ui.terminal.Tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import ecstop.config.ColourMode;
import ecstop.testfleet.FakeFleet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An unexpected exception on the UI thread (here: the terminal failing mid-draw, as a bug in
 * a pane would) still leaves the terminal restored — main buffer, cursor shown — and says
 * one line on stderr, with no stack trace, and exit status 1. The tmux tests check q,
 * Ctrl-C and SIGTERM with stty; this is the fourth way out.
 */
class TuiCrashTest {
    /** Throws once, on the third flush: after the first frames, in the middle of the loop. */
    static final class FailingTerminal extends ecstop.ui.terminal.KeyboardTerminal {
        final AtomicInteger flushes = new AtomicInteger();

        FailingTerminal(TerminalSize size) {
            super(size);
        }

        @Override
        public void flush() {
            if (flushes.incrementAndGet() == 3) {
                throw new IllegalStateException("a bug in a pane");
            }
            super.flush();
        }
    }

    @Test
    void anUnexpectedExceptionRestoresTheTerminalAndSaysOneLine() throws Exception {
        FailingTerminal vt = new FailingTerminal(new TerminalSize(80, 24));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // a moving clock: the status bar's age changes every second, so idle seconds flush too (an
        // unchanged status line is not redrawn, and keys queued together make one frame)
        UiOptions o = ScreenGoldenTest.OPTIONS.withCluster("storage-prod").withColour(ColourMode.C16)
                .withClock(ecstop.config.WallClock.utc());
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(
                () -> Tui.runOn(vt, new FakeFleet(), o, new PrintStream(err, true, StandardCharsets.UTF_8)));
        // keys make frames until the failing one; the loop ends by itself, no q is sent
        for (int i = 0; i < 5; i++) {
            vt.addInput(new com.googlecode.lanterna.input.KeyStroke('j', false, false));
        }
        assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(vt.flushes.get()).isGreaterThan(3);
        assertThat(vt.isCursorVisible()).isTrue();
        assertThat(ScreenText.of(vt).trim()).as("back on the main buffer").isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("ecs-top: unexpected error; the terminal was restored (details in the log)\n");
    }
}
