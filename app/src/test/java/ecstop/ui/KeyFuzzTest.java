package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import ecstop.aws.AwsFleetReader;
import ecstop.domain.Scope;
import ecstop.emulator.Accounts;
import ecstop.emulator.EmulatorConfig;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.action.KeyBinding;
import ecstop.ui.state.Listing;
import ecstop.ui.state.Pane;
import ecstop.ui.state.Detail;
import ecstop.ui.state.State;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key the keymap binds, in every pane of every view (the tasks and containers panes among them), then a few hundred seeded random keys,
 * mouse events among them, from each view, at the two sizes the golden screens use: nothing
 * throws (a crash a user can reach with the keyboard is the worst bug we can ship) and every
 * list's cursor stays inside its list. The fleet is the demo's at 600 services, so its bar
 * panels are capped at their busiest 500; the one-cluster views are on storage-prod, whose
 * reads the client's token buckets do not stretch to seconds (catalogue's 600 are reached by
 * the random keys). Keys go in faster than the answers come, as a user's do.
 */
class KeyFuzzTest {
    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(
            Accounts.demo(EmulatorConfig.DEFAULT_SEED, 600, false)).at(DemoFleetFixture.NOW);

    static final long SEED = 18;
    /** Per view and size: 3,000 in all. */
    static final int RANDOM_KEYS = 250;
    /** Keys are sent without waiting for the calls they ask for; the answers come every few keys, as they would. */
    static final int SETTLE_ONE_IN = 12;

    /** A view to fuzz: how to reach it from a fresh session, and how to tell the session is still in it. */
    record View(String name, String cluster, UnaryOperator<Headless> reach, Predicate<State> holds) {
        @Override
        public String toString() { return name; }
    }

    static final List<View> VIEWS = List.of(
            new View("fleet", null, h -> h, s -> s.question().scope().orElse(null) instanceof Scope.Fleet),
            new View("one cluster", "storage-prod", h -> h, s -> s.cluster().isPresent()),
            new View("detail", "storage-prod", h -> h.press(KeyType.Enter), s -> s.nav().detail().isPresent()),
            new View("right-sizing", "storage-prod", h -> h.type("z"), s -> s.question().view() == ecstop.domain.View.RIGHTSIZE
                    && s.cluster().isPresent()),
            new View("tasks", "storage-prod", h -> h.type("t"), s -> s.nav().tasksOpen()),
            new View("containers", null, h -> h.type("T"), s -> s.nav().containers().isPresent()),
            new View("help", null, h -> h.type("?"), s -> s.nav().help()),
            new View("filter", null, h -> h.type("/or"), s -> s.nav().filter().typing()));

    static Stream<Arguments> viewsAndSizes() {
        return VIEWS.stream().flatMap(v -> Stream.of(
                Arguments.of(v, new TerminalSize(200, 50)), Arguments.of(v, new TerminalSize(80, 24))));
    }

    private static Headless open(View view, TerminalSize size) {
        AwsFleetReader reader = emulator.closing(AwsFleetReader.forEndpoint(emulator.endpoint(), DemoFleetFixture.CLOCK));
        UiOptions options = DemoFleetFixture.OPTIONS.withCluster(view.cluster());
        Headless h = view.reach().apply(Headless.open(reader, options, size).settle());
        assertThat(view.holds().test(h.state())).as("reached " + view).isTrue();
        return h;
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("viewsAndSizes")
    void everyBoundKeyInEveryPaneThenRandomKeys(View view, TerminalSize size) {
        Headless h = open(view, size);
        List<KeyStroke> bound = h.app().keys().actions().stream().flatMap(a -> a.keys().stream())
                .map(KeyBinding::stroke).toList();
        for (Pane pane : h.app().panes().panes()) {
            for (KeyStroke key : bound) {
                if (!view.holds().test(h.state())) {
                    h = open(view, size);
                }
                if (!focus(h, pane)) {
                    break;
                }
                h.send(affordable(h, key));
                assertCursorsInside(h, view + ", " + pane + ", " + key);
            }
        }
        h = open(view, size);
        Random random = new Random(SEED + VIEWS.indexOf(view) * 31L + size.getColumns());
        for (int i = 0; i < RANDOM_KEYS; i++) {
            KeyStroke key = affordable(h, randomKey(random, bound, size));
            h.send(key);
            if (random.nextInt(SETTLE_ONE_IN) == 0) {
                settle(h);
            }
            assertCursorsInside(h, view + ", random key " + i + ": " + key);
        }
    }

    /**
     * Catalogue's 600 services read one by one (60 DescribeServices at ECS's 20 a second) cost
     * seconds of the client's token bucket per read, so the answers come only while another
     * scope is on screen; the fleet's capped bars, which do come, are the same panes.
     */
    private static void settle(Headless h) {
        if (h.state().cluster().filter(c -> c.name().equals("catalogue")).isEmpty()) {
            h.settle();
        }
    }

    /**
     * {@code key}, unless it would open the right-sizing of the fleet or of catalogue: that reads
     * each of catalogue's task definitions at 20 a second, half a minute a read. Its table is the same pane as
     * storage-prod's, which the right-sizing view fuzzes. The steps are pure, so where a key
     * leads is known before it is pressed; a click on the picker in the table's view is let go.
     */
    private static KeyStroke affordable(Headless h, KeyStroke key) {
        State s = h.state();
        if (key instanceof MouseAction) {
            return s.question().view() == ecstop.domain.View.RIGHTSIZE ? new KeyStroke(KeyType.ArrowDown) : key;
        }
        State next = h.app().keys().lookup(key).map(a -> a.step().apply(s, h.app().panes().listing(s))).orElse(s);
        boolean bigTable = next.question().view() == ecstop.domain.View.RIGHTSIZE && (next.question().scope().orElse(null) instanceof Scope.Fleet
                || next.cluster().filter(c -> c.name().equals("catalogue")).isPresent());
        return bigTable ? new KeyStroke(KeyType.ArrowDown) : key;
    }

    /** Tabs to {@code pane}; false when this view never gives it the focus. */
    private static boolean focus(Headless h, Pane pane) {
        for (int i = 0; i <= h.app().panes().panes().size() && !h.state().nav().focus().equals(pane); i++) {
            if (h.state().nav().help() || h.state().nav().filter().typing()) {
                return i == 0;
            }
            h.send(new KeyStroke(KeyType.Tab));
        }
        settle(h);
        return h.state().nav().focus().equals(pane);
    }

    private static final KeyType[] SPECIAL = {KeyType.ArrowUp, KeyType.ArrowDown, KeyType.ArrowLeft, KeyType.ArrowRight,
            KeyType.Home, KeyType.End, KeyType.PageUp, KeyType.PageDown, KeyType.Tab, KeyType.ReverseTab, KeyType.Enter,
            KeyType.Escape, KeyType.Backspace, KeyType.Delete, KeyType.Insert, KeyType.F1, KeyType.F5, KeyType.F12,
            KeyType.Unknown, KeyType.CursorLocation};
    private static final MouseActionType[] MOUSE = MouseActionType.values();

    /** Mostly bound keys (they change the most), then characters with and without modifiers, special keys and the mouse. */
    private static KeyStroke randomKey(Random r, List<KeyStroke> bound, TerminalSize size) {
        int kind = r.nextInt(10);
        if (kind < 5) {
            KeyStroke k = bound.get(r.nextInt(bound.size()));
            // quitting ends the session; the loop's reaction to it is not what is fuzzed here
            return k.getKeyType() == KeyType.Character && (k.getCharacter() == 'q' || k.getCharacter() == 'c' && k.isCtrlDown())
                    ? new KeyStroke(KeyType.ArrowDown) : k;
        }
        if (kind < 7) {
            char c = r.nextInt(8) == 0 ? (char) (0x80 + r.nextInt(0x3000)) : (char) (0x20 + r.nextInt(0x5f));
            return new KeyStroke(c, r.nextInt(6) == 0 && c != 'c', r.nextInt(6) == 0);
        }
        if (kind < 9) {
            return new KeyStroke(SPECIAL[r.nextInt(SPECIAL.length)], r.nextBoolean(), r.nextInt(4) == 0, r.nextInt(4) == 0);
        }
        return new MouseAction(MOUSE[r.nextInt(MOUSE.length)], 1 + r.nextInt(3),
                new TerminalPosition(r.nextInt(size.getColumns() + 2) - 1, r.nextInt(size.getRows() + 2) - 1));
    }

    /** In every pane on screen, the cursor is inside its list; on a list of services, a service is under it. */
    static void assertCursorsInside(Headless h, String after) {
        State s = h.state();
        Listing shown = h.app().panes().listing(s);
        assertThat(shown.order()).as("the focus is on a pane shown, after %s", after).contains(s.nav().focus());
        for (Pane pane : shown.order()) {
            Listing.Rows rows = shown.of(pane).orElseThrow();
            assertThat(rows.cursor()).as("%s cursor in %s rows after %s", pane, rows.size(), after)
                    .isBetween(0, Math.max(0, rows.size() - 1));
            if (rows.size() > 0 && !pane.equals(Pane.CLUSTERS) && !pane.equals(Pane.DETAIL)) {
                assertThat(rows.service(rows.cursor())).as("%s service under the cursor after %s", pane, after).isPresent();
            }
        }
        assertThat(s.nav().clusterCursor()).as("picker cursor after %s", after).isBetween(0, Math.max(0, s.pickerSize() - 1));
        long periods = s.fleet().snapshot().map(x -> x.window().buckets()).orElse(0L);
        assertThat((long) s.nav().detail().map(Detail::scroll).orElse(0)).as("detail's first row after %s", after).isBetween(0L, Math.max(0, periods - 1));
    }
}
