package ecstop.ui.present;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.signal.Horizon;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.signal.Severity;
import ecstop.domain.signal.Signal;
import ecstop.domain.signal.SignalKind;
import ecstop.testfleet.FakeFleet;
import ecstop.ui.state.Pane;
import ecstop.ui.state.ScreenSize;
import ecstop.ui.state.SortOrder;
import ecstop.ui.state.Detail;
import ecstop.ui.state.CursorMoves;
import ecstop.ui.state.State;
import ecstop.ui.view.PaneRegistry;
import ecstop.ui.widget.Glyphs;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The signals in the bar panels' rows: the trouble-first sort, the "only with signals"
 * filter, the column's width, the titles and messages that say so, the detail's page size
 * and the status line. Pure: a State and the presenter, no terminal.
 */
class SignalRowsTest {
    private static final Scope PROD = Scope.of(FakeFleet.ref("storage-prod"));
    private final FakeFleet fleet = new FakeFleet();
    private final Presenter presenter = new Presenter(Glyphs.UNICODE);
    private final PaneRegistry panes = PaneRegistry.standard(presenter, ZoneOffset.UTC);

    private static ServiceRef ref(String name) {
        return new ServiceRef(FakeFleet.ref("storage-prod"), "storage-prod_" + name);
    }

    private static Signal signal(SignalKind kind, Severity severity) {
        return new Signal(kind, severity, Optional.of(FakeFleet.NOW.minusSeconds(600)), false, 1, kind.word() + " summary",
                new Horizon(Horizon.Source.TASK_COUNTS, Optional.empty()), List.of());
    }

    /** ingests: CRIT and INFO; replicator and bag-verifier: one WARN each; register: none. */
    private static ScopeSignals signals() {
        Map<ServiceRef, List<Signal>> by = new LinkedHashMap<>();
        by.put(ref("ingests"), List.of(signal(SignalKind.SHORT, Severity.CRIT), signal(SignalKind.PLACEMENT, Severity.INFO)));
        by.put(ref("replicator"), List.of(signal(SignalKind.OOM, Severity.WARN)));
        by.put(ref("bag-verifier"), List.of(signal(SignalKind.HEALTH, Severity.WARN)));
        by.put(ref("register"), List.of());
        return new ScopeSignals(by, Optional.empty(), Optional.of(FakeFleet.NOW.minusSeconds(3600)));
    }

    private State loaded() {
        return State.initial(Optional.of(PROD), Lookback.hours(24), Stat.MAX, new ScreenSize(120, 40))
                .withClusters(fleet.clusters().get())
                .withSnapshot(fleet.snapshot(new SnapshotRequest(FakeFleet.ref("storage-prod"), Lookback.hours(24), Stat.MAX,
                        FakeFleet.NOW, Optional.empty(), true)).get(), FakeFleet.NOW);
    }

    private List<String> names(State s, Metric m) {
        return presenter.rows(s, m).stream().map(ServiceRow::shown).toList();
    }

    private static State sortedBy(State s, SortOrder order) {
        State out = s;
        while (out.nav().sort() != order) {
            out = out.cycleSort();
        }
        return out;
    }

    @Test
    void troubleFirstWorstSignalThenMostSignalsThenEachPanelsOwnFigureThenName() {
        State s = sortedBy(loaded().withSignals(PROD, signals()), SortOrder.TROUBLE);
        assertThat(names(s, Metric.CPU)).containsExactly("ingests", "replicator", "bag-verifier", "register");
        assertThat(names(s, Metric.MEMORY)).containsExactly("ingests", "bag-verifier", "replicator", "register");
        assertThat(presenter.usage(s, Metric.CPU).title()).endsWith("· by trouble");
    }

    @Test
    void infoSignalsComeAfterWarningsAndBeforeNone() {
        ServiceRow info = new ServiceRow(ref("a"), "a", java.util.OptionalDouble.of(99), ecstop.domain.Series.EMPTY,
                List.of(signal(SignalKind.PLACEMENT, Severity.INFO)));
        ServiceRow warn = new ServiceRow(ref("b"), "b", java.util.OptionalDouble.of(1), ecstop.domain.Series.EMPTY,
                List.of(signal(SignalKind.SHORT, Severity.WARN)));
        ServiceRow none = new ServiceRow(ref("c"), "c", java.util.OptionalDouble.of(100), ecstop.domain.Series.EMPTY);
        List<ServiceRow> rows = new java.util.ArrayList<>(List.of(none, info, warn));
        rows.sort(ServiceRows.TROUBLE_FIRST);
        assertThat(rows).containsExactly(warn, info, none);
    }

    @Test
    void theRowsCarryTheirSignalsAndTheColumnIsAsWideAsTheMostOneServiceShows() {
        State s = loaded();
        assertThat(presenter.usage(s, Metric.CPU).signalWidth()).as("none read yet: no column").isZero();
        State with = s.withSignals(PROD, signals());
        assertThat(presenter.usage(with, Metric.CPU).signalWidth()).isEqualTo(2);
        ServiceRow ingests = presenter.rows(with, Metric.CPU).stream().filter(r -> r.shown().equals("ingests")).findFirst().orElseThrow();
        assertThat(ingests.signals()).extracting(Signal::kind).containsExactly(SignalKind.SHORT, SignalKind.PLACEMENT);
        // the same snapshot with newer signals: the memoised rows follow
        State later = with.withSignals(PROD, new ScopeSignals(Map.of(ref("ingests"), List.of()), Optional.empty(), Optional.empty()));
        assertThat(presenter.rows(later, Metric.CPU)).allSatisfy(r -> assertThat(r.signals()).isEmpty());
    }

    @Test
    void onlyServicesWithSignalsWithTheNameFilterOnTop() {
        State s = loaded().withSignals(PROD, signals()).toggleSignalsOnly();
        assertThat(names(s, Metric.CPU)).containsExactly("replicator", "bag-verifier", "ingests");
        assertThat(presenter.usage(s, Metric.CPU).title()).endsWith("· with signals");
        State re = filtered(s, "re");
        assertThat(re.nav().filter().signalsOnly()).as("typing keeps the toggle").isTrue();
        assertThat(names(re, Metric.CPU)).containsExactly("replicator");
        State regi = filtered(re, "gi");
        assertThat(presenter.usage(regi, Metric.CPU).empty())
                .contains("no service matching /regi shows a signal; ! lists all");
        assertThat(names(regi.toggleSignalsOnly(), Metric.CPU)).containsExactly("register");
        // Esc clears the whole filter
        State cleared = s.back();
        assertThat(cleared.nav().filter().signalsOnly()).isFalse();
        assertThat(names(cleared, Metric.CPU)).hasSize(4);
    }

    @Test
    void theRightSizingTableFollowsTheToggleAndSaysSo() {
        State s = loaded().withSignals(PROD, signals()).toggleSignalsOnly().toggleRightsize();
        assertThat(presenter.rightsize(s).title()).contains("· with signals");
    }

    @Test
    void onlyWithSignalsBeforeAnyAreReadSaysSo() {
        State s = loaded().toggleSignalsOnly();
        assertThat(presenter.usage(s, Metric.CPU).empty()).hasValueSatisfying(m -> assertThat(m).contains("yet"));
        assertThat(panes.listing(s).of(Pane.CPU).orElseThrow().size()).isZero();
    }

    @Test
    void theSignalLinesTakeTheirRowsFromTheDetailsPage() {
        State s = loaded().withSignals(PROD, signals());
        State open = CursorMoves.enter(s, panes.listing(s));
        assertThat(open.nav().detail().map(Detail::service)).contains(ref("replicator"));
        int height = panes.layout(open).at(Slot.BELOW).orElseThrow().height();
        // the box, the tasks line, the timeline's line ("reading the timeline…": the test double reads none) and the header
        int page = height - 5;
        DetailModel d = presenter.detail(open, ZoneOffset.UTC, height);
        assertThat(d.signals()).extracting(DetailModel.SignalLine::text).singleElement().asString().startsWith("↯ OOM    WARN");
        assertThat(panes.listing(open).pageRows(Pane.DETAIL)).isEqualTo(page - d.signals().size());
    }

    @Test
    void signalsBelongToTheirScopeOneClustersReplaceTheFleetsAddUp() {
        State s = loaded();
        assertThat(s.withSignals(Scope.of(FakeFleet.ref("catalogue")), signals()).fleet().signals()).as("a late answer")
                .isSameAs(ScopeSignals.NONE);
        State once = s.withSignals(PROD, signals());
        State twice = once.withSignals(PROD, new ScopeSignals(Map.of(ref("register"), List.of()), Optional.empty(),
                Optional.empty()));
        assertThat(twice.fleet().signals().read(ref("ingests"))).as("one cluster's read covers all its services").isFalse();

        Scope.Fleet all = new Scope.Fleet(List.of(FakeFleet.TARGET));
        State f = State.initial(Optional.of(all), Lookback.hours(24), Stat.MAX, new ScreenSize(120, 40));
        State first = f.withSignals(all, new ScopeSignals(Map.of(ref("ingests"), List.of(signal(SignalKind.SHORT, Severity.WARN))),
                Optional.empty(), Optional.empty()));
        State second = first.withSignals(all, new ScopeSignals(Map.of(ref("register"), List.of()), Optional.empty(),
                Optional.empty()));
        assertThat(second.fleet().signals().of(ref("ingests"))).as("the fleet reads some rows each time").hasSize(1);
        assertThat(second.fleet().signals().read(ref("register"))).isTrue();

        // into another cluster: the old scope's signals go
        State other = once.withClusters(fleet.clusters().get()).back();
        assertThat(other.nav().focus()).isEqualTo(Pane.CLUSTERS);
        State picked = CursorMoves.enter(CursorMoves.first(other, panes.listing(other)), panes.listing(other));
        assertThat(picked.question().scope()).isNotEqualTo(once.question().scope());
        assertThat(picked.fleet().signals()).isSameAs(ScopeSignals.NONE);
    }

    @Test
    void theStatusLineSaysWhenStoppedTasksCouldNotBeRead() {
        Failure denied = new Failure(Failure.Kind.ACCESS_DENIED, "ecs:ListTasks", "");
        State s = loaded().withSignals(PROD, new ScopeSignals(Map.of(), Optional.of(denied), Optional.empty()));
        Instant now = FakeFleet.NOW.plusSeconds(5);
        assertThat(presenter.status(s, now, "")).anySatisfy(p -> {
            assertThat(p.text()).isEqualTo("no OOM/crash signals: " + denied.line());
            assertThat(p.error()).isTrue();
        });
        assertThat(s.stale()).as("the bars are not stale for it").isFalse();
        assertThat(presenter.status(loaded().withSignals(PROD, signals()), now, ""))
                .noneSatisfy(p -> assertThat(p.text()).contains("OOM"));
    }

    /** {@code text} typed into the filter and kept, as the keys do. */
    private static State filtered(State s, String text) {
        State f = ecstop.ui.state.FilterSteps.start(s);
        for (char c : text.toCharArray()) {
            f = ecstop.ui.state.FilterSteps.type(f, c);
        }
        return ecstop.ui.state.FilterSteps.keep(f);
    }
}
