package ecstop.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ThresholdsTest {
    private static final Thresholds RULED = Thresholds.DEFAULT.withRules(List.of(
            new ThresholdRule(Metric.CPU, Level.HOT, "batch-*", 99),
            new ThresholdRule(Metric.CPU, Level.WARN, "batch-*", 97),
            new ThresholdRule(Metric.MEMORY, Level.HOT, "search-indexer", 85),
            new ThresholdRule(Metric.CPU, Level.HOT, "batch-nightly", 100)));

    @Test
    void aRuleAppliesToItsMetricAndTheServicesItsPatternMatches() {
        assertThat(RULED.of(Metric.CPU, "batch-hourly")).isEqualTo(new Thresholds(97, 99));
        assertThat(RULED.of(Metric.MEMORY, "batch-hourly")).isEqualTo(new Thresholds(80, 95));
        assertThat(RULED.of(Metric.CPU, "api")).isEqualTo(new Thresholds(80, 95));
        assertThat(RULED.of(Metric.CPU, "nightly-batch-x")).as("a pattern matches the whole name").isEqualTo(new Thresholds(80, 95));
    }

    @Test
    void laterRulesWinAsLaterLinesOfTheFileDo() {
        assertThat(RULED.of(Metric.CPU, "batch-nightly")).isEqualTo(new Thresholds(97, 100));
    }

    @Test
    void aHotBelowTheWarnInForcePullsWarnDown() {
        assertThat(RULED.of(Metric.MEMORY, "search-indexer")).isEqualTo(new Thresholds(80, 85));
        Thresholds low = Thresholds.DEFAULT.withRules(List.of(new ThresholdRule(Metric.CPU, Level.HOT, "x", 50)));
        assertThat(low.of(Metric.CPU, "x")).isEqualTo(new Thresholds(50, 50));
    }

    @Test
    void colourLevelsFollowTheServicesOwnThresholds() {
        assertThat(Level.of(OptionalDouble.of(98), RULED.of(Metric.CPU, "batch-hourly"))).isEqualTo(Level.WARN);
        assertThat(Level.of(OptionalDouble.of(98), RULED.of(Metric.CPU, "api"))).isEqualTo(Level.HOT);
    }

    @Test
    void globsMatchStarsAndQuestionMarksAndNothingElseIsSpecial() {
        assertThat(rule("a*c").matches("abbbc")).isTrue();
        assertThat(rule("a*c").matches("ac")).isTrue();
        assertThat(rule("a*c").matches("acb")).isFalse();
        assertThat(rule("a?c").matches("abc")).isTrue();
        assertThat(rule("a?c").matches("ac")).isFalse();
        assertThat(rule("*").matches("")).isTrue();
        assertThat(rule("a.c").matches("abc")).as("a dot is a dot").isFalse();
        assertThat(rule("*-api-*").matches("eu-api-1")).isTrue();
        assertThat(rule("**x").matches("yyx")).isTrue();
    }

    @Test
    void theHelpNamesEachRule() {
        assertThat(RULED.rules().get(0).describe()).isEqualTo("cpu hot batch-* 99%");
        assertThat(new ThresholdRule(Metric.MEMORY, Level.WARN, "x", 87.5).describe()).isEqualTo("memory warn x 87.5%");
    }

    @Test
    void aRuleIsWarnOrHotWithAPattern() {
        assertThatThrownBy(() -> new ThresholdRule(Metric.CPU, Level.OK, "x", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdRule(Metric.CPU, Level.HOT, "", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ThresholdRule rule(String pattern) {
        return new ThresholdRule(Metric.CPU, Level.HOT, pattern, 90);
    }
}
