package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.testfleet.FakeFleet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The whole window, after real key presses, against golden files (regenerate with -Dgolden.update=true). */
class ScreenGoldenTest {
    static final TerminalSize SMALL = new TerminalSize(80, 24);
    static final TerminalSize LARGE = new TerminalSize(200, 50);
    static final UiOptions OPTIONS = UiOptions.defaults().withClock(FakeFleet.CLOCK).withHeader("prod · eu-west-1");

    private final FakeFleet fleet = new FakeFleet();

    static Headless open(FakeFleet fleet, String cluster, TerminalSize size) {
        return Headless.open(fleet, OPTIONS.withCluster(cluster), size);
    }

    @Test
    void firstFrameBeforeAnyDataSaysLoading() {
        Headless h = open(fleet, "storage-prod", SMALL);
        assertThat(h.text()).contains("loading");
        Golden.assertMatches("window-80x24-loading", h.text());
    }

    @Test
    void storageProdSmallAndLarge() {
        Golden.assertMatches("window-80x24-storage-prod", open(fleet, "storage-prod", SMALL).settle().text());
        Golden.assertMatches("window-200x50-storage-prod", open(new FakeFleet(), "storage-prod", LARGE).settle().text());
    }

    @Test
    void noClusterGivenShowsThePicker() {
        Headless h = open(fleet, null, SMALL).settle();
        assertThat(h.state().cluster()).isEmpty();
        Golden.assertMatches("window-80x24-picker", h.text());
    }

    @Test
    void clusterSwitchWithTheKeyboard() {
        Headless h = open(fleet, "storage-prod", LARGE).settle();
        h.press(KeyType.ReverseTab).type("j").press(KeyType.Enter);
        assertThat(h.state().cluster()).contains("catalogue");
        Golden.assertMatches("window-200x50-catalogue", h.text());
    }

    @Test
    void navigationThroughAHundredAndFiftyServices() {
        Headless h = open(fleet, "catalogue", SMALL).settle();
        h.type("jjj");
        Golden.assertMatches("window-80x24-catalogue-jjj", h.text());
        h.type("G");
        assertThat(h.text()).contains("150/150");
        Golden.assertMatches("window-80x24-catalogue-last", h.text());
        h.press(KeyType.PageUp);
        Golden.assertMatches("window-80x24-catalogue-pageup", h.text());
        h.type("g");
        assertThat(h.text()).contains("1/150");
    }

    @Test
    void filterKeepsThroughARefreshAndEscClearsIt() {
        Headless h = open(fleet, "catalogue", SMALL).settle();
        h.type("/01");
        Golden.assertMatches("window-80x24-filter-typing", h.text());
        h.press(KeyType.Enter).type("j");
        String selected = h.state().selectedService().orElseThrow();
        h.advance(Duration.ofSeconds(60));
        assertThat(h.state().filter()).isEqualTo("01");
        assertThat(h.state().selectedService()).contains(selected);
        Golden.assertMatches("window-80x24-filter-kept-after-refresh", h.text());
        h.press(KeyType.Escape);
        assertThat(h.state().filter()).isEmpty();
        assertThat(h.state().selectedService()).contains(selected);
    }

    @Test
    void lookbackAndStatChange() {
        Headless h = open(fleet, "storage-prod", SMALL).settle();
        h.type("+");
        assertThat(h.state().snapshot().orElseThrow().lookback()).isEqualTo(Lookback.days(3));
        Golden.assertMatches("window-80x24-lookback-3d", h.text());
        h.type("--a");
        assertThat(h.text()).contains("average 12h");
        Golden.assertMatches("window-80x24-average-12h", h.text());
    }

    @Test
    void helpOverlay() {
        Golden.assertMatches("window-80x24-help", open(fleet, "storage-prod", SMALL).settle().type("?").text());
        Headless h = open(new FakeFleet(), "storage-prod", LARGE).settle().type("?");
        Golden.assertMatches("window-200x50-help", h.text());
        h.press(KeyType.Escape);
        assertThat(h.state().helpVisible()).isFalse();
    }

    @Test
    void detailPane() {
        Headless h = open(fleet, "storage-prod", LARGE).settle().press(KeyType.Enter);
        assertThat(h.text()).contains("storage-prod_replicator · hourly · 24h");
        Golden.assertMatches("window-200x50-detail", h.text());
        Golden.assertMatches("window-80x24-detail", open(new FakeFleet(), "storage-prod", SMALL).settle().type("j")
                .press(KeyType.Enter).text());
    }

    @Test
    void emptyCluster() {
        Golden.assertMatches("window-80x24-empty", open(fleet, "empty", SMALL).settle().text());
    }

    @Test
    void failureKeepsTheDataAndMarksItStale() {
        Headless h = open(fleet, "storage-prod", SMALL).settle();
        fleet.fail(new Failure(Failure.Kind.THROTTLED, "GetMetricData", ""));
        h.advance(Duration.ofSeconds(60));
        assertThat(h.state().stale()).isTrue();
        assertThat(h.text()).contains("98.2%").contains("STALE 1m");
        Golden.assertMatches("window-80x24-stale", h.text());
        fleet.heal();
        h.advance(Duration.ofSeconds(5));
        assertThat(h.state().stale()).isFalse();
        assertThat(h.text()).doesNotContain("STALE");
    }

    @Test
    void unknownClusterNamesTheProblem() {
        Headless h = open(fleet, "nope", SMALL).settle();
        assertThat(h.text()).contains("not found: cluster nope");
    }

    @Test
    void tinyTerminalsGetANoticeAndRecover() {
        Headless h = open(fleet, "storage-prod", new TerminalSize(30, 8)).settle();
        assertThat(h.text()).startsWith("ecs-top needs at least 40x12");
        h.resize(new TerminalSize(40, 12));
        Golden.assertMatches("window-40x12", h.text());
        h.resize(new TerminalSize(1, 1)).resize(new TerminalSize(200, 50)).resize(new TerminalSize(39, 30));
        assertThat(h.text()).startsWith("ecs-top needs");
    }

    @Test
    void narrowScreensShowThePickerFullWidthWhileFocused() {
        Headless h = open(fleet, "storage-prod", new TerminalSize(50, 20)).settle().press(KeyType.Tab, KeyType.Tab);
        Golden.assertMatches("window-50x20-picker-focused", h.text());
    }

    @Test
    void asciiMode() {
        Headless h = Headless.open(fleet, OPTIONS.withCluster("storage-prod").withAscii(true)
                .withHeader("prod - eu-west-1"), SMALL).settle();
        assertThat(h.text().chars().filter(c -> c >= 128).mapToObj(c -> String.valueOf((char) c))).isEmpty();
        Golden.assertMatches("window-80x24-ascii", h.text());
    }

    @Test
    void ctrlCAndQQuit() {
        Headless h = open(fleet, "storage-prod", SMALL).settle();
        Controller c = new Controller(h.state(), KeyRegistry.standard(false), h.poller());
        assertThat(c.onKey(new KeyStroke('c', true, false))).isEqualTo(Controller.Outcome.QUIT);
        assertThat(c.onKey(new KeyStroke('q', false, false))).isEqualTo(Controller.Outcome.QUIT);
        assertThat(c.onKey(new KeyStroke('l', true, false))).isEqualTo(Controller.Outcome.REPAINT);
    }
}
