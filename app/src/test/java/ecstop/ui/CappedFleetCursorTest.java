package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import ecstop.aws.AwsFleetReader;
import ecstop.domain.Scope;
import ecstop.emulator.Accounts;
import ecstop.emulator.EmulatorConfig;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.state.Listing;
import ecstop.ui.state.Pane;
import ecstop.ui.state.SortOrder;
import ecstop.ui.state.State;
import ecstop.ui.terminal.Headless;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --demo --demo-services 600}: the fleet is more than CloudWatch Metrics Insights
 * returns, so each bar panel lists its busiest 500 only. Sorted by anything but peak, the
 * rows with no figure used to sit between the shown ones in the memo the cursor was looked up
 * in, so the cursor pointed past the end of the list on screen and Enter (or Tab, or c) threw.
 * Each key here is pressed in every sort, and the cursor must stay inside the list it moves in.
 */
class CappedFleetCursorTest {
    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(
            Accounts.demo(EmulatorConfig.DEFAULT_SEED, 600, false)).at(DemoFleetFixture.NOW);

    private static Headless open() {
        AwsFleetReader reader = emulator.closing(AwsFleetReader.forEndpoint(emulator.endpoint(), DemoFleetFixture.CLOCK));
        return Headless.open(reader, DemoFleetFixture.OPTIONS, new TerminalSize(200, 50)).settle();
    }

    @ParameterizedTest
    @EnumSource(SortOrder.class)
    void theCursorStaysInTheCappedListWhateverTheSort(SortOrder sort) {
        Headless h = open();
        assertThat(h.state().question().scope()).containsInstanceOf(Scope.Fleet.class);
        assertThat(h.state().fleet().notes().orElseThrow().limits().capped()).as("the fleet is capped").isNotEmpty();
        while (h.state().nav().sort() != sort) {
            h.type("s");
        }
        for (List<Object> keys : List.<List<Object>>of(
                List.of('G', KeyType.Tab, KeyType.Enter),
                List.of('G', KeyType.Tab, KeyType.Tab, KeyType.Tab, KeyType.Enter),
                List.of(KeyType.End, KeyType.Tab, 'c'),
                List.of('G', KeyType.ReverseTab, KeyType.PageDown, KeyType.Enter),
                List.of(KeyType.PageDown, KeyType.PageDown, KeyType.Tab, KeyType.End, KeyType.Enter))) {
            for (Object k : keys) {
                h.press(k instanceof Character c ? new KeyStroke(c, false, false) : new KeyStroke((KeyType) k));
                assertCursorInside(h);
            }
            if (!(h.state().question().scope().orElseThrow() instanceof Scope.Fleet)) {
                h.type("c");
            }
            h.press(KeyType.Escape);
            assertCursorInside(h);
        }
    }

    /** In each pane shown, the cursor's row is one of the rows listed; on a list of services, a service is under it. */
    static void assertCursorInside(Headless h) {
        State s = h.state();
        Listing shown = h.app().panes().listing(s);
        for (Pane pane : shown.order()) {
            Listing.Rows rows = shown.of(pane).orElseThrow();
            assertThat(rows.cursor()).as("%s cursor in %s rows, focus %s", pane, rows.size(), s.nav().focus())
                    .isBetween(0, Math.max(0, rows.size() - 1));
        }
        if (s.nav().focus().equals(Pane.CPU) || s.nav().focus().equals(Pane.MEMORY)) {
            assertThat(h.selectedService()).as("a service is under the cursor").isPresent();
        }
    }
}
