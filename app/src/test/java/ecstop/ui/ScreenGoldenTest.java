package ecstop.ui;

import ecstop.ui.state.Detail;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;
import ecstop.ui.terminal.App;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import ecstop.emulator.Faults;
import ecstop.testfleet.FakeFleet;
import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole window on the demo fleet, as {@code ecs-top --demo} shows it: the emulator's
 * demo fleet with a fixed clock, read over HTTP by the real AwsFleetReader, driven by real
 * key presses through {@link Headless}, against golden files (regenerate with
 * {@code -Dgolden.update=true}, then read them). Every pane is here at 80x24 and 200x50.
 * Hand-made scenarios whose exact figures are the point (values on a threshold, odd input)
 * stay on the test double: PaneGoldenTest, OddInputTest.
 */
class ScreenGoldenTest {
    static final TerminalSize SMALL = new TerminalSize(80, 24);
    static final TerminalSize LARGE = new TerminalSize(200, 50);
    /** For tests on the test double: FakeFleet's clock. */
    static final UiOptions OPTIONS = UiOptions.defaults().withClock(FakeFleet.CLOCK).withHeader("prod · eu-west-1");

    @RegisterExtension
    static final EmulatorExtension emulator = DemoFleetFixture.extension();
    private static final DemoFleetFixture demo = new DemoFleetFixture(emulator);

    private static Headless open(String cluster, TerminalSize size) {
        return demo.open(cluster, size);
    }

    private static void both(String name, String cluster, java.util.function.UnaryOperator<Headless> keys) {
        Golden.assertMatches("window-80x24-" + name, keys.apply(open(cluster, SMALL).settle()).text());
        Golden.assertMatches("window-200x50-" + name, keys.apply(open(cluster, LARGE).settle()).text());
    }

    @Test
    void firstFrameBeforeAnyDataSaysLoading() {
        Headless h = open("storage-prod", SMALL);
        assertThat(h.text()).contains("loading");
        Golden.assertMatches("window-80x24-loading", h.text());
    }

    @Test
    void storageProd() {
        both("storage-prod", "storage-prod", h -> h);
        String text = open("storage-prod", LARGE).settle().text();
        // prefix stripped and named in the title; reservations in the picker for EC2 clusters only
        assertThat(text).contains("CPU · storage-prod_ · peak 24h").doesNotContain("│ storage-prod_replicator");
        assertThat(text).contains("svc cpu/mem rsv");
    }

    /** 120 columns: panels stacked (side by side needs 50 each), picker wide enough for reservations. */
    @Test
    void aTmuxPaneOf120x40() {
        Headless h = open("archivematica", new TerminalSize(120, 40)).settle();
        String[] lines = h.text().split("\n");
        assertThat(lines[0]).contains("CPU · am-").doesNotContain("Memory");
        assertThat(h.text()).contains("svc cpu/mem rsv").contains("│▶ archivematica   10  ");
        Golden.assertMatches("window-120x40-archivematica", h.text());
    }

    @Test
    void noClusterGivenShowsThePickerWithReservations() {
        both("picker", null, h -> {
            assertThat(h.state().cluster().map(ecstop.domain.ClusterRef::name)).isEmpty();
            return h;
        });
        Headless h = open(null, LARGE).settle();
        assertThat(h.state().fleet().clusters()).extracting(c -> c.name() + " " + c.cpuReservation().isPresent())
                .containsExactly("archivematica true", "catalogue false", "data-pipeline false", "sandbox false",
                        "storage-prod true");
    }

    @Test
    void clusterSwitchWithTheKeyboard() {
        both("cluster-switch", "storage-prod", h -> {
            h.press(KeyType.ReverseTab).type("kkkk").press(KeyType.Enter);
            assertThat(h.state().cluster().map(ecstop.domain.ClusterRef::name)).contains("archivematica");
            return h;
        });
    }

    @Test
    void navigationThroughAHundredAndFiftyServices() {
        Headless h = open("catalogue", SMALL).settle();
        h.type("jjj");
        Golden.assertMatches("window-80x24-catalogue-jjj", h.text());
        h.type("G");
        assertThat(h.text()).contains("150/150");
        Golden.assertMatches("window-80x24-catalogue-last", h.text());
        h.press(KeyType.PageUp);
        Golden.assertMatches("window-80x24-catalogue-pageup", h.text());
        h.type("g");
        assertThat(h.text()).contains("1/150");
        Golden.assertMatches("window-200x50-catalogue-jjj", open("catalogue", LARGE).settle().type("jjj").text());
    }

    @Test
    void filterKeepsThroughARefreshAndEscClearsIt() {
        both("filter-typing", "catalogue", h -> h.type("/api"));
        Headless h = open("catalogue", SMALL).settle();
        h.type("/api").press(KeyType.Enter).type("j");
        String selected = h.selectedService().map(ecstop.domain.ServiceRef::name).orElseThrow();
        h.advance(Duration.ofSeconds(60));
        assertThat(h.state().nav().filter().text()).isEqualTo("api");
        assertThat(h.selectedService().map(ecstop.domain.ServiceRef::name)).contains(selected);
        Golden.assertMatches("window-80x24-filter-kept-after-refresh", h.text());
        h.press(KeyType.Escape);
        assertThat(h.state().nav().filter().text()).isEmpty();
        assertThat(h.selectedService().map(ecstop.domain.ServiceRef::name)).contains(selected);
    }

    @Test
    void lookbackLongerAndShorter() {
        both("lookback-3d", "storage-prod", h -> {
            h.type("+");
            assertThat(h.state().fleet().snapshot().orElseThrow().lookback()).isEqualTo(Lookback.days(3));
            return h;
        });
        both("lookback-12h", "storage-prod", h -> {
            h.type("+--");
            assertThat(h.state().fleet().snapshot().orElseThrow().lookback()).isEqualTo(Lookback.hours(12));
            return h;
        });
    }

    @Test
    void statToggle() {
        both("average", "storage-prod", h -> {
            h.type("a");
            assertThat(h.state().fleet().snapshot().orElseThrow().stat()).isEqualTo(Stat.AVG);
            assertThat(h.text()).contains("average 24h");
            return h;
        });
    }

    @Test
    void helpOverlay() {
        both("help", "storage-prod", h -> h.type("?"));
        Headless h = open("storage-prod", SMALL).settle().type("?");
        h.press(KeyType.Escape);
        assertThat(h.state().nav().help()).isFalse();
    }

    @Test
    void detailPane() {
        both("detail", "storage-prod", h -> {
            h.type("j").press(KeyType.Enter);
            assertThat(h.state().nav().detail().map(Detail::service)).isPresent();
            return h;
        });
        assertThat(open("storage-prod", LARGE).settle().press(KeyType.Enter).text()).contains("· hourly · 24h");
    }

    @Test
    void emptyCluster() {
        Golden.assertMatches("window-80x24-empty", open("sandbox", SMALL).settle().text());
    }

    @Test
    void failureKeepsTheDataAndMarksItStale() {
        both("stale", "storage-prod", h -> {
            demo.emulator().faults(Faults.NONE.withDenied("GetMetricData"));
            h.advance(Duration.ofSeconds(60));
            demo.emulator().faults(Faults.NONE);
            assertThat(h.state().stale()).isTrue();
            assertThat(h.text()).contains("STALE 1m");
            return h;
        });
        Headless h = open("storage-prod", SMALL).settle();
        demo.emulator().faults(Faults.NONE.withDenied("GetMetricData"));
        h.advance(Duration.ofSeconds(60));
        demo.emulator().faults(Faults.NONE);
        h.advance(Duration.ofSeconds(60));
        assertThat(h.state().stale()).isFalse();
        assertThat(h.text()).doesNotContain("STALE");
    }

    @Test
    void unknownClusterNamesTheProblem() {
        assertThat(open("nope", SMALL).settle().text()).contains("not found");
    }

    @Test
    void tinyTerminalsGetANoticeAndRecover() {
        Headless h = open("storage-prod", new TerminalSize(30, 8)).settle();
        assertThat(h.text()).startsWith("ecs-top needs at least 40x12");
        h.resize(new TerminalSize(40, 12));
        Golden.assertMatches("window-40x12", h.text());
        h.resize(new TerminalSize(1, 1)).resize(LARGE).resize(new TerminalSize(39, 30));
        assertThat(h.text()).startsWith("ecs-top needs");
    }

    @Test
    void narrowScreensShowThePickerFullWidthWhileFocused() {
        Headless h = open("storage-prod", new TerminalSize(50, 20)).settle().press(KeyType.Tab, KeyType.Tab);
        Golden.assertMatches("window-50x20-picker-focused", h.text());
    }

    @Test
    void asciiMode() {
        Headless h = demo.open(DemoFleetFixture.OPTIONS.withCluster("storage-prod").withAscii(true)
                .withHeader("demo - us-east-1"), SMALL).settle();
        assertThat(h.text().chars().filter(c -> c >= 128).mapToObj(c -> String.valueOf((char) c))).isEmpty();
        Golden.assertMatches("window-80x24-ascii", h.text());
    }

    @Test
    void ctrlCAndQQuit() {
        Headless h = open("storage-prod", SMALL).settle();
        assertThat(h.handle(new KeyStroke('c', true, false))).isEqualTo(App.Outcome.QUIT);
        assertThat(h.handle(new KeyStroke('q', false, false))).isEqualTo(App.Outcome.QUIT);
        assertThat(h.handle(new KeyStroke('l', true, false))).isEqualTo(App.Outcome.REPAINT);
    }
}
