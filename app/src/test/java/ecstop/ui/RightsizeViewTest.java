package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import ecstop.domain.Stat;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.state.Pane;
import ecstop.domain.View;
import ecstop.ui.terminal.Headless;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The right-sizing view on the demo fleet through the real reader: z swaps the bars for the
 * table, which reads the task definitions, scaling policies and prices the emulator serves.
 */
class RightsizeViewTest {
    @RegisterExtension
    static final EmulatorExtension emulator = DemoFleetFixture.extension();
    private static final DemoFleetFixture demo = new DemoFleetFixture(emulator);

    @Test
    void zSwapsTheBarsForTheTableAndBack() {
        Headless h = demo.open("storage-prod", new TerminalSize(160, 40)).settle().type("a");
        assertThat(h.state().question().stat()).isEqualTo(Stat.AVG);
        h.type("z");
        assertThat(h.state().question().view()).isEqualTo(View.RIGHTSIZE);
        assertThat(h.state().question().stat()).as("the rule reads the per-period maxima").isEqualTo(Stat.MAX);
        String text = h.text();
        assertThat(text).contains("Right-size").contains("CPU units").contains("memory MiB").contains("$/month")
                .contains("of hourly maxima + 20% headroom").contains("saves $")
                .contains("shorter than 14 days").doesNotContain("CPU · storage-prod_");
        Golden.assertMatches("window-160x40-rightsize", text);
        // Tab skips the memory pane, which the table replaced
        assertThat(h.press(com.googlecode.lanterna.input.KeyType.Tab).state().nav().focus()).isEqualTo(Pane.CLUSTERS);
        h.press(com.googlecode.lanterna.input.KeyType.Tab);
        assertThat(h.type("z").state().question().view()).isEqualTo(View.USAGE);
        assertThat(h.text()).contains("CPU · storage-prod_");
    }

    @Test
    void theTableFollowsTheLookbackAndTheRowsMoveWithTheKeys() {
        Headless h = demo.open("storage-prod", new TerminalSize(160, 40)).settle().type("z").type("++");
        assertThat(h.text()).contains("Right-size").contains("7d").contains("shorter than 14 days");
        h.type("+");
        assertThat(h.text()).as("14 days: no warning").contains("14d").doesNotContain("shorter than 14 days");
        String first = h.selectedService().orElseThrow().name();
        h.type("j");
        assertThat(h.selectedService().orElseThrow().name()).isNotEqualTo(first);
    }
}
