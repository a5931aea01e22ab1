package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import ecstop.emulator.RequestLog;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.present.TasksModel;
import ecstop.ui.state.Pane;
import ecstop.ui.terminal.Headless;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tasks pane on the demo's two regions (checkout-eu enhanced, data-pipeline standard, the
 * rest disabled), read over HTTP by the real readers with the emulator's clock and the UI's
 * pinned at {@link DemoFleetFixture#NOW}, driven by key presses through {@link Headless}.
 */
class TasksPaneTest {
    static final TerminalSize SMALL = ScreenGoldenTest.SMALL;
    static final TerminalSize LARGE = ScreenGoldenTest.LARGE;

    @RegisterExtension
    static final EmulatorExtension emulator = DemoRegions.extension();

    private static final DemoRegions DEMO = new DemoRegions(emulator);

    static Headless cluster(String region, String cluster, TerminalSize size) {
        return DEMO.cluster(region, cluster, size);
    }

    /** The bars' cursor on {@code service} (kept with Enter), the filter that found it still on. */
    private static Headless find(Headless h, String service) {
        return h.type("/" + service).press(KeyType.Enter);
    }

    private static void both(String name, String region, String cluster, UnaryOperator<Headless> keys) {
        Golden.assertMatches("window-80x24-" + name, keys.apply(cluster(region, cluster, SMALL).settle()).text());
        Golden.assertMatches("window-200x50-" + name, keys.apply(cluster(region, cluster, LARGE).settle()).text());
    }

    private static TasksModel.Row cursorRow(Headless h) {
        TasksModel m = h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone());
        return m.rows().get(m.cursor());
    }

    @Test
    void onAnEnhancedClusterTheCursorStartsOnTheContainerNearestItsHardLimit() {
        both("tasks-enhanced", "eu-west-1", "checkout-eu", h -> {
            find(h, "receipts").type("t");
            assertThat(h.state().nav().focus()).isEqualTo(Pane.TASKS);
            assertThat(cursorRow(h).name()).contains("log-router");
            assertThat(cursorRow(h).marked()).isTrue();
            assertThat(cursorRow(h).essential()).as("a sidecar").isEqualTo("no");
            assertThat(h.text()).contains("log-router◀").contains("receipts · hourly · 24h").doesNotContain("CPU · ");
            return h;
        });
        Headless h = find(cluster("eu-west-1", "checkout-eu", LARGE).settle(), "receipts").type("t");
        assertThat(h.text()).contains("Tasks · receipts · insights enhanced · peak 24h").contains("◀ ").contains("nearest hard limit")
                .containsPattern("1\\d\\d/128 MiB hard, 64 soft");
    }

    @Test
    void theHotTaskAmongIdleSiblingsIsMarkedAndListedFirst() {
        Headless h = find(cluster("eu-west-1", "checkout-eu", LARGE).settle(), "cart-api").type("t");
        List<TasksModel.Row> tasks = h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone()).rows().stream()
                .filter(r -> r.kind() == TasksModel.Kind.TASK).toList();
        assertThat(tasks).hasSize(4);
        assertThat(tasks.get(0).marked()).isTrue();
        assertThat(tasks.get(0).note()).contains("hot while its siblings idle");
        assertThat(tasks.subList(1, 4)).noneMatch(TasksModel.Row::marked);
        assertThat(tasks.get(0).cpuPeak().getAsDouble()).isGreaterThan(3 * tasks.get(1).cpuPeak().getAsDouble());
        assertThat(h.text()).contains("hot while its siblings idle");
    }

    @Test
    void aContainerWithNoLimitOfItsOwnIsMeasuredAgainstItsTasksMemoryAndSaysSo() {
        Headless h = find(cluster("eu-west-1", "checkout-eu", LARGE).settle(), "fraud-scorer").type("t");
        List<TasksModel.Row> containers = h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone()).rows().stream()
                .filter(r -> r.kind() == TasksModel.Kind.CONTAINER).toList();
        assertThat(containers).hasSize(2).allSatisfy(r -> {
            // fraud-scorer's app sets no memory of its own and runs over its task's 1 GiB at the fixture's moment
            assertThat(r.memoryPeak()).as(r.name()).isPresent();
            assertThat(r.memoryPeak().getAsDouble()).as(r.name()).isGreaterThan(100);
            assertThat(r.note()).contains("1024 MiB of the task's, no limit of its own");
        });
        assertThat(h.text()).contains("MiB of the task's, no limit of its own");
    }

    @Test
    void onADisabledClusterTheSpreadAndTheHintAndRowsWithoutUtilisationSayWhy() {
        both("tasks-disabled", "us-east-1", "storage-prod", h -> {
            find(h, "bags-api").type("t");
            assertThat(h.state().nav().focus()).isEqualTo(Pane.TASKS);
            return h;
        });
        Headless h = find(cluster("us-east-1", "storage-prod", LARGE).settle(), "bags-api").type("t");
        assertThat(h.text()).containsPattern("CPU tasks \\d+–\\d+% · memory tasks \\d+–\\d+%")
                .contains("per-task figures need Container Insights with enhanced observability; to turn it on:")
                .contains("aws ecs update-cluster-settings --cluster storage-prod --settings name=containerInsights,value=enhanced")
                .contains("no per-task figures: Container Insights disabled");
        assertThat(h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone()).rows())
                .allSatisfy(r -> assertThat(r.cpuPeak()).isEmpty());
    }

    @Test
    void aServiceOfOneTaskSaysItHasNoSpread() {
        Headless h = find(cluster("eu-west-1", "media-eu", LARGE).settle(), "cdn-purger").type("t");
        assertThat(h.text()).contains("CPU one task, no spread · memory one task, no spread");
    }

    @Test
    void onAStandardClusterTheServiceFiguresAndTheHint() {
        Headless h = cluster("us-east-1", "data-pipeline", LARGE).settle().type("t");
        assertThat(h.text()).contains("insights enabled").contains("busiest task / mean of tasks")
                .contains("--cluster data-pipeline --settings name=containerInsights,value=enhanced");
    }

    @Test
    void theServicesTasksStoppedInTheLastHourFollowWithTheirReasonsAndExitCodesInTheFleetToo() {
        Headless fleet = find(DEMO.fleet(LARGE).settle(), "file-finder").type("t");
        assertThat(fleet.app().presenter().tasks(fleet.state(), DemoFleetFixture.CLOCK.getZone()).rows().stream()
                .filter(r -> r.kind() == TasksModel.Kind.STOPPED)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.note()).contains("EssentialContainerExited").contains("exit 137"))
                .allSatisfy(r -> assertThat(r.health()).isEqualTo("OOM"));
        Headless h = find(cluster("us-east-1", "storage-prod", LARGE).settle(), "file-finder").type("t");
        List<TasksModel.Row> stopped = h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone()).rows().stream()
                .filter(r -> r.kind() == TasksModel.Kind.STOPPED).toList();
        assertThat(stopped).isNotEmpty().allSatisfy(r -> assertThat(r.note()).contains("OutOfMemoryError"));
        assertThat(stopped).anySatisfy(r -> assertThat(r.note()).contains("exit 137"));
    }

    @Test
    void tAgainOrEscClosesTheTasksAndEscThenTheDetailHelpAndFilterFirst() {
        Headless h = find(cluster("eu-west-1", "checkout-eu", LARGE).settle(), "receipts").type("t");
        assertThat(h.type("t").state().nav().tasksOpen()).isFalse();
        assertThat(h.state().nav().detail()).as("the detail stays").isPresent();
        assertThat(h.state().nav().focus()).isEqualTo(Pane.CPU);
        assertThat(h.text()).contains("CPU · ");
        h.type("t").type("?");
        assertThat(h.press(KeyType.Escape).state().nav().help()).isFalse();
        assertThat(h.state().nav().tasksOpen()).isTrue();
        h.type("/x");
        assertThat(h.press(KeyType.Escape).state().nav().filter().active()).isFalse();
        assertThat(h.state().nav().tasksOpen()).isTrue();
        assertThat(h.press(KeyType.Escape).state().nav().tasksOpen()).isFalse();
        assertThat(h.state().nav().detail()).isPresent();
        assertThat(h.press(KeyType.Escape).state().nav().detail()).isEmpty();
    }

    @Test
    void theKeysMoveTheCursorThroughTasksAndContainersAndItStaysOnItsRowAcrossRefreshes() {
        Headless h = find(cluster("eu-west-1", "checkout-eu", LARGE).settle(), "cart-api").type("t");
        String first = cursorRow(h).key();
        h.type("j");
        String second = cursorRow(h).key();
        assertThat(second).isNotEqualTo(first);
        h.type("r");
        assertThat(cursorRow(h).key()).isEqualTo(second);
        h.type("G");
        assertThat(h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone()).cursor())
                .isEqualTo(h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone()).rows().size() - 1);
        h.press(KeyType.Tab);
        assertThat(h.state().nav().focus()).isNotEqualTo(Pane.TASKS);
    }

    @Test
    void theFilterKeepsTheTasksWhoseIdOrContainerMatchesAndOneMatchingTheServiceKeepsAll() {
        Headless h = find(cluster("eu-west-1", "checkout-eu", LARGE).settle(), "cart-api").type("t");
        List<TasksModel.Row> all = h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone()).rows();
        assertThat(all.stream().filter(r -> r.kind() == TasksModel.Kind.TASK)).as("/cart-api matches the service").hasSize(4);
        String id = all.stream().filter(r -> r.kind() == TasksModel.Kind.TASK).toList().get(2).key().substring("task:".length());
        // the demo's ids of one service share their first half: the second half tells them apart
        h.press(KeyType.Escape).type("/" + id.substring(20));
        assertThat(h.state().nav().focus()).isEqualTo(Pane.TASKS);
        List<TasksModel.Row> kept = h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone()).rows();
        assertThat(kept).extracting(TasksModel.Row::key).first().isEqualTo("task:" + id);
        assertThat(kept.stream().filter(r -> r.kind() == TasksModel.Kind.TASK)).hasSize(1);
        assertThat(h.text()).contains("/" + id.substring(20) + "_");
        h.type("zzz");
        assertThat(h.text()).contains("no task or container matches /" + id.substring(20) + "zzz");
    }

    @Test
    void theMouseClicksARowAndTheWheelScrolls() {
        Headless h = find(cluster("eu-west-1", "checkout-eu", LARGE).settle(), "cart-api").type("t");
        // the header is on the pane's second line, the first task under it
        h.mouse(com.googlecode.lanterna.input.MouseActionType.CLICK_DOWN, 60, 2);
        assertThat(cursorRow(h).kind()).isEqualTo(TasksModel.Kind.TASK);
        h.mouse(com.googlecode.lanterna.input.MouseActionType.SCROLL_DOWN, 60, 5);
        assertThat(h.app().presenter().tasks(h.state(), DemoFleetFixture.CLOCK.getZone()).cursor()).isEqualTo(3);
    }

    /**
     * The tasks pane's reads, counted against the emulator's request log: the same session with
     * the detail alone and with the tasks pane over it differs by one DescribeClusters, one
     * DescribeTasks, two ListTasks (running and stopped) and two GetMetricData (the lookback's
     * peaks and the latest minute, 9 metrics each: receipts' one task with two containers) when it opens, with one DescribeTaskDefinition (read once per revision), and
     * by the first four again at each refresh while it stays open; the status bar's meter
     * counts them.
     */
    @Test
    void theTasksPaneCostsSixCallsAndEighteenMetricsARefreshCountedAgainstTheRequestLog() {
        RequestLog.Counts[] detail = session(h -> h.press(KeyType.Enter));
        RequestLog.Counts[] tasks = session(h -> h.type("t"));
        // ListTasks twice: the running tasks, and the stopped ones (receipts has none, so no DescribeTasks for them)
        Map<String, Long> expected = Map.of("DescribeClusters", 1L, "ListTasks", 2L, "DescribeTasks", 1L, "GetMetricData", 2L);
        Map<String, Long> opening = new HashMap<>(expected);
        opening.put("DescribeTaskDefinition", 1L); // which containers are essential: once per revision
        assertThat(DemoRegions.minus(tasks[0].calls(), detail[0].calls())).as("on opening").isEqualTo(opening);
        assertThat(tasks[0].metricsRequested() - detail[0].metricsRequested()).isEqualTo(18);
        assertThat(DemoRegions.minus(DemoRegions.minus(tasks[1].calls(), tasks[0].calls()), DemoRegions.minus(detail[1].calls(), detail[0].calls())))
                .as("at each refresh").isEqualTo(expected);
        assertThat((tasks[1].metricsRequested() - tasks[0].metricsRequested())
                - (detail[1].metricsRequested() - detail[0].metricsRequested())).isEqualTo(18);
    }

    /** The request log after opening receipts with {@code open}, and after one more refresh. */
    private static RequestLog.Counts[] session(UnaryOperator<Headless> open) {
        emulator.log().reset();
        Headless h = find(cluster("eu-west-1", "checkout-eu", LARGE).settle(), "receipts");
        open.apply(h);
        RequestLog.Counts opened = emulator.log().snapshot();
        long metrics = h.state().health().session().metricsRequested();
        assertThat(metrics).as("the session's meter counts what the log saw").isEqualTo(opened.metricsRequested());
        h.type("r");
        return new RequestLog.Counts[] {opened, emulator.log().snapshot()};
    }
}
