package ecstop.domain.signal;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Level;
import ecstop.domain.Metric;
import ecstop.domain.ThresholdRule;
import ecstop.domain.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class FailOnTest {
    static Signal signal(SignalKind kind, Severity severity) {
        return new Signal(kind, severity, Optional.empty(), false, 1, "x", Horizon.of(Horizon.Source.TASK_COUNTS, null), List.of());
    }

    @Test
    void aListOfKindsAndHot() {
        FailOn f = FailOn.parse(" OOM, placement ,hot").get();

        assertThat(f.kinds()).containsExactlyInAnyOrder(SignalKind.OOM, SignalKind.PLACEMENT);
        assertThat(f.hot()).isTrue();
        assertThat(FailOn.parse("oom,crash,placement,short,deploy,health,hot").get().kinds()).hasSize(6);
    }

    @Test
    void anUnknownWordIsOneLineNamingItAndTheWordsAllowed() {
        assertThat(FailOn.parse("oom,oomm").getLeft()).isEqualTo("--fail-on: 'oomm' is not a signal; use a comma-separated"
                + " list of oom, crash, placement, short, deploy, health, hot");
        assertThat(FailOn.parse("").getLeft()).startsWith("--fail-on: '' is not a signal");
        assertThat(FailOn.parse("oom,\u001b[2J").getLeft()).doesNotContain("\u001b");
    }

    @Test
    void tripsOnAChosenKindThatIsNotJustANote() {
        FailOn f = FailOn.parse("oom,deploy").get();
        OptionalDouble none = OptionalDouble.empty();

        assertThat(f.trips("web", List.of(signal(SignalKind.OOM, Severity.WARN)), none, none, Thresholds.DEFAULT)).isTrue();
        assertThat(f.trips("web", List.of(signal(SignalKind.SHORT, Severity.CRIT)), none, none, Thresholds.DEFAULT)).isFalse();
        assertThat(f.trips("web", List.of(signal(SignalKind.DEPLOY, Severity.INFO)), none, none, Thresholds.DEFAULT)).isFalse();
        assertThat(f.trips("web", List.of(), OptionalDouble.of(99), none, Thresholds.DEFAULT)).isFalse();
    }

    @Test
    void hotIsAFigureAtOrOverTheHotThreshold() {
        FailOn hot = FailOn.parse("hot").get();

        assertThat(hot.trips("web", List.of(), OptionalDouble.of(95.0), OptionalDouble.empty(), Thresholds.DEFAULT)).isTrue();
        assertThat(hot.trips("web", List.of(), OptionalDouble.of(94.9), OptionalDouble.of(12), Thresholds.DEFAULT)).isFalse();
        assertThat(hot.trips("web", List.of(), OptionalDouble.empty(), OptionalDouble.of(120), Thresholds.DEFAULT)).isTrue();
        assertThat(hot.trips("web", List.of(), OptionalDouble.of(85), OptionalDouble.empty(), new Thresholds(70, 80))).isTrue();
        assertThat(hot.trips("web", List.of(signal(SignalKind.OOM, Severity.CRIT)), OptionalDouble.empty(), OptionalDouble.empty(),
                Thresholds.DEFAULT)).isFalse();
    }

    @Test
    void hotIsByTheServicesOwnThresholdsTheSameRulesTheTuiColoursBy() {
        FailOn hot = FailOn.parse("hot").get();
        Thresholds batchLate = Thresholds.DEFAULT.withRules(List.of(
                new ThresholdRule(Metric.CPU, Level.HOT, "batch-*", 99)));

        assertThat(hot.trips("batch-nightly", List.of(), OptionalDouble.of(97), OptionalDouble.empty(), batchLate)).isFalse();
        assertThat(hot.trips("batch-nightly", List.of(), OptionalDouble.of(99), OptionalDouble.empty(), batchLate)).isTrue();
        assertThat(hot.trips("web", List.of(), OptionalDouble.of(97), OptionalDouble.empty(), batchLate)).isTrue();
        // the rule is for CPU: the service's memory keeps the general threshold
        assertThat(hot.trips("batch-nightly", List.of(), OptionalDouble.empty(), OptionalDouble.of(97), batchLate)).isTrue();
    }

    @Test
    void timesAndMessagesAreTerse() {
        assertThat(Times.brief(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Times.brief(Duration.ofMinutes(12))).isEqualTo("12m");
        assertThat(Times.brief(Duration.ofMinutes(185))).isEqualTo("3h 5m");
        assertThat(Times.brief(Duration.ofHours(3))).isEqualTo("3h");
        assertThat(Times.brief(Duration.ofHours(52))).isEqualTo("2d 4h");
        assertThat(Times.minute(Instant.parse("2026-11-20T10:07:31Z"))).isEqualTo("2026-11-20T10:07Z");
        assertThat(Messages.clean("  a\r\n\tb  ")).isEqualTo("a b");
        assertThat(Messages.clean("x".repeat(1000))).hasSize(Messages.MAX).endsWith("…");
        assertThat(Messages.clean(null)).isEmpty();
    }

    @Test
    void everyKindHasAOneCellGlyphAnAsciiLetterAndAShortWord() {
        for (SignalKind k : SignalKind.values()) {
            assertThat(k.mark(true)).isBetween(' ', '~');
            assertThat(Character.isLetter(k.mark(true))).isTrue();
            assertThat(k.mark(false)).isGreaterThan('~');
            assertThat(k.word()).hasSizeLessThanOrEqualTo(6).matches("[A-Z]+");
            assertThat(SignalKind.byKey(k.key())).contains(k);
        }
        assertThat(java.util.Arrays.stream(SignalKind.values()).map(k -> k.mark(true)).distinct()).hasSize(SignalKind.values().length);
    }
}
