package ecstop.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import ecstop.config.ColourMode;
import ecstop.domain.Governor;
import ecstop.testfleet.FakeFleet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * NO_COLOR on the wire: the real loop writes through Lanterna's ANSI terminal into bytes, and
 * every SGR sequence in them is read. With colour off none names a colour, foreground or
 * background (not even the default, SGR 39 and 49), while the cursor and the status bar are
 * there in reverse video and bold. The same session in 16 colours does send colour codes, so
 * the reading finds them when they are there. The timeouts only stop a broken loop from
 * hanging the build.
 */
class NoColourBytesTest {
    private static final Pattern SGR = Pattern.compile("\u001b\\[([0-9;:]*)m");

    @Test
    void colourOffSendsNoColourCodeOnlyReverseAndBold() throws Exception {
        List<String> sgr = session(ColourMode.NONE);

        assertThat(sgr.stream().filter(NoColourBytesTest::namesAColour).toList())
                .as("SGR sequences naming a colour").isEmpty();
        assertThat(sgr).as("the cursor and the status bar: reverse video and bold").contains("7", "1");
    }

    @Test
    void theReadingFindsColourCodesWhenThereAreSome() throws Exception {
        List<String> sgr = session(ColourMode.C16);

        assertThat(sgr.stream().filter(NoColourBytesTest::namesAColour).toList()).isNotEmpty();
    }

    /** Opens a cluster, moves the cursor and quits; returns the parameters of every SGR sequence sent. */
    private static List<String> session(ColourMode colour) throws Exception {
        Bytes out = new Bytes();
        KeyedAnsiTerminal terminal = new KeyedAnsiTerminal(out, new TerminalSize(120, 40));
        UiOptions o = UiOptions.defaults().withClock(FakeFleet.CLOCK).withCluster("catalogue").withColour(colour)
                .withGovernor(Governor.DEFAULT);
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(
                () -> Tui.runOn(terminal, ecstop.poll.Readers.of(new FakeFleet()), o, err, s -> { }, Map.of(), v -> { }, new FrameGate()));

        waitFor(out, "catalogue");
        waitFor(out, "refreshed");
        terminal.keys.add(new KeyStroke('j', false, false));
        terminal.keys.add(new KeyStroke(KeyType.Enter));
        terminal.keys.add(new KeyStroke(KeyType.Escape));
        terminal.keys.add(new KeyStroke('q', false, false));
        assertThat(done.get(30, TimeUnit.SECONDS)).isZero();

        List<String> params = new ArrayList<>();
        Matcher m = SGR.matcher(out.text());
        while (m.find()) {
            for (String p : m.group(1).split("[;:]", -1)) {
                params.add(p.isEmpty() ? "0" : p);
            }
        }
        assertThat(params).as("the session drew something").isNotEmpty();
        return params;
    }

    /** 30–39 and 90–97 foreground, 40–49 and 100–107 background (38 and 48 lead 256 and true colour). */
    private static boolean namesAColour(String param) {
        int n = Integer.parseInt(param);
        return (n >= 30 && n <= 49) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107);
    }

    private static void waitFor(Bytes out, String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.text().contains(text) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(out.text()).contains(text);
    }

    /** What reached the terminal, readable while the UI thread writes. */
    private static final class Bytes extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Lanterna's ANSI terminal (what UnixTerminal writes with) on bytes, a fixed size, keys from a queue. */
    private static final class KeyedAnsiTerminal extends ANSITerminal {
        final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();
        private final TerminalSize size;

        KeyedAnsiTerminal(OutputStream out, TerminalSize size) {
            super(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8);
            this.size = size;
        }

        @Override
        protected TerminalSize findTerminalSize() {
            return size;
        }

        @Override
        public KeyStroke readInput() {
            try {
                return keys.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public KeyStroke pollInput() {
            return keys.poll();
        }
    }
}
