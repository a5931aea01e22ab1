package ecstop.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import ecstop.config.ColourMode;
import ecstop.domain.Governor;
import ecstop.testfleet.FakeFleet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The real loop and its threads on a virtual terminal: focus reporting is switched on after
 * the screen starts and off when it is restored, a focus report read from the input reaches
 * the poller (the status bar says so), and the view on screen at the end is handed back to be
 * remembered. The timeouts only stop a broken loop from hanging the build.
 */
class TuiFocusTest {
    @Test
    void focusReportsAreSwitchedOnReadAndSwitchedOffAndTheViewIsHandedBack() throws Exception {
        KeyboardTerminal vt = new KeyboardTerminal(new TerminalSize(200, 40));
        List<String> raw = new CopyOnWriteArrayList<>();
        AtomicReference<LeftOn> left = new AtomicReference<>();
        UiOptions o = UiOptions.defaults().withClock(FakeFleet.CLOCK).withCluster("catalogue").withColour(ColourMode.C16)
                .withGovernor(Governor.DEFAULT);
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(
                () -> Tui.runOn(vt, ecstop.poll.Readers.of(new FakeFleet()), o, err, raw::add, Map.of(), left::set, new FrameGate()));

        vt.addInput(new FocusReports.FocusStroke(false));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ScreenText.of(vt).contains("unfocused: every 10m") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(ScreenText.of(vt)).contains("unfocused: every 10m");
        vt.addInput(new KeyStroke('s', false, false));
        vt.addInput(new KeyStroke('q', false, false));

        assertThat(done.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(raw).containsExactly(FocusReports.ON, FocusReports.OFF);
        assertThat(left.get().view().cluster()).contains("catalogue");
        assertThat(left.get().view().sort()).contains("name");
        assertThat(left.get().snapshot()).as("the bars on screen, for the next session")
                .hasValueSatisfying(snap -> assertThat(snap.scope().name()).isEqualTo("catalogue"));
    }
}
