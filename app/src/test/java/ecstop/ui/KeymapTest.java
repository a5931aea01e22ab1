package ecstop.ui;

import ecstop.ui.terminal.Headless;
import ecstop.ui.action.Keymap;
import ecstop.ui.action.Action;
import ecstop.ui.action.KeyBinding;
import ecstop.ui.terminal.App;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import ecstop.testfleet.FakeFleet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The help and the handling come from one table: every key in the help works, and every key that works is in the help. */
class KeymapTest {
    /** The keymap the app runs with: the standard keys and the panes' own. */
    private final Keymap keys = ecstop.ui.view.PaneRegistry.standard(new ecstop.ui.present.Presenter(ecstop.ui.widget.Glyphs.UNICODE), java.time.ZoneOffset.UTC).keymap(false);

    @Test
    void everyActionHasAKeyAndAHelpLineOfItsOwn() {
        assertThat(keys.actions()).allSatisfy(a -> assertThat(a.keys()).isNotEmpty())
                .extracting(Action::help).doesNotHaveDuplicates().allSatisfy(h -> assertThat(h).isNotBlank());
    }

    @Test
    void everyKeyInTheHelpIsHandledAsItsActionAndNoKeyHasTwo() {
        Set<String> seen = new HashSet<>();
        for (Action a : keys.actions()) {
            for (KeyBinding k : a.keys()) {
                assertThat(keys.lookup(k.stroke())).as(k.label()).containsSame(a);
                assertThat(seen.add(k.label())).as("%s bound twice", k.label()).isTrue();
            }
        }
    }

    @Test
    void asciiHelpUsesAsciiLabelsForTheSameKeys() {
        Keymap ascii = ecstop.ui.view.PaneRegistry.standard(new ecstop.ui.present.Presenter(ecstop.ui.widget.Glyphs.UNICODE), java.time.ZoneOffset.UTC).keymap(true);
        assertThat(ascii.actions()).extracting(Action::help)
                .containsExactlyElementsOf(keys.actions().stream().map(Action::help).toList());
        ascii.actions().forEach(a -> assertThat(a.keysLabel().chars().allMatch(c -> c < 128)).as(a.keysLabel()).isTrue());
    }

    @Test
    void aPaneAddsAKeyAsOneActionAndTheHelpListsIt() {
        Action sortByName = new Action(List.of(new KeyBinding("n", new KeyStroke('n', false, false))), "sort by name",
                (s, shown) -> s.cycleSort(), Action.Effect.NONE);
        Keymap more = keys.with(sortByName);
        assertThat(more.lookup(new KeyStroke('n', false, false))).containsSame(sortByName);
        assertThat(more.actions()).contains(sortByName).hasSize(keys.actions().size() + 1);
        assertThat(more.actions().get(more.actions().size() - 1).help()).as("the loop's own keys end the help").isEqualTo("quit");
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
            App.Outcome out = h.handle(k);
            if (out != App.Outcome.NOTHING) {
                assertThat(keys.lookup(k)).as("%s does something but is not in the help", k).isPresent();
            }
        }
    }

    @Test
    void inFilterModeEveryCharacterIsTypedAndEveryOtherKeyDoesWhatItDoesOutside() {
        Keymap filtering = keys.filtering();
        for (KeyStroke k : everyKey()) {
            boolean typed = k.getKeyType() == KeyType.Character && !k.isCtrlDown();
            if (typed || k.getKeyType() == KeyType.Backspace || k.getKeyType() == KeyType.Enter) {
                assertThat(filtering.lookup(k)).as("%s in filter mode", k).isPresent();
            } else {
                // the arrows, Tab, Esc and the Ctrl keys: the same action as outside filter mode
                assertThat(filtering.lookup(k).map(Action::help)).as("%s in filter mode", k).isEqualTo(keys.lookup(k).map(Action::help));
            }
        }
        assertThat(filtering.actions()).extracting(Action::help).contains("refresh now", "quit", "move down")
                .doesNotContain("cycle sort: peak, name, memory, trouble", "show / hide this help");
    }

    @Test
    void typingAFilterTakesQAndQuestionMarksAsCharactersAndEnterKeepsIt() {
        Headless h = Headless.open(new FakeFleet(), ScreenGoldenTest.OPTIONS.withCluster("catalogue"),
                ScreenGoldenTest.SMALL).settle().type("/q?s");
        assertThat(h.state().nav().filter().text()).isEqualTo("q?s");
        assertThat(h.state().nav().help()).isFalse();
        h.press(KeyType.Backspace).press(KeyType.Enter);
        assertThat(h.state().nav().filter().text()).isEqualTo("q?");
        assertThat(h.state().nav().filter().typing()).isFalse();
        assertThat(h.handle(new KeyStroke('q', false, false))).as("q quits again once the filter is kept").isEqualTo(App.Outcome.QUIT);
    }

    @Test
    void theHelpAt80x24ShowsEveryKeyInTwoColumnsWhenOneIsTooTall() {
        String text = Headless.open(new FakeFleet(), ScreenGoldenTest.OPTIONS.withCluster("storage-prod"),
                ScreenGoldenTest.SMALL).settle().type("?").text();
        for (Action a : keys.actions()) {
            assertThat(text).as(a.help()).contains(" " + a.keysLabel() + " ");
        }
        assertThat(text).contains("quit").contains("show / hide this help");
    }

    @Test
    void theHelpOverlayListsEveryBinding() {
        String text = Headless.open(new FakeFleet(), ScreenGoldenTest.OPTIONS.withCluster("storage-prod"),
                ScreenGoldenTest.LARGE).settle().type("?").text();
        for (Action a : keys.actions()) {
            assertThat(text).contains(a.keysLabel()).contains(a.help());
        }
    }
}
