package ecstop.ui;

import ecstop.ui.terminal.UiOptions;
import ecstop.ui.terminal.ScreenText;
import ecstop.ui.terminal.Tui;

import ecstop.config.ColourMode;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.testfleet.CountingReader;
import ecstop.testfleet.FakeFleet;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real loop, threads and all, on a virtual terminal: it quits on q, Ctrl-C and end of
 * input, and leaves the terminal restored (main buffer, cursor visible). The timeouts only
 * stop a broken loop from hanging the build; nothing here measures time.
 */
class TuiLoopTest {
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int runWith(FleetReader reader, DefaultVirtualTerminal vt, KeyStroke... keys) throws Exception {
        UiOptions o = ScreenGoldenTest.OPTIONS.withCluster("storage-prod").withColour(ColourMode.C16);
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(() -> Tui.runOn(vt, reader, o, err));
        for (KeyStroke k : keys) {
            vt.addInput(k);
        }
        return done.get(30, TimeUnit.SECONDS);
    }

    private static DefaultVirtualTerminal terminal() {
        return new ecstop.ui.terminal.KeyboardTerminal(new TerminalSize(80, 24));
    }

    @Test
    void qQuitsAndRestoresTheTerminal() throws Exception {
        DefaultVirtualTerminal vt = terminal();
        CountingReader reader = new CountingReader(new FakeFleet());
        assertThat(runWith(reader, vt, new KeyStroke('j', false, false), new KeyStroke('q', false, false))).isZero();
        assertThat(vt.isCursorVisible()).isTrue();
        // back on the main buffer: the frame was drawn on the alternate one
        assertThat(ScreenText.of(vt).trim()).isEmpty();
        assertThat(errBytes.size()).isZero();
    }

    @Test
    void ctrlCQuitsCleanly() throws Exception {
        DefaultVirtualTerminal vt = terminal();
        assertThat(runWith(new FakeFleet(), vt, new KeyStroke('c', true, false))).isZero();
        assertThat(vt.isCursorVisible()).isTrue();
    }

    @Test
    void endOfInputQuits() throws Exception {
        assertThat(runWith(new FakeFleet(), terminal(), new KeyStroke(KeyType.EOF))).isZero();
    }

    @Test
    void aFailingReaderDoesNotStopTheUi() throws Exception {
        FleetReader broken = new FleetReader() {
            @Override
            public ecstop.domain.Target target() {
                return FakeFleet.TARGET;
            }

            @Override
            public Either<Failure, List<Cluster>> clusters() {
                throw new IllegalStateException("boom");
            }

            @Override
            public Either<Failure, Snapshot> snapshot(SnapshotRequest request) {
                return Either.left(new Failure(Failure.Kind.NETWORK, "ListServices", "refused"));
            }
        };
        DefaultVirtualTerminal vt = terminal();
        assertThat(runWith(broken, vt, new KeyStroke('r', false, false), new KeyStroke('q', false, false))).isZero();
        assertThat(vt.isCursorVisible()).isTrue();
    }
}
