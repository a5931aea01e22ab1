package ecstop.ui;

import ecstop.ui.terminal.Headless;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import ecstop.testfleet.FakeFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When only the clock moves, Frame repaints the status bar alone; the screen must then be
 * cell for cell what a full frame of the same moment draws.
 */
class ClockRedrawTest {
    private static final KeyStroke HELP = new KeyStroke('?', false, false);

    @Test
    void secondsTickingByLeaveTheSameScreenAsAFullFrame() {
        for (TerminalSize size : List.of(new TerminalSize(120, 40), new TerminalSize(80, 24), new TerminalSize(30, 8))) {
            Headless h = Headless.open(new FakeFleet(), ScreenGoldenTest.OPTIONS.withCluster("catalogue"), size).settle();
            h.advance(Duration.ofSeconds(1)).advance(Duration.ofSeconds(1)).advance(Duration.ofSeconds(1));
            List<TextCharacter> ticked = cells(h.terminal());
            String tickedText = h.text();

            h.press(HELP, HELP); // help on and off: new States, so full frames, at the same moment
            assertThat(h.text()).isEqualTo(tickedText);
            assertThat(cells(h.terminal())).isEqualTo(ticked);
            if (size.getRows() > 8) {
                assertThat(tickedText).contains("3s ago");
            }
        }
    }

    @Test
    void helpStaysOnScreenWhileTheClockTicks() {
        Headless h = Headless.open(new FakeFleet(), ScreenGoldenTest.OPTIONS.withCluster("catalogue"),
                new TerminalSize(120, 40)).settle();
        h.type("?");
        String help = h.text();
        h.advance(Duration.ofSeconds(2));
        assertThat(h.text()).contains("2s ago");
        String[] before = help.split("\n");
        String[] after = h.text().split("\n");
        for (int r = 0; r < before.length - 1; r++) {
            assertThat(after[r]).as("row %d", r).isEqualTo(before[r]);
        }
    }

    private static List<TextCharacter> cells(VirtualTerminal vt) {
        List<TextCharacter> out = new ArrayList<>();
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            for (int c = 0; c < vt.getTerminalSize().getColumns(); c++) {
                out.add(vt.getCharacter(c, r));
            }
        }
        return out;
    }
}
