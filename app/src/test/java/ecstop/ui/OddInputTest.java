package ecstop.ui;

import ecstop.ui.terminal.Headless;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import ecstop.domain.Cluster;
import ecstop.testfleet.FakeFleet;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Names with escape sequences, CJK and 500 characters, and values NaN, negative and 10,000%, drawn safely. */
class OddInputTest {
    private static final String LONG = "odd-" + "x".repeat(496);

    private static FakeFleet oddFleet() {
        return new FakeFleet().add(FakeFleet.cluster("odd\u001b[2J\u001b]0;pwned\u0007", "arn", 6, 6, 0, OptionalDouble.of(Double.NaN),
                OptionalDouble.of(-3)), List.of(
                new FakeFleet.Spec("odd-\u001b[31mred\u001b[0m", 10_000, 12),
                new FakeFleet.Spec("odd-サービス日本語", 50, 60),
                new FakeFleet.Spec(LONG, 20, 30),
                new FakeFleet.Spec("odd-neg", -5, -1),
                new FakeFleet.Spec("odd-tab\tnew\nline\u202e", 1, 2),
                new FakeFleet.Spec("odd-nan", Double.NaN, Double.NaN)));
    }

    static void assertNoControlCharacters(VirtualTerminal vt) {
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            for (int c = 0; c < vt.getTerminalSize().getColumns(); c++) {
                TextCharacter ch = vt.getCharacter(c, r);
                for (char x : ch.getCharacterString().toCharArray()) {
                    assertThat(Character.isISOControl(x) || Character.getType(x) == Character.FORMAT)
                            .as("control character U+%04X at %d,%d", (int) x, c, r).isFalse();
                }
            }
        }
    }

    @Test
    void oddNamesAndValuesRenderSafely() {
        FakeFleet fleet = oddFleet();
        Headless h = Headless.open(fleet, ScreenGoldenTest.OPTIONS, ScreenGoldenTest.LARGE).settle();
        // several clusters open on the fleet: Esc to the picker, past "All clusters" to the odd one
        h.press(KeyType.Escape, KeyType.ArrowDown, KeyType.ArrowDown, KeyType.ArrowDown, KeyType.ArrowDown, KeyType.Enter);
        assertThat(h.state().cluster().map(ecstop.domain.ClusterRef::name)).hasValueSatisfying(c -> assertThat(c).startsWith("odd"));
        String text = h.text();
        assertNoControlCharacters(h.terminal());
        assertThat(text).contains("10000%").contains("サービス日本語").contains("-2.0%").contains("no data");
        assertThat(text).contains("?red?").doesNotContain("[31m").doesNotContain("pwned");
        assertThat(text).contains("xxx…");
        Golden.assertMatches("window-200x50-odd", text);

        h.press(KeyType.Enter);
        assertNoControlCharacters(h.terminal());
        h.resize(ScreenGoldenTest.SMALL);
        assertNoControlCharacters(h.terminal());
        Golden.assertMatches("window-80x24-odd-detail", h.text());
    }

    @Test
    void fiveThousandServicesScrollToTheEnd() {
        java.util.List<FakeFleet.Spec> specs = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            specs.add(new FakeFleet.Spec("big-svc-" + i, i % 111, (i * 7) % 103));
        }
        FakeFleet fleet = new FakeFleet().add(FakeFleet.cluster("big", "arn", 5000, 5000, 0, OptionalDouble.empty(),
                OptionalDouble.empty()), specs);
        Headless h = Headless.open(fleet, ScreenGoldenTest.OPTIONS.withCluster("big"), ScreenGoldenTest.SMALL).settle();
        assertThat(h.text()).contains("1/5000");
        h.type("G");
        assertThat(h.text()).contains("5000/5000");
        h.press(KeyType.PageUp);
        assertThat(h.text()).contains(h.app().presenter().rows(h.state(), ecstop.domain.Metric.CPU).size()
                - h.app().panes().listing(h.state()).pageRows(h.state().nav().focus()) + "/5000");
    }
}
