package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import ecstop.config.Remembered;
import com.googlecode.lanterna.TextColor;
import ecstop.domain.Governor;
import ecstop.domain.Level;
import ecstop.domain.Metric;
import ecstop.domain.ThresholdRule;
import ecstop.domain.Thresholds;
import ecstop.domain.Lookback;
import ecstop.ui.state.SortOrder;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ecstop.testing.EmulatorExtension;

/**
 * The governor on the demo fleet (the production reader over HTTP to the emulator, time
 * stepped by hand), as the status bar shows it: the projected cost a day, the cadence and
 * why; and the view a session leaves for the next one.
 */
class GovernorScreenTest {
    static final TerminalSize LARGE = ScreenGoldenTest.LARGE;
    static final UiOptions GOVERNED = DemoFleetFixture.OPTIONS.withGovernor(Governor.DEFAULT);
    @RegisterExtension
    static final EmulatorExtension emulator = DemoFleetFixture.extension();
    private static final DemoFleetFixture demo = new DemoFleetFixture(emulator);

    private static String status(Headless h) {
        List<String> lines = h.text().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void theStatusBarShowsTheDaysCostAndTheCadenceAndWhatItWouldBeUnattended() {
        Headless h = demo.open(GOVERNED.withCluster("storage-prod"), LARGE).settle();
        // 9 calls: the cluster list, the refresh's and the stopped tasks' (ListTasks, DescribeTasks); the
        // session's 36 metrics include the cluster list's reservations; a refresh asks for 26:
        // 1,440 of them a day at $0.01 per 1,000
        assertThat(status(h)).contains("9 calls, 36 metrics ~$0.0004 · ~$0.37/day · every 60s · idle: 10m");
        Golden.assertMatches("window-200x50-governor", h.text());
    }

    @Test
    void unfocusedItSaysSoAndRefreshesEveryTenMinutesAndFocusInRefreshesAtOnce() {
        Headless h = demo.open(GOVERNED.withCluster("storage-prod"), LARGE).settle();
        h.advance(Duration.ofSeconds(20)).focus(false);
        // counted from the last refresh, 20 s before
        assertThat(status(h)).contains("next in 9m").contains("~$0.037/day · unfocused: every 10m");
        Golden.assertMatches("window-200x50-governor-unfocused", h.text());
        h.advance(Duration.ofMinutes(5));
        assertThat(status(h)).contains("refreshed 5m ago");
        h.focus(true);
        assertThat(status(h)).contains("refreshed 0s ago").contains("every 60s · unfocused: 10m");
        Golden.assertMatches("window-200x50-governor-focus-in", h.text());
    }

    /** On 120 columns the new parts are the first to go: the line reads as it did before them. */
    @Test
    void narrowerTheNewPartsGiveWayFirst() {
        Headless h = demo.open(GOVERNED.withCluster("storage-prod"), new TerminalSize(120, 40)).settle();
        assertThat(status(h)).contains("refreshed 0s ago · 9 calls, 36 metrics ~$0.0004").doesNotContain("/day");
        Golden.assertMatches("window-120x40-governor", h.text());
    }

    @Test
    void overBudgetTheCadenceIsStretchedAndMarked() {
        // 150 services, $0.0031 a refresh, under a budget of 1 cent a day: the first refresh leaves
        // no room for another in the first half, so the other $0.005 is spread over the day:
        // one every 0.0031 * 86,400 s / 0.005 = 15 h
        Headless h = demo.open(GOVERNED.withCluster("catalogue")
                .withGovernor(new Governor(Duration.ofMinutes(10), Duration.ofMinutes(15), 0.01)), LARGE).settle();
        assertThat(status(h)).containsPattern("~\\$0\\.005/day · every 1[45]h\\d*m? \\(budget\\) · idle: 10m").contains("next in");
        Golden.assertMatches("window-200x50-governor-budget", h.text());
    }

    @Test
    void theViewLeftIsTheOneRememberedAndTheNextSessionStartsOnIt() {
        Headless h = demo.open(DemoFleetFixture.OPTIONS.withCluster("catalogue"), LARGE).settle();
        h.type("s+/api").press(KeyType.Enter);
        assertThat(h.app().remembered()).isEqualTo(new Remembered(Optional.of("catalogue"), Optional.of("3d"),
                Optional.of("max"), Optional.of("name"), Optional.of("api")));

        Headless next = demo.open(DemoFleetFixture.OPTIONS.withCluster("catalogue").withLookback(Lookback.days(3))
                .withView(SortOrder.NAME, "api"), LARGE).settle();
        assertThat(next.state().nav().sort()).isEqualTo(SortOrder.NAME);
        assertThat(next.state().nav().filter().text()).isEqualTo("api");
        assertThat(next.state().nav().filter().typing()).as("kept, not being typed").isFalse();
        assertThat(next.text()).contains("CPU · peak 3d · by name · /api");
        assertThat(next.app().remembered()).isEqualTo(h.app().remembered());
    }

    @Test
    void theHelpListsTheThresholdsAndTheColoursFollowEachServicesOwn() {
        Thresholds ruled = Thresholds.DEFAULT.withRules(List.of(
                new ThresholdRule(Metric.CPU, Level.HOT, "storage-prod_bags-*", 140),
                new ThresholdRule(Metric.CPU, Level.WARN, "storage-prod_bags-*", 135)));
        Headless h = demo.open(GOVERNED.withCluster("storage-prod").withThresholds(ruled), LARGE).settle();
        // bags-api peaks at 133.3%: red by the general 95%, but its own rule (on the full name, as ECS
        // names it; the panel cuts the shared prefix) starts amber at 135
        assertThat(h.text()).containsPattern("bags-api +133.3%");
        int row = (int) h.text().lines().takeWhile(l -> !l.matches(".*bags-api +133.3%.*")).count();
        int col = h.text().lines().skip(row).findFirst().orElseThrow().indexOf("133.3%");
        assertThat(h.terminal().getCharacter(col, row).getForegroundColor()).isEqualTo(TextColor.ANSI.GREEN);
        h.type("?");
        assertThat(h.text()).contains("threshold  cpu hot storage-prod_bags-* 140%").contains("amber 80% red 95% · any key closes");
        Golden.assertMatches("window-200x50-help-thresholds", h.text());
    }

    @Test
    void theLastSessionsBarsArePaintedAtOnceMarkedWithTheirAgeUntilTheFirstFetch() {
        Headless before = demo.open(DemoFleetFixture.OPTIONS.withCluster("storage-prod"), LARGE).settle();
        ecstop.domain.Snapshot left = before.app().leftOn().snapshot().orElseThrow();
        // as a session three hours ago left them (no task counts kept)
        ecstop.domain.Snapshot kept = new ecstop.domain.Snapshot(left.scope(), left.lookback(), left.stat(), left.window(),
                left.fetchedAt().minus(Duration.ofHours(3)), left.services(), Optional.empty(), Optional.empty(),
                ecstop.domain.CallStats.NONE);

        long fetched = demo.emulator().log().snapshot().calls("GetMetricData");
        Headless h = demo.open(DemoFleetFixture.OPTIONS.withCluster("storage-prod").withLastSeen(Optional.of(kept)), LARGE);
        assertThat(demo.emulator().log().snapshot().calls("GetMetricData")).as("nothing fetched for this session yet")
                .isEqualTo(fetched);
        assertThat(status(h)).contains("last session's data, 3h old");
        assertThat(h.text()).contains("bags-api").contains("133.3%");
        assertThat(h.app().leftOn().snapshot()).as("not handed on as this session's").isEmpty();
        Golden.assertMatches("window-200x50-last-session", h.text());

        h.settle();
        assertThat(status(h)).contains("refreshed 0s ago").doesNotContain("last session");
        assertThat(h.app().leftOn().snapshot()).isPresent();
    }

    @Test
    void theLastSessionsBarsOfAnotherQuestionAreNotShown() {
        Headless before = demo.open(DemoFleetFixture.OPTIONS.withCluster("storage-prod"), LARGE).settle();
        ecstop.domain.Snapshot left = before.app().leftOn().snapshot().orElseThrow();
        Headless h = demo.open(DemoFleetFixture.OPTIONS.withCluster("storage-prod").withLookback(Lookback.days(3))
                .withLastSeen(Optional.of(left)), LARGE);
        assertThat(h.state().fleet().snapshot()).isEmpty();
        assertThat(status(h)).doesNotContain("last session");
    }

    @Test
    void noClusterChosenIsRememberedAsNone() {
        Headless h = demo.open(DemoFleetFixture.OPTIONS.withCluster(null), new TerminalSize(120, 40)).settle();
        assertThat(h.app().remembered().cluster()).isEmpty();
        assertThat(h.app().remembered().filter()).isEmpty();
    }
}
