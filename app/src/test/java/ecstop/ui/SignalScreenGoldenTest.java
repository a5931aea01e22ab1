package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.signal.SignalKind;
import ecstop.emulator.Faults;
import ecstop.ui.state.SortOrder;
import ecstop.ui.terminal.Headless;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ecstop.testing.EmulatorExtension;

/**
 * Why a service is starved, on screen: the demo fleet's OOM kills, placement failures, a
 * stuck rollout with health-check churn and a rolled-back release, read through the real
 * reader (ListTasks, DescribeTasks, DescribeServices) from the emulator, as the signal
 * column, the trouble-first sort, the "only with signals" filter, the detail's list and the
 * status line when stopped tasks cannot be read. Golden files as in {@link ScreenGoldenTest}.
 */
class SignalScreenGoldenTest {
    private static final TerminalSize SMALL = ScreenGoldenTest.SMALL;
    private static final TerminalSize LARGE = ScreenGoldenTest.LARGE;

    @RegisterExtension
    static final EmulatorExtension emulator = DemoFleetFixture.extension();
    private static final DemoFleetFixture demo = new DemoFleetFixture(emulator);

    private static void both(String name, String cluster, UnaryOperator<Headless> keys) {
        Golden.assertMatches("window-80x24-" + name, keys.apply(demo.open(cluster, SMALL).settle()).text());
        Golden.assertMatches("window-200x50-" + name, keys.apply(demo.open(cluster, LARGE).settle()).text());
    }

    /** Moves the cursor down the focused panel to {@code service} (its full name). */
    private static Headless select(Headless h, String service) {
        for (int i = 0; i < 200 && !h.selectedService().map(ServiceRef::name).orElse("").equals(service); i++) {
            h.type("j");
        }
        assertThat(h.selectedService().map(ServiceRef::name)).contains(service);
        return h;
    }

    private static List<SignalKind> kinds(Headless h, String service) {
        ServiceRef ref = h.state().fleet().signals().byService().keySet().stream().filter(r -> r.name().equals(service))
                .findFirst().orElseThrow();
        return h.state().fleet().signals().of(ref).stream().map(s -> s.kind()).toList();
    }

    @Test
    void theSignalColumnMarksEachStarvedServiceOfOneCluster() {
        Headless h = demo.open("storage-prod", LARGE).settle();
        assertThat(kinds(h, "storage-prod_file-finder")).containsExactly(SignalKind.OOM);
        assertThat(kinds(h, "storage-prod_ingests-tracker")).containsExactlyInAnyOrder(SignalKind.PLACEMENT, SignalKind.SHORT);
        assertThat(kinds(h, "storage-prod_register")).isEmpty();
        assertThat(h.text()).contains(" file-finder     ↯ ").contains(" ingests-tracker ⊘⇣ no data");
        assertThat(h.state().fleet().signals().stoppedTasksFrom()).isPresent();
        // 7 OOM kills in the hour: critical, red and bold; 16 colours here
        var p = ecstop.ui.view.Palette.of(ecstop.config.ColourMode.C16);
        assertThat(Cells.at(h.terminal(), "file-finder", "↯").getForegroundColor()).isEqualTo(p.hot());
        assertThat(Cells.at(h.terminal(), "file-finder", "↯").isBold()).isTrue();
        assertThat(Cells.at(h.terminal(), "ingests-tracker", "⊘").getForegroundColor()).isEqualTo(p.hot());
    }

    /** The per-refresh budget of the TUI's signals, as the emulator counted it: a cluster's stopped tasks every 5th refresh. */
    @Test
    void stoppedTasksAreReadWithTheTaskDetailsNotOnEveryRefresh() {
        demo.emulator().log().reset();
        Headless h = demo.open("storage-prod", SMALL).settle();
        var first = demo.emulator().log().snapshot();
        assertThat(first.calls("ListTasks")).isEqualTo(1);
        // storage-prod's stopped tasks fit in one page: one DescribeTasks for up to 100
        assertThat(first.calls("DescribeTasks")).isEqualTo(1);
        for (int i = 0; i < 10; i++) {
            h.advance(java.time.Duration.ofSeconds(60));
        }
        var after = demo.emulator().log().snapshot();
        assertThat(after.calls("DescribeServices")).as("task details on refreshes 1, 6 and 11")
                .isEqualTo(3 * first.calls("DescribeServices"));
        assertThat(after.calls("ListTasks")).isEqualTo(3);
        assertThat(after.calls("DescribeTasks")).isEqualTo(3);
    }

    @Test
    void troubleFirst() {
        both("trouble-first", "storage-prod", h -> {
            h.type("sss");
            assertThat(h.state().nav().sort()).isEqualTo(SortOrder.TROUBLE);
            assertThat(h.text()).contains("by trouble");
            return h;
        });
        Headless h = demo.open("storage-prod", LARGE).settle().type("sss");
        List<String> top = h.app().presenter().rows(h.state(), ecstop.domain.Metric.CPU).stream().limit(3)
                .map(r -> r.name()).toList();
        assertThat(top).containsExactlyInAnyOrder("storage-prod_file-finder", "storage-prod_bag-unpacker",
                "storage-prod_ingests-tracker");
    }

    @Test
    void onlyServicesWithSignalsInACapacityShortCluster() {
        both("signals-only", "catalogue", h -> {
            h.type("!");
            assertThat(h.state().nav().filter().signalsOnly()).isTrue();
            assertThat(h.text()).contains("with signals");
            return h;
        });
        Headless h = demo.open("catalogue", LARGE).settle().type("!");
        var rows = h.app().presenter().rows(h.state(), ecstop.domain.Metric.CPU);
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.signals()).isNotEmpty());
        assertThat(rows.size()).isLessThan(150);
        h.type("!");
        assertThat(h.app().presenter().rows(h.state(), ecstop.domain.Metric.CPU)).hasSize(150);
        h.type("!").press(KeyType.Escape);
        assertThat(h.state().nav().filter().signalsOnly()).as("Esc clears the filter, this one too").isFalse();
    }

    @Test
    void theDetailListsOomKillsWithTheirReasonsNewestFirst() {
        both("signals-detail-oom", "storage-prod", h -> {
            select(h.press(KeyType.Tab), "storage-prod_file-finder").press(KeyType.Enter);
            assertThat(h.text()).contains("↯ OOM    CRIT 7 tasks killed for memory");
            return h;
        });
        Headless h = select(demo.open("storage-prod", LARGE).settle().press(KeyType.Tab), "storage-prod_file-finder")
                .press(KeyType.Enter);
        List<String> messages = h.text().lines().filter(l -> l.contains(" ↯ task ")).toList();
        // three: the chart below them takes the rest of the detail, with every OOM kill a marker on it
        assertThat(messages).hasSizeGreaterThanOrEqualTo(3).allSatisfy(l -> assertThat(l).contains("OutOfMemoryError"));
        List<String> times = messages.stream().map(l -> l.substring(l.indexOf("││") + 5, l.indexOf("││") + 10)).toList();
        assertThat(times).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(h.text()).contains("last ~1h of stopped tasks");
    }

    @Test
    void theDetailOfAStuckRolloutWithHealthCheckChurn() {
        both("signals-detail-rollout", "archivematica", h -> {
            select(h, "am-mcp-client").press(KeyType.Enter);
            assertThat(h.text()).contains("DEPLOY").contains("HEALTH").contains("SHORT");
            return h;
        });
    }

    @Test
    void theDetailOfARolledBackRelease() {
        Headless h = select(demo.open("data-pipeline", LARGE).settle(), "transform").press(KeyType.Enter);
        assertThat(h.text()).contains("DEPLOY").contains("rollback");
        Golden.assertMatches("window-200x50-signals-detail-rollback", h.text());
    }

    @Test
    void theFleetMarksItsRowsFromTaskDetailsAndSaysWhereOomKillsAreRead() {
        Headless h = demo.open((String) null, LARGE).settle();
        assertThat(h.state().question().scope()).containsInstanceOf(Scope.Fleet.class);
        select(h, "am-mcp-client").press(KeyType.Enter);
        assertThat(kinds(h, "am-mcp-client")).contains(SignalKind.DEPLOY, SignalKind.HEALTH);
        assertThat(h.state().fleet().signals().stoppedTasksFrom()).as("the fleet reads no stopped tasks").isEmpty();
        assertThat(h.text()).contains("OOM kills and crashes are read in the cluster's view (c)");
        Golden.assertMatches("window-200x50-fleet-signals-detail", h.text());
    }

    @Test
    void deniedStoppedTasksAreOneLineOnTheStatusBarAndTheBarsStay() {
        for (TerminalSize size : List.of(SMALL, LARGE)) {
            demo.emulator().faults(Faults.NONE.withDenied("ListTasks"));
            Headless h = demo.open("storage-prod", size).settle();
            demo.emulator().faults(Faults.NONE);
            assertThat(h.state().fleet().signals().stoppedTasksUnavailable()).isPresent();
            assertThat(h.state().stale()).isFalse();
            // the placement failures come from the service events, which were read
            assertThat(h.text()).contains("no OOM/crash signals: access denied").contains("bags-api")
                    .contains("⊘⇣").doesNotContain("↯");
            Golden.assertMatches("window-" + size.getColumns() + "x" + size.getRows() + "-signals-denied", h.text());
        }
    }
}
