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
import ecstop.testing.Await;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The real loop, threads and all, on a virtual terminal: it quits on q, Ctrl-C and end of
 * input, and leaves the terminal restored (main buffer, cursor visible). The timeouts only
 * stop a broken loop from hanging the build; nothing here measures time.
 */
class TuiLoopTest {
    private static final Pattern CALLS = Pattern.compile("(\\d+) calls");
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** The loop on its own thread, on storage-prod, refreshing every minute: within a test only the keys refresh. */
    private CompletableFuture<Integer> start(FleetReader reader, DefaultVirtualTerminal vt) {
        UiOptions o = ScreenGoldenTest.OPTIONS.withCluster("storage-prod").withColour(ColourMode.C16);
        return CompletableFuture.supplyAsync(() -> Tui.runOn(vt, reader, o, err));
    }

    private int runWith(FleetReader reader, DefaultVirtualTerminal vt, KeyStroke... keys) throws Exception {
        CompletableFuture<Integer> done = start(reader, vt);
        for (KeyStroke k : keys) {
            vt.addInput(k);
        }
        return done.get(30, TimeUnit.SECONDS);
    }

    private static KeyStroke key(char c) {
        return new KeyStroke(c, false, false);
    }

    private static DefaultVirtualTerminal terminal() {
        return new ecstop.ui.terminal.KeyboardTerminal(new TerminalSize(80, 24));
    }

    /** The session's call count on the status bar, -1 while it shows none. */
    private static long callsOnScreen(DefaultVirtualTerminal vt) {
        Matcher m = CALLS.matcher(ScreenText.of(vt));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Test
    void rRefreshesTheDataOnScreenAndQQuitsAndRestoresTheTerminal() throws Exception {
        // wide enough for the status bar to show the session's calls
        DefaultVirtualTerminal vt = new ecstop.ui.terminal.KeyboardTerminal(new TerminalSize(200, 50));
        CountingReader reader = new CountingReader(new FakeFleet());
        CompletableFuture<Integer> loop = start(reader, vt);
        Await.until("storage-prod's figures on screen", () -> ScreenText.of(vt).contains("98.2%") && callsOnScreen(vt) > 0);
        long callsBefore = callsOnScreen(vt);
        assertThat(reader.snapshotCalls()).as("the first fetch only").isEqualTo(1);

        vt.addInput(key('r'));
        Await.until("the refresh r asked for, counted on screen", () -> callsOnScreen(vt) > callsBefore);
        assertThat(reader.snapshotCalls()).as("r fetched once, nothing else did").isEqualTo(2);
        assertThat(reader.lastRequest().cluster().name()).isEqualTo("storage-prod");
        assertThat(ScreenText.of(vt)).contains("98.2%");

        vt.addInput(key('q'));
        assertThat(loop.get(30, TimeUnit.SECONDS)).isZero();
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
                // a failure no retry fixes: the next attempt is a minute away, so the second is r's
                return Either.left(new Failure(Failure.Kind.ACCESS_DENIED, "ListServices", "denied"));
            }
        };
        CountingReader reader = new CountingReader(broken);
        DefaultVirtualTerminal vt = terminal();
        CompletableFuture<Integer> loop = start(reader, vt);
        Await.until("the failure on screen", () -> ScreenText.of(vt).contains("access denied"));
        assertThat(reader.snapshotCalls()).isEqualTo(1);

        vt.addInput(key('r'));
        Await.until("the retry r asked for", () -> reader.snapshotCalls() == 2 && reader.clusterCalls() == 2);

        vt.addInput(key('q'));
        assertThat(loop.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(vt.isCursorVisible()).isTrue();
    }
}
