package ecstop.ui;

import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;
import ecstop.ui.terminal.TerminalCharset;

import ecstop.config.ColourMode;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import ecstop.domain.Thresholds;
import ecstop.testfleet.FakeFleet;
import ecstop.ui.view.Palette;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Colours of specific cells: red from 95%, amber from 80%, grey for "no data". */
class ColourTest {
    private static VirtualTerminal screen(ColourMode mode, Thresholds t) {
        UiOptions o = new UiOptions(java.util.Optional.of("storage-prod"), ecstop.domain.Lookback.hours(24),
                ecstop.domain.Stat.MAX, java.time.Duration.ofSeconds(60), t, false, mode, "", FakeFleet.CLOCK);
        return Headless.open(new FakeFleet(), o, ScreenGoldenTest.SMALL).settle().terminal();
    }

    @ParameterizedTest
    @EnumSource(value = ColourMode.class, names = {"C16", "C256", "TRUECOLOR"})
    void hotWarnOkAndNoDataInEachColourMode(ColourMode mode) {
        VirtualTerminal vt = screen(mode, Thresholds.DEFAULT);
        Palette p = Palette.of(mode);
        assertThat(Cells.at(vt, "replicator", "98.2%").getForegroundColor()).isEqualTo(p.hot());
        assertThat(Cells.at(vt, "replicator", "98.2%").isBold()).isTrue();
        assertThat(Cells.at(vt, "replicator", "█").getForegroundColor()).isEqualTo(p.hot());
        assertThat(Cells.at(vt, "bag-verifier", "85.5%").getForegroundColor()).isEqualTo(p.warn());
        assertThat(Cells.at(vt, "bag-verifier", "91.0%").getForegroundColor()).isEqualTo(p.warn());
        assertThat(Cells.at(vt, "register", "41.0%").getForegroundColor()).isEqualTo(p.ok());
        assertThat(Cells.at(vt, "ingests", "no data").getForegroundColor()).isEqualTo(p.dim());
        assertThat(Cells.at(vt, "ingests", "ingests").getForegroundColor()).isEqualTo(p.dim());
        // 2 of 3 running: a WARN signal, amber and not bold
        assertThat(Cells.at(vt, "ingests", "⇣").getForegroundColor()).isEqualTo(p.warn());
        assertThat(Cells.at(vt, "ingests", "⇣").isBold()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void theColourClassMatchesTheMode() {
        assertThat(Cells.at(screen(ColourMode.C16, Thresholds.DEFAULT), "replicator", "98.2%").getForegroundColor())
                .isEqualTo(TextColor.ANSI.RED);
        assertThat(Cells.at(screen(ColourMode.C256, Thresholds.DEFAULT), "replicator", "98.2%").getForegroundColor())
                .isInstanceOf(TextColor.Indexed.class);
        assertThat(Cells.at(screen(ColourMode.TRUECOLOR, Thresholds.DEFAULT), "replicator", "98.2%").getForegroundColor())
                .isInstanceOf(TextColor.RGB.class);
    }

    @Test
    void thresholdsAreConfigurable() {
        VirtualTerminal vt = screen(ColourMode.C16, new Thresholds(30, 40));
        assertThat(Cells.at(vt, "register", "41.0%").getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
        assertThat(Cells.at(vt, "register", "30.2%").getForegroundColor()).isEqualTo(TextColor.ANSI.YELLOW);
    }

    @Test
    void selectedRowOfTheFocusedPaneIsHighlighted() {
        VirtualTerminal vt = screen(ColourMode.C16, Thresholds.DEFAULT);
        Palette p = Palette.of(ColourMode.C16);
        assertThat(Cells.at(vt, "▶replicator", "replicator").getBackgroundColor()).isEqualTo(p.selectionBg());
        // the memory pane is not focused: its cursor row is marked, not highlighted
        assertThat(Cells.at(vt, "▶bag-verifier", "bag-verifier").getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    }

    @Test
    void colourModeFromTheEnvironment() {
        assertThat(ColourMode.AUTO.resolve(Map.of("TERM", "xterm"))).isEqualTo(ColourMode.C16);
        assertThat(ColourMode.AUTO.resolve(Map.of("TERM", "tmux-256color"))).isEqualTo(ColourMode.C256);
        assertThat(ColourMode.AUTO.resolve(Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor")))
                .isEqualTo(ColourMode.TRUECOLOR);
        assertThat(ColourMode.C16.resolve(Map.of("COLORTERM", "truecolor"))).isEqualTo(ColourMode.C16);
        assertThat(ColourMode.AUTO.resolve(Map.of())).isEqualTo(ColourMode.C16);
    }

    @Test
    void asciiOnlyWhenTheLocaleNamesACharsetWithoutBlocks() {
        assertThat(TerminalCharset.needsAscii(Map.of("LANG", "C"))).isFalse();
        assertThat(TerminalCharset.needsAscii(Map.of())).isFalse();
        assertThat(TerminalCharset.needsAscii(Map.of("LANG", "en_GB.UTF-8"))).isFalse();
        assertThat(TerminalCharset.needsAscii(Map.of("LC_ALL", "de_DE.ISO-8859-1", "LANG", "en_GB.UTF-8"))).isTrue();
        assertThat(TerminalCharset.needsAscii(Map.of("LC_CTYPE", "en_US.US-ASCII"))).isTrue();
    }
}
