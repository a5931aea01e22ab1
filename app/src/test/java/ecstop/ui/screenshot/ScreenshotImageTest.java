package ecstop.ui.screenshot;

import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import ecstop.config.ColourMode;
import ecstop.testfleet.FakeFleet;
import ecstop.ui.view.Palette;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ScreenshotImageTest {
    private static final int HOT = CellColours.rgb(Palette.of(ColourMode.TRUECOLOR).hot(), -1);

    private final Headless h = Headless.open(new FakeFleet(), UiOptions.defaults().withClock(FakeFleet.CLOCK)
            .withCluster("storage-prod").withColour(ColourMode.TRUECOLOR), new TerminalSize(80, 24)).settle();

    @Test
    void aFixedGridOfCellsWhateverTheFont() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(ScreenshotImage.png(h.terminal())));
        assertThat(img.getWidth()).isEqualTo(80 * ScreenshotImage.CELL_W);
        assertThat(img.getHeight()).isEqualTo(24 * ScreenshotImage.CELL_H);
    }

    /** A hot service's bar is red from its first cell to its last, with no seams between cells. */
    @Test
    void aHotBarIsSolidRed() {
        VirtualTerminal vt = h.terminal();
        BufferedImage img = ScreenshotImage.image(vt);
        int[] run = longestHotBlockRun(vt);
        assertThat(run[2]).as("full blocks in the hot colour on screen:\n%s", h.text()).isGreaterThan(1);
        int y = run[0] * ScreenshotImage.CELL_H + ScreenshotImage.CELL_H / 2;
        for (int x = run[1] * ScreenshotImage.CELL_W; x < (run[1] + run[2]) * ScreenshotImage.CELL_W; x++) {
            assertThat(img.getRGB(x, y) & 0xffffff).as("pixel %d,%d", x, y).isEqualTo(HOT);
        }
        // the top pixel row of the cell is the gap that keeps bars of neighbouring rows apart
        assertThat(img.getRGB(run[1] * ScreenshotImage.CELL_W, run[0] * ScreenshotImage.CELL_H) & 0xffffff).isNotEqualTo(HOT);
    }

    /** {row, first column, length} of the longest run of hot full blocks. */
    private static int[] longestHotBlockRun(VirtualTerminal vt) {
        int[] best = {0, 0, 0};
        TerminalSize size = vt.getTerminalSize();
        for (int r = 0; r < size.getRows(); r++) {
            int c = 0;
            while (c < size.getColumns()) {
                int start = c;
                while (c < size.getColumns() && isHotBlock(vt.getCharacter(c, r))) {
                    c++;
                }
                if (c - start > best[2]) {
                    best = new int[] {r, start, c - start};
                }
                c = Math.max(c, start + 1);
            }
        }
        return best;
    }

    private static boolean isHotBlock(TextCharacter ch) {
        return ch.getCharacterString().equals("█") && CellColours.fg(ch) == HOT;
    }
}
