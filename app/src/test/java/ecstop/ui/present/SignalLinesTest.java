package ecstop.ui.present;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceHealth;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Target;
import ecstop.domain.signal.Evidence;
import ecstop.domain.signal.Horizon;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.signal.Severity;
import ecstop.domain.signal.Signal;
import ecstop.domain.signal.SignalKind;
import ecstop.ui.present.DetailModel.SignalLine;
import ecstop.ui.widget.Glyphs;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The detail's lines on a service's signals: what they say, in what order, and how they fit a budget of lines. */
class SignalLinesTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:17:00Z");
    private static final ServiceRef WEB = new ServiceRef(new ClusterRef(Target.of("default", "eu-west-1"), "prod"), "web");
    private static final Optional<Instant> STOPPED_READ = Optional.of(NOW.minus(Duration.ofHours(1)));

    private static Instant ago(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    private static Signal oom(int n) {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            evidence.add(new Evidence(Optional.of(ago(3 + 10L * i)), "task t" + i + ": OutOfMemoryError: Container killed"));
        }
        return new Signal(SignalKind.OOM, n >= 3 ? Severity.CRIT : Severity.WARN, Optional.of(ago(3)), false, n,
                n + " tasks killed for memory (OOM, exit 137)", Horizon.of(Horizon.Source.STOPPED_TASKS, NOW.minus(Duration.ofHours(1))),
                evidence);
    }

    private static Signal placement() {
        return new Signal(SignalKind.PLACEMENT, Severity.WARN, Optional.of(ago(8)), false, 1,
                "could not place a task once (insufficient memory)", Horizon.of(Horizon.Source.SERVICE_EVENTS, ago(120)),
                List.of(new Evidence(Optional.of(ago(8)), "(service web) was unable to place a task: insufficient memory"),
                        new Evidence(Optional.of(ago(23)), "task t2: OutOfMemoryError: Container killed")));
    }

    private static ScopeSignals of(List<Signal> signals, Optional<Failure> unavailable, Optional<Instant> from) {
        return new ScopeSignals(Map.of(WEB, signals), unavailable, from);
    }

    private static List<SignalLine> lines(ScopeSignals s, boolean fleet, int budget, Glyphs g) {
        return SignalLines.of(s, WEB, Optional.empty(), fleet, NOW, ZoneOffset.UTC, g, budget);
    }

    private static List<String> texts(List<SignalLine> lines) {
        return lines.stream().map(SignalLine::text).toList();
    }

    @Test
    void eachSignalWithItsTimeAndHorizonThenTheMessagesNewestFirstEachOnce() {
        List<SignalLine> l = lines(of(List.of(oom(3), placement()), Optional.empty(), STOPPED_READ), false, 20, Glyphs.UNICODE);
        assertThat(texts(l)).containsExactly(
                "↯ OOM    CRIT 3 tasks killed for memory (OOM, exit 137) · last 12:14 · last ~1h of stopped tasks",
                "⊘ PLACE  WARN could not place a task once (insufficient memory) · last 12:09 · service events since 10:17",
                "  12:14 ↯ task t0: OutOfMemoryError: Container killed",
                "  12:09 ⊘ was unable to place a task: insufficient memory",
                "  12:04 ↯ task t1: OutOfMemoryError: Container killed",
                "  11:54 ↯ task t2: OutOfMemoryError: Container killed");
        assertThat(l.get(0).severity()).contains(Severity.CRIT);
        assertThat(l.get(1).severity()).contains(Severity.WARN);
        assertThat(l.subList(2, l.size())).allSatisfy(x -> assertThat(x.severity()).isEmpty());
    }

    @Test
    void aSmallBudgetKeepsTheSignalsAndSaysHowManyMessagesItLeftOut() {
        List<SignalLine> l = lines(of(List.of(oom(5)), Optional.empty(), STOPPED_READ), false, 3, Glyphs.UNICODE);
        assertThat(texts(l)).hasSize(3).endsWith("  … 4 older");
        assertThat(l.get(2).dim()).isTrue();
        assertThat(texts(lines(of(List.of(oom(5), placement()), Optional.empty(), STOPPED_READ), false, 1, Glyphs.UNICODE)))
                .singleElement().asString().startsWith("↯ OOM");
        assertThat(lines(of(List.of(oom(5)), Optional.empty(), STOPPED_READ), false, 0, Glyphs.UNICODE)).isEmpty();
    }

    @Test
    void asciiMarks() {
        List<SignalLine> l = lines(of(List.of(oom(1), placement()), Optional.empty(), STOPPED_READ), false, 20, Glyphs.ASCII);
        assertThat(texts(l).get(0)).startsWith("O OOM    WARN").contains(" - last 12:14 - ");
        assertThat(texts(l)).allSatisfy(t -> assertThat(t.chars().allMatch(c -> c < 128)).as(t).isTrue());
    }

    @Test
    void nothingFoundSaysWhereItLooked() {
        ServiceInfo info = new ServiceInfo("web", "arn", "ACTIVE", 2, 2, 0, "FARGATE", "web:1", "COMPLETED",
                new ServiceHealth(List.of(new ServiceEvent(ago(30), "(service web) has reached a steady state."),
                        new ServiceEvent(Instant.parse("2026-11-19T23:50:00Z"), "(service web) has started 1 tasks")),
                        List.of(), Optional.empty()));
        assertThat(texts(SignalLines.of(of(List.of(), Optional.empty(), STOPPED_READ), WEB, Optional.of(info), false, NOW,
                ZoneOffset.UTC, Glyphs.UNICODE, 4)))
                .containsExactly("no signals in the last ~1h of stopped tasks or the service events since 11-19 23:50");
        // the times are the screen's zone's, and so is "today": 23:50Z is 00:50 in Berlin, the same day as now
        assertThat(texts(SignalLines.of(of(List.of(), Optional.empty(), STOPPED_READ), WEB, Optional.of(info), false, NOW,
                ZoneId.of("Europe/Berlin"), Glyphs.UNICODE, 4)).get(0)).endsWith("service events since 00:50");
    }

    @Test
    void stoppedTasksNotReadAreSaidAndWhy() {
        Failure denied = new Failure(Failure.Kind.ACCESS_DENIED, "ecs:ListTasks", "");
        assertThat(texts(lines(of(List.of(), Optional.of(denied), Optional.empty()), false, 4, Glyphs.UNICODE)))
                .containsExactly("no signals (no service events read); OOM kills and crashes unknown: " + denied.line());
        List<SignalLine> fleet = lines(of(List.of(placement()), Optional.empty(), Optional.empty()), true, 3, Glyphs.UNICODE);
        assertThat(texts(fleet).get(1)).isEqualTo("OOM kills and crashes are read in the cluster's view (c)");
        assertThat(fleet.get(1).dim()).isTrue();
    }

    @Test
    void notReadYet() {
        assertThat(lines(ScopeSignals.NONE, false, 4, Glyphs.UNICODE)).singleElement()
                .satisfies(l -> assertThat(l.text()).startsWith("signals: not read yet"))
                .satisfies(l -> assertThat(l.dim()).isTrue());
    }
}
