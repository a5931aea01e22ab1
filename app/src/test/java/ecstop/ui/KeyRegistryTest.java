package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import ecstop.testfleet.FakeFleet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The help and the handling come from one table: every key in the help works, and every key that works is in the help. */
class KeyRegistryTest {
    private final KeyRegistry keys = KeyRegistry.standard(false);

    @Test
    void everyActionHasAKeyInTheHelp() {
        Set<Action> listed = EnumSet.noneOf(Action.class);
        keys.bindings().forEach(b -> listed.add(b.action()));
        assertThat(listed).containsExactlyInAnyOrder(Action.values());
        keys.bindings().forEach(b -> assertThat(b.keys()).isNotEmpty());
    }

    @Test
    void everyKeyInTheHelpIsHandledAsItsAction() {
        for (KeyRegistry.Binding b : keys.bindings()) {
            for (KeyRegistry.Key k : b.keys()) {
                assertThat(keys.lookup(k.stroke())).as(k.label()).contains(b.action());
            }
        }
    }

    @Test
    void asciiHelpUsesAsciiLabelsForTheSameKeys() {
        KeyRegistry ascii = KeyRegistry.standard(true);
        assertThat(ascii.bindings()).extracting(KeyRegistry.Binding::action)
                .containsExactlyElementsOf(keys.bindings().stream().map(KeyRegistry.Binding::action).toList());
        ascii.bindings().forEach(b -> assertThat(b.keysLabel().chars().allMatch(c -> c < 128)).as(b.keysLabel()).isTrue());
    }

    /** Every key a user could press: printable ASCII, Ctrl-letters, every special key. */
    private static List<KeyStroke> everyKey() {
        List<KeyStroke> all = new ArrayList<>();
        for (char c = 32; c < 127; c++) {
            all.add(new KeyStroke(c, false, false));
        }
        for (char c = 'a'; c <= 'z'; c++) {
            all.add(new KeyStroke(c, true, false));
        }
        for (KeyType t : KeyType.values()) {
            if (t != KeyType.Character && t != KeyType.EOF && t != KeyType.CursorLocation
                    && t != KeyType.MouseEvent) {
                all.add(new KeyStroke(t));
            }
        }
        return all;
    }

    @Test
    void noKeyDoesAnythingWithoutBeingInTheHelp() {
        for (KeyStroke k : everyKey()) {
            Headless h = Headless.open(new FakeFleet(), ScreenGoldenTest.OPTIONS.withCluster("catalogue"),
                    ScreenGoldenTest.SMALL).settle().type("j");
            Controller c = new Controller(h.state(), keys, h.poller());
            Controller.Outcome out = c.onKey(k);
            if (out != Controller.Outcome.NOTHING) {
                assertThat(keys.lookup(k)).as("%s does something but is not in the help", k).isPresent();
            }
        }
    }

    @Test
    void theHelpOverlayListsEveryBinding() {
        String text = Headless.open(new FakeFleet(), ScreenGoldenTest.OPTIONS.withCluster("storage-prod"),
                ScreenGoldenTest.LARGE).settle().type("?").text();
        for (KeyRegistry.Binding b : keys.bindings()) {
            assertThat(text).contains(b.keysLabel()).contains(b.action().description());
        }
    }
}
