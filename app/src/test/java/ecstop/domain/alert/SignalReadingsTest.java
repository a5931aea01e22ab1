package ecstop.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.ServiceRef;
import ecstop.domain.signal.Horizon;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.signal.Severity;
import ecstop.domain.signal.Signal;
import ecstop.domain.signal.SignalKind;
import ecstop.testfleet.Refs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OOM kills and placement failures as alert triggers: a new burst notifies once, a note never. */
class SignalReadingsTest {
    private static final ServiceRef API = Refs.service("prod", "api");
    private static final ServiceRef WORKER = Refs.service("prod", "worker");
    private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");

    private static Signal signal(SignalKind kind, Severity severity, String summary) {
        return new Signal(kind, severity, Optional.of(AT), false, 2, summary,
                Horizon.of(Horizon.Source.STOPPED_TASKS, AT.minusSeconds(3600)), List.of());
    }

    private static ScopeSignals scope(Map<ServiceRef, List<Signal>> byService) {
        return new ScopeSignals(byService, Optional.empty(), Optional.empty());
    }

    @Test
    void aServiceThatStartsGettingOomKilledNotifiesOnceUntilItHasBeenClean() {
        Signal oom = signal(SignalKind.OOM, Severity.WARN, "2 tasks killed for memory (OOM, exit 137)");
        AlertBook book = AlertBook.EMPTY;
        book = book.read(SignalReadings.of(scope(Map.of(API, List.of(), WORKER, List.of())))).book();

        AlertBook.Update killed = book.read(SignalReadings.of(scope(Map.of(API, List.of(oom), WORKER, List.of()))));
        assertThat(killed.fired()).extracting(Alert::line).containsExactly("api OOM: 2 tasks killed for memory (OOM, exit 137)");

        AlertBook.Update again = killed.book().read(SignalReadings.of(scope(Map.of(API, List.of(oom)))));
        assertThat(again.fired()).as("the same burst").isEmpty();
        AlertBook clean = again.book().read(SignalReadings.of(scope(Map.of(API, List.of())))).book();
        assertThat(clean.read(SignalReadings.of(scope(Map.of(API, List.of(oom))))).fired()).hasSize(1);
    }

    @Test
    void placementFailuresFireAndNotesAndOtherKindsDoNot() {
        Signal placement = signal(SignalKind.PLACEMENT, Severity.CRIT, "3 tasks ECS could not place");
        Signal passedOom = signal(SignalKind.OOM, Severity.INFO, "killed for memory, passed");
        Signal crash = signal(SignalKind.CRASH, Severity.CRIT, "5 tasks exited with an error");
        AlertBook book = AlertBook.EMPTY.read(SignalReadings.of(scope(Map.of(API, List.of(), WORKER, List.of())))).book();

        AlertBook.Update u = book.read(SignalReadings.of(scope(Map.of(API, List.of(placement), WORKER, List.of(passedOom, crash)))));
        assertThat(u.fired()).extracting(Alert::service, Alert::trigger).containsExactly(
                org.assertj.core.groups.Tuple.tuple(API, Trigger.PLACEMENT));
    }

    @Test
    void whatIsAlreadyKilledWhenEcsTopOpensIsOnTheScreenNotNews() {
        Signal oom = signal(SignalKind.OOM, Severity.CRIT, "7 tasks killed for memory");
        assertThat(AlertBook.EMPTY.read(SignalReadings.of(scope(Map.of(API, List.of(oom))))).fired()).isEmpty();
    }
}
