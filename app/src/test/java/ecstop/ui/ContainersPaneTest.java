package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import ecstop.emulator.RequestLog;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.present.ContainersModel;
import ecstop.ui.present.TasksModel;
import ecstop.ui.state.Pane;
import ecstop.ui.terminal.Headless;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The containers pane ({@code T}) on the demo's two regions, where only checkout-eu has
 * Container Insights with enhanced observability, read over HTTP by the real readers with the
 * emulator's clock and the UI's pinned at {@link DemoFleetFixture#NOW}, driven by key presses.
 */
class ContainersPaneTest {
    static final TerminalSize SMALL = ScreenGoldenTest.SMALL;
    static final TerminalSize LARGE = ScreenGoldenTest.LARGE;

    @RegisterExtension
    static final EmulatorExtension emulator = DemoRegions.extension();

    private static final DemoRegions DEMO = new DemoRegions(emulator);

    private static ContainersModel model(Headless h) {
        return h.app().presenter().containers(h.state());
    }

    @Test
    void goldenScreensOfTheFleetsContainers() {
        for (TerminalSize size : List.of(LARGE, SMALL)) {
            Headless h = DEMO.fleet(size).settle().type("T");
            Golden.assertMatches("window-" + size.getColumns() + "x" + size.getRows() + "-containers", h.text());
        }
    }

    /**
     * Issue 19's "done when", measured: from the demo's first screen (the fleet of both regions,
     * where receipts ranks far down the bars: its task sits at about 43% of its memory) to the
     * starving sidecar. {@code T} lists the containers nearest their limits, receipts' log
     * router at 99% of its 128 MiB hard limit among the first two; Enter opens receipts' tasks
     * with the cursor on it. Three keys at most.
     */
    @Test
    void fromTheFleetsFirstScreenToTheStarvingSidecarInThreeKeys() {
        Headless h = DEMO.fleet(LARGE).settle();
        assertThat(h.state().question().scope().orElseThrow()).isInstanceOf(ecstop.domain.Scope.Fleet.class);
        h.type("T");
        assertThat(h.state().nav().focus()).isEqualTo(Pane.CONTAINERS);
        List<ContainersModel.Row> rows = model(h).rows();
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).peak()).as("the nearest, under the cursor").isGreaterThan(95);
        int router = rows.stream().map(r -> r.service() + "/" + r.container()).toList().indexOf("receipts/log-router");
        assertThat(router).as("receipts' log router among the first two").isBetween(0, 1);
        assertThat(rows.get(router).peak()).isGreaterThan(95);
        int keys = 1;
        for (int i = 0; i < router; i++, keys++) {
            h.type("j");
        }
        h.press(KeyType.Enter);
        keys++;
        assertThat(keys).isLessThanOrEqualTo(3);
        assertThat(h.state().nav().focus()).isEqualTo(Pane.TASKS);
        assertThat(h.state().nav().detail().orElseThrow().service().name()).isEqualTo("receipts");
        TasksModel tasks = h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone());
        assertThat(tasks.rows().get(tasks.cursor()).name()).contains("log-router");
        assertThat(h.text()).contains("◀ ").contains("nearest hard limit");
    }

    @Test
    void onlyEnhancedClustersHaveRowsAndEveryRowIsAtMostItsServicesBusiestTask() {
        Headless h = DEMO.fleet(LARGE).settle().type("T");
        assertThat(model(h).rows()).extracting(ContainersModel.Row::cluster).allMatch(c -> c.endsWith("checkout-eu"));
        assertThat(model(h).rows()).extracting(ContainersModel.Row::peak).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(h.text()).contains("Containers · all clusters · memory of limit · peak 24h").doesNotContain("CPU · ");
    }

    @Test
    void aClusterWithoutEnhancedObservabilitySaysSoAndHowToTurnItOn() {
        Headless h = DEMO.cluster("us-east-1", "storage-prod", LARGE).settle().type("T");
        assertThat(h.text()).contains("no container figures: no cluster here has Container Insights with enhanced observability")
                .contains("update-cluster-settings");
    }

    @Test
    void escAndTCloseItEnterAndEscComeBackToItAndTheFilterNarrowsIt() {
        Headless h = DEMO.cluster("eu-west-1", "checkout-eu", LARGE).settle().type("T");
        assertThat(h.type("T").state().nav().containers()).isEmpty();
        assertThat(h.state().nav().focus()).isEqualTo(Pane.CPU);
        h.type("T").press(KeyType.Enter);
        assertThat(h.state().nav().tasksOpen()).isTrue();
        assertThat(h.press(KeyType.Escape).state().nav().focus()).as("the tasks close onto the containers").isEqualTo(Pane.CONTAINERS);
        assertThat(h.text()).contains("Containers · checkout-eu");
        h.type("/log");
        assertThat(model(h).rows()).extracting(ContainersModel.Row::container).containsOnly("log-router");
        h.press(KeyType.Escape).press(KeyType.Escape).press(KeyType.Escape);
        assertThat(h.state().nav().containers()).isEmpty();
        assertThat(h.text()).contains("CPU · ");
    }

    @Test
    void theCursorStaysOnItsContainerAcrossRefreshesAndTheMouseSelects() {
        Headless h = DEMO.cluster("eu-west-1", "checkout-eu", LARGE).settle().type("T").type("j");
        String second = model(h).rows().get(model(h).cursor()).key();
        assertThat(h.type("r").state().nav().containers().orElseThrow().row()).contains(second);
        assertThat(model(h).rows().get(model(h).cursor()).key()).isEqualTo(second);
        // the line above the rows and the header come first: the first row is the pane's fourth line
        h.mouse(com.googlecode.lanterna.input.MouseActionType.CLICK_DOWN, 60, 3);
        assertThat(model(h).cursor()).isZero();
    }

    /**
     * The pane's read, counted against the emulator's request log: a refresh with it open makes
     * one GetMetricData more per region than one without (a Metrics Insights query each), billed
     * by the series it analysed: checkout-eu's five containers, none in us-east-1, whose
     * clusters publish no container series. The status bar's meter counts the same.
     */
    @Test
    void oneQueryPerRegionARefreshBilledByTheSeriesAnalysed() {
        RequestLog.Counts[] plain = session(h -> h.type("r"));
        RequestLog.Counts[] open = session(h -> h.type("T"));
        assertThat(DemoRegions.minus(open[0].calls(), plain[0].calls())).as("on opening").isEqualTo(Map.of("GetMetricData", 2L));
        assertThat(open[0].metricsRequested() - plain[0].metricsRequested()).isEqualTo(5);
        assertThat(DemoRegions.minus(DemoRegions.minus(open[1].calls(), open[0].calls()), DemoRegions.minus(plain[1].calls(), plain[0].calls())))
                .as("at each refresh").isEqualTo(Map.of("GetMetricData", 2L));
    }

    /** The request log after {@code first} on the fleet's first screen, and after one more refresh. */
    private static RequestLog.Counts[] session(UnaryOperator<Headless> first) {
        emulator.log().reset();
        Headless h = first.apply(DEMO.fleet(LARGE).settle());
        RequestLog.Counts done = emulator.log().snapshot();
        assertThat(h.state().health().session().metricsRequested()).as("the meter counts what the log saw")
                .isEqualTo(done.metricsRequested());
        h.type("r");
        return new RequestLog.Counts[] {done, emulator.log().snapshot()};
    }
}
