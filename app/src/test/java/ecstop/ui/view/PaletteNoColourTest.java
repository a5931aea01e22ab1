package ecstop.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import ecstop.config.ColourMode;
import ecstop.domain.Level;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NO_COLOR in the TUI: Tui resolves the colour mode from the environment, and the palette of
 * the mode it gets draws no level, name or sparkline in a hue of its own, and no highlight in
 * one either: the cursor and the status bar keep a contrast by reverse video
 * ({@link ecstop.ui.widget.Pen#REVERSE}) so the user can see where they are.
 */
class PaletteNoColourTest {
    @Test
    void noColorGivesAPaletteWithoutHues() {
        Palette p = Palette.of(ColourMode.AUTO.resolve(Map.of("NO_COLOR", "1", "COLORTERM", "truecolor")));
        for (Level level : Level.values()) {
            assertThat(p.level(level)).as(level.name()).isEqualTo(TextColor.ANSI.DEFAULT);
        }
        assertThat(p.accent()).isEqualTo(TextColor.ANSI.DEFAULT);
        assertThat(p.selectionFg()).isEqualTo(TextColor.ANSI.DEFAULT);
        assertThat(p.statusFg()).isEqualTo(TextColor.ANSI.DEFAULT);
        assertThat(p.selectionBg()).isEqualTo(ecstop.ui.widget.Pen.REVERSE);
        assertThat(p.statusBg()).isEqualTo(ecstop.ui.widget.Pen.REVERSE);
        assertThat(p.errorBg()).isEqualTo(ecstop.ui.widget.Pen.REVERSE);

        Palette coloured = Palette.of(ColourMode.AUTO.resolve(Map.of("NO_COLOR", "", "COLORTERM", "truecolor")));
        assertThat(coloured.level(Level.HOT)).isNotEqualTo(TextColor.ANSI.DEFAULT);
    }
}
