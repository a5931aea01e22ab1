package ecstop.ui.widget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void escapeSequencesBecomeOneMarkEach() {
        assertThat(Text.sanitize("a\u001b[31mred\u001b[0m")).isEqualTo("a?red?");
        assertThat(Text.sanitize("x\u001b[2J\u001b[H")).isEqualTo("x??");
        assertThat(Text.sanitize("t\u001b]0;pwned\u0007x")).isEqualTo("t?x");
        assertThat(Text.sanitize("t\u001b]8;;http://e\u001b\\link")).isEqualTo("t?link");
        assertThat(Text.sanitize("c1\u009b31m")).isEqualTo("c1?");
        assertThat(Text.sanitize("esc at end\u001b")).isEqualTo("esc at end?");
    }

    @Test
    void controlAndFormatCharactersAreReplaced() {
        assertThat(Text.sanitize("a\tb\nc\rd\u0000e\u007ff\u0085g")).isEqualTo("a?b?c?d?e?f?g");
        assertThat(Text.sanitize("rtl\u202eevil\u200b")).isEqualTo("rtl?evil?");
        assertThat(Text.sanitize("line\u2028para\u2029")).isEqualTo("line?para?");
    }

    @Test
    void combiningMarksDropAndEmojiAreReplaced() {
        assertThat(Text.sanitize("e\u0301")).isEqualTo("e");
        assertThat(Text.sanitize("ok\uD83D\uDE00")).isEqualTo("ok?");
        assertThat(Text.sanitize("lone\uD83D")).isEqualTo("lone?");
    }

    @Test
    void plainAndNonLatinTextIsKept() {
        assertThat(Text.sanitize("storage-prod_register")).isSameAs("storage-prod_register");
        assertThat(Text.sanitize("сервис-αβγ-日本")).isEqualTo("сервис-αβγ-日本");
        assertThat(Text.sanitize(null)).isEmpty();
    }

    @Test
    void cjkCountsTwoColumnsAndIsNeverSplit() {
        assertThat(Text.width("日本")).isEqualTo(4);
        assertThat(Text.width("ab日")).isEqualTo(4);
        assertThat(Text.fit("日本語テキスト", 5, "…")).isEqualTo("日本…");
        assertThat(Text.fit("日本語テキスト", 6, "…")).isEqualTo("日本…");
        assertThat(Text.width(Text.fit("日本語テキスト", 6, "…"))).isLessThanOrEqualTo(6);
        assertThat(Text.pad("日本語テキスト", 6, "…")).isEqualTo("日本… ");
        assertThat(Text.width(Text.pad("日", 5, "…"))).isEqualTo(5);
    }

    @Test
    void longNamesAreCutWithAnEllipsis() {
        String name = "svc-" + "x".repeat(496);
        assertThat(Text.fit(name, 20, "…")).hasSize(20).endsWith("x…");
        assertThat(Text.fit(name, 20, "~")).endsWith("~");
        assertThat(Text.fit("short", 20, "…")).isEqualTo("short");
        assertThat(Text.fit("abc", 0, "…")).isEmpty();
        assertThat(Text.fit("abcdef", 1, "…")).isEqualTo("…");
        assertThat(Text.padLeft("7", 3, "…")).isEqualTo("  7");
    }

    @Test
    void figuresStayInSevenColumns() {
        assertThat(Figures.percent(98.25)).isEqualTo("98.3%");
        assertThat(Figures.percent(10_000)).isEqualTo("10000%");
        assertThat(Figures.percent(-5)).isEqualTo("-5.0%");
        assertThat(Figures.percent(-1e9)).isEqualTo("<-99%");
        assertThat(Figures.percent(1e12)).isEqualTo(">99999%");
        assertThat(Figures.percent(Double.NaN)).isEqualTo("—");
        for (double v : new double[] {0, 99.99, 999.9, 1000, 99_999, 1e6, -99.9, -100}) {
            assertThat(Figures.percent(v).length()).as("%s", v).isLessThanOrEqualTo(Figures.WIDTH);
        }
    }

    @Test
    void scrollListMovesOnlyAsFarAsNeeded() {
        ScrollList s = new ScrollList();
        assertThat(s.top(100, 0, 10)).isZero();
        assertThat(s.top(100, 9, 10)).isZero();
        assertThat(s.top(100, 10, 10)).isEqualTo(1);
        assertThat(s.top(100, 5, 10)).isEqualTo(1);
        assertThat(s.top(100, 0, 10)).isZero();
        assertThat(s.top(100, 99, 10)).isEqualTo(90);
        assertThat(s.top(5, 4, 10)).isZero();
        assertThat(s.top(0, 0, 10)).isZero();
    }
}
