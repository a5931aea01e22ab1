package ecstop.ui.widget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The presenters' lines under {@code --ascii}: the answer line's signs spelled out, nothing past ASCII left. */
class GlyphsTextTest {
    @Test
    void asciiSpellsOutTheSignsAndReplacesTheRest() {
        String line = "memory ≥ 80% since 18:00 (1h 30m) · 11-19 18:00–21:00 · task definition :1 → :2 ↯ reading…";
        assertThat(Glyphs.ASCII.text(line))
                .isEqualTo("memory >= 80% since 18:00 (1h 30m) - 11-19 18:00-21:00 - task definition :1 -> :2 ? reading~");
        assertThat(Glyphs.UNICODE.text(line)).isSameAs(line);
    }
}
