package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.MouseActionType;
import ecstop.domain.ServiceRef;
import ecstop.testfleet.FakeFleet;
import ecstop.ui.state.Pane;
import ecstop.ui.terminal.Headless;
import org.junit.jupiter.api.Test;

/**
 * The mouse through the virtual terminal, as the terminal reports it: a click selects the
 * row under it (a second click on a cluster opens it), the wheel scrolls the pane under the
 * pointer, and the rows are the ones the last frame drew there.
 */
class MouseTest {
    private static final TerminalSize SIZE = new TerminalSize(120, 40);

    private static Headless catalogue() {
        return Headless.open(new FakeFleet(), ScreenGoldenTest.OPTIONS.withCluster("catalogue"), SIZE).settle();
    }

    @Test
    void aClickSelectsTheServiceUnderItInThePaneUnderIt() {
        Headless h = catalogue();
        // 120x40: picker 32 wide; CPU panel from column 32, rows 1.. inside its box; memory below it
        String row3 = h.text().lines().toList().get(3).substring(33);
        h.mouse(MouseActionType.CLICK_DOWN, 40, 3);
        assertThat(h.state().nav().focus()).isEqualTo(Pane.CPU);
        assertThat(h.selectedService().map(ServiceRef::name).orElseThrow()).endsWith(row3.trim().split(" +")[0]);
        assertThat(h.text().lines().toList().get(3)).contains("▶");

        int memoryRow = 22;
        h.mouse(MouseActionType.CLICK_DOWN, 40, memoryRow);
        assertThat(h.state().nav().focus()).isEqualTo(Pane.MEMORY);
        assertThat(h.text().lines().toList().get(memoryRow)).contains("▶");
    }

    @Test
    void theWheelScrollsThePaneUnderThePointerThreeRowsANotch() {
        Headless h = catalogue();
        String first = h.selectedService().orElseThrow().name();
        h.mouse(MouseActionType.SCROLL_DOWN, 50, 5).mouse(MouseActionType.SCROLL_DOWN, 50, 5);
        assertThat(h.text()).contains("7/150");
        h.mouse(MouseActionType.SCROLL_UP, 50, 5);
        assertThat(h.text()).contains("4/150");
        h.mouse(MouseActionType.SCROLL_UP, 50, 5).mouse(MouseActionType.SCROLL_UP, 50, 5);
        assertThat(h.selectedService().orElseThrow().name()).isEqualTo(first);
    }

    @Test
    void aClickOnAClusterMovesThePickerAndASecondClickOpensIt() {
        Headless h = catalogue();
        // row 1 is "All clusters", 2 storage-prod, 3 catalogue, 4 empty
        h.mouse(MouseActionType.CLICK_DOWN, 5, 4);
        assertThat(h.state().nav().focus()).isEqualTo(Pane.CLUSTERS);
        assertThat(h.state().nav().clusterCursor()).isEqualTo(3);
        assertThat(h.state().cluster()).contains(FakeFleet.ref("catalogue"));
        h.mouse(MouseActionType.CLICK_DOWN, 5, 4);
        assertThat(h.state().cluster()).contains(FakeFleet.ref("empty"));
        assertThat(h.text()).contains("no services in this cluster");
    }

    @Test
    void clicksOutsideAnyRowOrOnTheStatusBarChangeNothing() {
        Headless h = catalogue();
        String before = h.text();
        h.mouse(MouseActionType.CLICK_DOWN, 60, 39);
        assertThat(h.text()).isEqualTo(before);
    }
}
