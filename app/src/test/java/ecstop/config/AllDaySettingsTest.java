package ecstop.config;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Governor;
import ecstop.domain.Level;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Stat;
import ecstop.domain.ThresholdRule;
import ecstop.domain.Thresholds;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of a session left open all day, per-service thresholds, and the remembered view's place among the layers. */
class AllDaySettingsTest {
    @TempDir
    Path home;

    private Path userFile(String... lines) throws IOException {
        return ConfigFiles.userFile(home, lines);
    }

    private Either<String, Settings> load(Map<String, String> env, Map<String, String> flags, Map<String, String> remembered) {
        return SettingsLoader.load(env, home, Optional.empty(), flags, remembered);
    }

    @Test
    void theDefaultsKeepADayUnderADollar() {
        AllDay d = Settings.DEFAULTS.allDay();
        assertThat(d.governor()).isEqualTo(new Governor(Duration.ofMinutes(10), Duration.ofMinutes(15), 1.00));
        assertThat(d.alerts()).isTrue();
        assertThat(d.desktop()).isEqualTo(Notify.AUTO);
        assertThat(d.remember()).isTrue();
    }

    @Test
    void everyNewKeyReadsFromTheFileAndTheEnvironment() throws IOException {
        userFile("away-refresh = 30m", "idle-after = off", "budget = $0.25", "alerts = false", "notify = osc777",
                "remember = false");
        AllDay a = load(Map.of(), Map.of(), Map.of()).get().allDay();
        assertThat(a).isEqualTo(new AllDay(new Governor(Duration.ofMinutes(30), Duration.ZERO, 0.25), false, Notify.OSC777,
                false));
        AllDay env = load(Map.of("ECS_TOP_BUDGET", "0", "ECS_TOP_IDLE_AFTER", "5m"), Map.of(), Map.of()).get().allDay();
        assertThat(env.governor().budgetUsdPerDay()).isZero();
        assertThat(env.governor().idleAfter()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void badValuesNameTheLineAndWhatIsAllowed() throws IOException {
        Path f = userFile("budget = lots");
        assertThat(load(Map.of(), Map.of(), Map.of()).getLeft())
                .isEqualTo(f + ":1: budget: 'lots' is not a budget; use dollars a day, like 1.00, or 0 for no limit");
        userFile("idle-after = 2s");
        assertThat(load(Map.of(), Map.of(), Map.of()).getLeft()).contains("is not an idle time; use 0 (off)");
        userFile("notify = smoke-signals");
        assertThat(load(Map.of(), Map.of(), Map.of()).getLeft()).contains("use auto, osc9, osc777, off");
    }

    @Test
    void perServiceThresholdLinesBecomeRulesInOrder() throws IOException {
        userFile("hot = 90", "threshold.cpu.hot.batch-* = 99", "threshold.memory.warn.search-indexer = 85.5",
                "threshold.cpu.warn = 70");
        Thresholds t = load(Map.of(), Map.of(), Map.of()).get().thresholds();
        assertThat(t.rules()).containsExactly(new ThresholdRule(Metric.CPU, Level.HOT, "batch-*", 99),
                new ThresholdRule(Metric.MEMORY, Level.WARN, "search-indexer", 85.5),
                new ThresholdRule(Metric.CPU, Level.WARN, "*", 70));
        assertThat(t.of(Metric.CPU, "batch-7")).isEqualTo(new Thresholds(70, 99));
        assertThat(t.of(Metric.MEMORY, "batch-7")).isEqualTo(new Thresholds(80, 90));
    }

    @Test
    void aMalformedThresholdLineIsAnErrorWithItsLine() throws IOException {
        Path f = userFile("threshold.disk.hot.x = 90");
        assertThat(load(Map.of(), Map.of(), Map.of()).getLeft()).startsWith(f + ":1: 'threshold.disk.hot.x' is not a threshold key");
        userFile("threshold.cpu.hot.x = hot");
        assertThat(load(Map.of(), Map.of(), Map.of()).getLeft()).contains("is not a percentage");
    }

    @Test
    void theRememberedViewSitsAboveTheDefaultsAndBelowEverythingElse() throws IOException {
        Map<String, String> remembered = Map.of("cluster", "api", "lookback", "3d", "stat", "avg");
        Settings s = load(Map.of(), Map.of(), remembered).get();
        assertThat(s.cluster()).contains("api");
        assertThat(s.lookback()).isEqualTo(Lookback.days(3));
        assertThat(s.stat()).isEqualTo(Stat.AVG);

        userFile("lookback = 6h");
        s = load(Map.of("ECS_TOP_STAT", "max"), Map.of("cluster", "web"), remembered).get();
        assertThat(s.lookback()).as("the file wins").isEqualTo(Lookback.hours(6));
        assertThat(s.stat()).as("the environment wins").isEqualTo(Stat.MAX);
        assertThat(s.cluster()).as("the flag wins").contains("web");
    }

    @Test
    void aRememberedValueThatNoLongerParsesIsSkippedNotAnError() {
        Settings s = load(Map.of(), Map.of(), Map.of("lookback", "90x", "cluster", "api")).get();
        assertThat(s.lookback()).isEqualTo(Settings.DEFAULTS.lookback());
        assertThat(s.cluster()).contains("api");
    }
}
