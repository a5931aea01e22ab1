package ecstop.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Scope;
import ecstop.domain.ServiceReadKeys;
import ecstop.domain.ServiceRef;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.testfleet.FakeFleet;
import ecstop.ui.present.Presenter;
import ecstop.ui.present.ServiceRow;
import ecstop.ui.view.PaneRegistry;
import ecstop.ui.widget.Glyphs;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * State steps are pure: each returns a new State, and the old one is untouched. The steps
 * that move take the rows as the presenter shows them; {@link Walk} passes them along.
 */
class StateTest {
    private static final ScreenSize SCREEN = new ScreenSize(120, 40);
    private final FakeFleet fleet = new FakeFleet();
    private final Presenter presenter = new Presenter(Glyphs.UNICODE);

    /** A State with the rows on screen to move through; {@code page}, when set, overrides the layout's page size. */
    private record Walk(State s, Presenter p, int page) {
        Listing shown() {
            Listing real = PaneRegistry.standard(p, java.time.ZoneOffset.UTC).listing(s);
            return page <= 0 ? real : new Listing() {
                @Override
                public List<Pane> order() { return real.order(); }

                @Override
                public Optional<Rows> of(Pane pane) { return real.of(pane); }

                @Override
                public int pageRows(Pane pane) { return page; }
            };
        }

        Walk to(State next) { return new Walk(next, p, page); }

        Walk paged(int rows) { return new Walk(s, p, rows); }

        Walk moveBy(int n) { return to(CursorMoves.moveBy(s, n, shown())); }

        Walk first() { return to(CursorMoves.first(s, shown())); }

        Walk last() { return to(CursorMoves.last(s, shown())); }

        Walk pageUp() { return to(CursorMoves.pageUp(s, shown())); }

        Walk pageDown() { return to(CursorMoves.pageDown(s, shown())); }

        Walk nextPane() { return to(CursorMoves.nextPane(s, shown())); }

        Walk prevPane() { return to(CursorMoves.prevPane(s, shown())); }

        Walk enter() { return to(CursorMoves.enter(s, shown())); }

        Walk back() { return to(s.back()); }

        Walk filter(String text) {
            State f = FilterSteps.start(s);
            for (char c : text.toCharArray()) {
                f = FilterSteps.type(f, c);
            }
            return to(FilterSteps.keep(f));
        }

        Optional<String> selected() { return CursorMoves.selectedService(s, shown()).map(ServiceRef::name); }

        List<String> names(Metric m) { return p.rows(s, m).stream().map(ServiceRow::shown).toList(); }
    }

    private Snapshot snap(String cluster, Lookback l, Stat s) {
        return fleet.snapshot(new SnapshotRequest(FakeFleet.ref(cluster), l, s, FakeFleet.NOW, Optional.empty(), true)).get();
    }

    private State loaded(String cluster) {
        return State.initial(Optional.of(Scope.of(FakeFleet.ref(cluster))), Lookback.hours(24), Stat.MAX, SCREEN)
                .withClusters(fleet.clusters().get())
                .withSnapshot(snap(cluster, Lookback.hours(24), Stat.MAX), FakeFleet.NOW);
    }

    private Walk walk(String cluster) {
        return new Walk(loaded(cluster), presenter, 0);
    }

    @Test
    void stepsDoNotChangeTheOriginal() {
        Walk s = walk("storage-prod");
        State moved = FilterSteps.type(FilterSteps.start(s.moveBy(1).s().toggleStat().longer().cycleSort()), 'x');
        assertThat(s.selected()).contains("storage-prod_replicator");
        assertThat(s.s().question().stat()).isEqualTo(Stat.MAX);
        assertThat(s.s().question().lookback()).isEqualTo(Lookback.hours(24));
        assertThat(s.s().nav().filter().text()).isEmpty();
        assertThat(moved.nav().filter().text()).isEqualTo("x");
    }

    @Test
    void rowsSortByEachPanelsPeakWithNoDataLastThenByNameThenByMemory() {
        Walk s = walk("storage-prod");
        assertThat(s.names(Metric.CPU)).containsExactly("replicator", "bag-verifier", "register", "ingests");
        assertThat(s.names(Metric.MEMORY)).containsExactly("bag-verifier", "replicator", "register", "ingests");
        Walk byName = s.to(s.s().cycleSort());
        assertThat(byName.names(Metric.CPU)).containsExactly("bag-verifier", "ingests", "register", "replicator");
        Walk byMemory = byName.to(byName.s().cycleSort());
        assertThat(byMemory.names(Metric.CPU)).containsExactlyElementsOf(byMemory.names(Metric.MEMORY));
        assertThat(byMemory.s().cycleSort().nav().sort()).isEqualTo(SortOrder.TROUBLE);
        assertThat(byMemory.s().cycleSort().cycleSort().nav().sort()).isEqualTo(SortOrder.PEAK);
        assertThat(presenter.prefix(s.s())).isEqualTo("storage-prod_");
    }

    @Test
    void selectionAndFilterSurviveARefresh() {
        Walk s = walk("catalogue").filter("02").moveBy(3);
        String chosen = s.selected().orElseThrow();
        Walk after = s.to(s.s().withSnapshot(snap("catalogue", Lookback.hours(24), Stat.MAX), FakeFleet.NOW));
        assertThat(after.s().fleet().snapshot()).isNotSameAs(s.s().fleet().snapshot());
        assertThat(after.selected()).contains(chosen);
        assertThat(after.s().nav().filter().text()).isEqualTo("02");
        assertThat(presenter.rows(after.s(), Metric.CPU)).allMatch(r -> r.name().contains("02"));
    }

    @Test
    void aSnapshotForAnotherQuestionIsDropped() {
        State s = loaded("storage-prod");
        Snapshot shown = s.fleet().snapshot().orElseThrow();
        assertThat(s.withSnapshot(snap("catalogue", Lookback.hours(24), Stat.MAX), null).fleet().snapshot()).containsSame(shown);
        assertThat(s.withSnapshot(snap("storage-prod", Lookback.days(3), Stat.MAX), null).fleet().snapshot()).containsSame(shown);
        assertThat(s.withSnapshot(snap("storage-prod", Lookback.hours(24), Stat.AVG), null).fleet().snapshot()).containsSame(shown);
        Snapshot otherProfile = fleet.snapshot(new SnapshotRequest(new ecstop.domain.ClusterRef(
                ecstop.domain.Target.of("dev", "eu-west-1"), "storage-prod"), Lookback.hours(24), Stat.MAX, FakeFleet.NOW,
                Optional.empty(), true)).get();
        assertThat(s.withSnapshot(otherProfile, null).fleet().snapshot()).as("same name, another profile").containsSame(shown);
    }

    @Test
    void afterALookbackChangeTheOldDataStaysUnderItsOwnLabelUntilTheNewArrives() {
        State s = loaded("storage-prod").longer();
        assertThat(s.question().lookback()).isEqualTo(Lookback.days(3));
        assertThat(s.catchingUp()).isTrue();
        State arrived = s.withSnapshot(snap("storage-prod", Lookback.days(3), Stat.MAX), null);
        assertThat(arrived.catchingUp()).isFalse();
    }

    @Test
    void aFailureMarksTheDataStaleUntilTheNextGoodAnswer() {
        Failure f = new Failure(Failure.Kind.NETWORK, "GetMetricData", "connection refused");
        State failed = loaded("storage-prod").withFailure(f, FakeFleet.NOW.plusSeconds(60), null);
        assertThat(failed.stale()).isTrue();
        assertThat(failed.fleet().snapshot()).isPresent();
        State recovered = failed.withSnapshot(snap("storage-prod", Lookback.hours(24), Stat.MAX), null);
        assertThat(recovered.stale()).isFalse();
        assertThat(recovered.health().lastError().map(Fault::failure)).isEmpty();
        State none = State.initial(Optional.of(Scope.of(FakeFleet.ref("x"))), Lookback.hours(1), Stat.MAX, SCREEN);
        assertThat(none.loading()).isTrue();
        assertThat(none.withFailure(f, FakeFleet.NOW, null).loading()).isFalse();
    }

    @Test
    void movementClampsAtBothEnds() {
        Walk s = walk("catalogue");
        assertThat(s.moveBy(-5).selected()).isEqualTo(s.selected());
        assertThat(s.last().moveBy(10).selected()).isEqualTo(s.last().selected());
        assertThat(s.paged(10).pageDown().pageDown().pageUp().selected())
                .contains(presenter.rows(s.s(), Metric.CPU).get(10).name());
    }

    @Test
    void pageKeysMoveByTheFocusedPanesHeightOnThisScreen() {
        Walk s = walk("catalogue");
        // 120x40: the picker takes 32 columns; in the 88 left the panels stack, CPU on 20 rows, 18 inside
        assertThat(s.shown().pageRows(Pane.CPU)).isEqualTo(18);
        assertThat(s.pageDown().selected()).contains(presenter.rows(s.s(), Metric.CPU).get(18).name());
        Walk small = s.to(s.s().withScreen(new ScreenSize(80, 24)));
        assertThat(small.shown().pageRows(Pane.CPU)).isEqualTo(10);
    }

    @Test
    void pickingAClusterResetsWhatBelongedToTheOldOne() {
        Walk s = walk("storage-prod").filter("r").enter();
        assertThat(s.s().nav().detail().isPresent()).isTrue();
        Walk picked = s.back().back().back().moveBy(1).enter();
        assertThat(picked.s().nav().focus()).isEqualTo(Pane.CPU);
        assertThat(picked.s().cluster()).contains(FakeFleet.ref("catalogue"));
        assertThat(picked.s().fleet().snapshot()).isEmpty();
        assertThat(picked.s().nav().filter().text()).isEmpty();
        assertThat(picked.s().nav().detail().isPresent()).isFalse();
    }

    @Test
    void escClosesTheTopThingFirst() {
        Walk s = walk("storage-prod").filter("r").enter();
        State one = s.s().toggleHelp().back();
        assertThat(one.nav().help()).isFalse();
        assertThat(one.nav().filter().text()).isEqualTo("r");
        State two = one.back();
        assertThat(two.nav().filter().text()).isEmpty();
        assertThat(two.nav().detail().isPresent()).isTrue();
        State three = two.back();
        assertThat(three.nav().detail().isPresent()).isFalse();
        assertThat(three.back().nav().focus()).isEqualTo(Pane.CLUSTERS);
    }

    @Test
    void theDetailIsPinnedToTheServiceEnterOpened() {
        Walk s = walk("storage-prod").enter();
        assertThat(s.s().nav().detail().map(Detail::service).map(ServiceRef::name)).contains("storage-prod_replicator");
        assertThat(s.moveBy(1).s().nav().detail().map(Detail::service).map(ServiceRef::name)).contains("storage-prod_replicator");
        assertThat(s.moveBy(1).enter().s().nav().detail().map(Detail::service).map(ServiceRef::name)).contains("storage-prod_bag-verifier");
    }

    @Test
    void whatIsReadForTheOpenServiceIsKeptOnlyWhileItIsOpenAndAnotherServicesReplacesIt() {
        Walk s = walk("storage-prod").enter();
        ServiceRef replicator = s.s().nav().detail().orElseThrow().service();
        ServiceRef verifier = new ServiceRef(replicator.cluster(), "storage-prod_bag-verifier");
        Failure slow = new Failure(Failure.Kind.THROTTLED, "cloudwatch:GetMetricData", "slow down");
        State read = OpenServiceSteps.withAnswer(s.s(), replicator, ServiceReadKeys.TIMELINE, Either.left(slow));
        assertThat(read.fleet().open().of(replicator).answer(ServiceReadKeys.TIMELINE)).contains(Either.left(slow));
        assertThat(read.fleet().open().of(verifier).answer(ServiceReadKeys.TIMELINE)).as("another service's").isEmpty();
        assertThat(OpenServiceSteps.withAnswer(s.s(), verifier, ServiceReadKeys.TIMELINE, Either.left(slow))).as("asked for a detail since closed").isEqualTo(s.s());
        Failure late = new Failure(Failure.Kind.NETWORK, "cloudwatch:GetMetricData", "timed out");
        assertThat(OpenServiceSteps.withAnswer(read.back(), replicator, ServiceReadKeys.TIMELINE, Either.left(late)).fleet().open().of(replicator)
                .answer(ServiceReadKeys.TIMELINE))
                .as("detail closed: a late answer is dropped").contains(Either.left(slow));
        State other = s.moveBy(1).enter().s();
        State next = OpenServiceSteps.withAnswer(OpenServiceSteps.withAnswer(read, replicator, ServiceReadKeys.TASKS, Either.left(slow))
                .openDetail(verifier), verifier, ServiceReadKeys.TIMELINE, Either.left(slow));
        assertThat(next.fleet().open().of(verifier).answer(ServiceReadKeys.TASKS)).as("the old service's tasks went with it").isEmpty();
        assertThat(next.fleet().open().of(replicator).answer(ServiceReadKeys.TIMELINE)).isEmpty();
        assertThat(other.nav().detail().map(Detail::service)).contains(verifier);
    }

    @Test
    void tabCyclesThePanesIncludingTheDetailOnlyWhenOpen() {
        Walk s = walk("storage-prod");
        assertThat(s.s().nav().focus()).isEqualTo(Pane.CPU);
        assertThat(s.nextPane().s().nav().focus()).isEqualTo(Pane.MEMORY);
        assertThat(s.nextPane().nextPane().s().nav().focus()).isEqualTo(Pane.CLUSTERS);
        assertThat(s.prevPane().s().nav().focus()).isEqualTo(Pane.CLUSTERS);
        assertThat(s.enter().nextPane().nextPane().s().nav().focus()).isEqualTo(Pane.DETAIL);
    }

    @Test
    void theOnlyClusterIsPickedByItselfAndSeveralOpenTheFleet() {
        State s = State.initial(Optional.empty(), Lookback.hours(1), Stat.MAX, SCREEN)
                .withClusters(List.of(fleet.clusters().get().get(0)));
        assertThat(s.cluster()).contains(FakeFleet.ref("storage-prod"));
        assertThat(s.pickerSize()).as("no 'All clusters' row for one cluster").isEqualTo(1);
        State several = State.initial(Optional.empty(), Lookback.hours(1), Stat.MAX, SCREEN).withClusters(fleet.clusters().get());
        assertThat(several.question().scope()).contains(new Scope.Fleet(List.of(FakeFleet.TARGET)));
        assertThat(several.nav().focus()).isEqualTo(Pane.CPU);
        assertThat(several.pickerSize()).isEqualTo(fleet.clusters().get().size() + 1);
        assertThat(several.nav().clusterCursor()).as("on the 'All clusters' row").isZero();
    }

    @Test
    void aFleetRowJumpsIntoItsClusterWithTheServiceSelectedAndBack() {
        Scope all = new Scope.Fleet(List.of(FakeFleet.TARGET));
        State f = State.initial(Optional.of(all), Lookback.hours(24), Stat.MAX, SCREEN).withClusters(fleet.clusters().get());
        Snapshot cat = snap("catalogue", Lookback.hours(24), Stat.MAX);
        Snapshot fleetSnap = new Snapshot(all, cat.lookback(), cat.stat(), cat.window(), cat.fetchedAt(), cat.services(),
                Optional.empty(), Optional.empty(), cat.stats());
        Walk w = new Walk(f.withSnapshot(fleetSnap, null), presenter, 0).moveBy(2);
        ServiceRef picked = CursorMoves.selectedService(w.s(), w.shown()).orElseThrow();

        Walk in = w.to(w.s().jump(w.shown()));
        assertThat(in.s().question().scope()).contains(Scope.of(FakeFleet.ref("catalogue")));
        assertThat(in.s().nav().selected()).contains(picked);
        assertThat(in.s().nav().clusterCursor()).as("the picker is on the cluster").isEqualTo(2);

        Walk back = in.to(in.s().jump(in.shown()));
        assertThat(back.s().question().scope()).contains(all);
        assertThat(back.s().nav().selected()).contains(picked);
        Walk refreshed = back.to(back.s().withSnapshot(fleetSnap, null));
        assertThat(refreshed.s().jump(refreshed.shown()).question().scope()).as("and in again once the fleet is back on screen")
                .contains(Scope.of(FakeFleet.ref("catalogue")));
        assertThat(loaded("catalogue").jump(walk("catalogue").shown()).question().scope())
                .as("a cluster opened from the picker has no fleet to go back to").contains(Scope.of(FakeFleet.ref("catalogue")));
    }

    @Test
    void aClusterListFailureDoesNotMakeThePanelsStale() {
        Failure f = new Failure(Failure.Kind.THROTTLED, "ListClusters", "");
        State s = loaded("storage-prod").withClustersFailure(f);
        assertThat(s.stale()).isFalse();
        assertThat(s.health().clustersError()).contains(f);
        assertThat(s.withClusters(fleet.clusters().get()).health().clustersError()).isEmpty();
    }

    @Test
    void eachSnapshotRefreshesTheChosenClustersReservationInThePicker() {
        State s = loaded("storage-prod");
        Snapshot fresh = snap("storage-prod", Lookback.hours(24), Stat.MAX);
        Cluster now = fresh.clusterInfo().orElseThrow().withReservation(OptionalDouble.of(88.0), OptionalDouble.empty());
        Snapshot withNew = new Snapshot(fresh.scope(), fresh.lookback(), fresh.stat(), fresh.window(), fresh.fetchedAt(),
                fresh.services(), fresh.info(), Optional.of(now), fresh.stats());

        State after = s.withSnapshot(withNew, null);

        Cluster row = after.fleet().clusters().stream().filter(c -> c.name().equals("storage-prod")).findFirst().orElseThrow();
        assertThat(row.cpuReservation()).hasValue(88.0);
        assertThat(row.memoryReservation()).isEmpty();
        assertThat(row.activeServices()).isEqualTo(4);
        // the other rows and the original State are untouched
        assertThat(after.fleet().clusters().subList(1, after.fleet().clusters().size())).isEqualTo(s.fleet().clusters().subList(1, s.fleet().clusters().size()));
        assertThat(s.fleet().clusters().get(0).cpuReservation()).hasValue(62.5);
    }

    @Test
    void taskDetailsStayUntilASnapshotBringsNewOnes() {
        State s = loaded("storage-prod");
        Snapshot withoutInfo = fleet.snapshot(new SnapshotRequest(FakeFleet.ref("storage-prod"), Lookback.hours(24), Stat.MAX,
                FakeFleet.NOW, Optional.empty(), false)).get();
        assertThat(withoutInfo.info()).isEmpty();
        assertThat(s.withSnapshot(withoutInfo, null).fleet().info()).isEqualTo(s.fleet().info()).isNotEmpty();
    }

    @Test
    void theDetailScrollsNoFurtherThanItsLastPage() {
        Walk s = walk("storage-prod").enter().paged(10).nextPane().nextPane();
        assertThat(s.s().nav().focus()).isEqualTo(Pane.DETAIL);
        // 24 hourly periods, 9 on screen (the timeline's line takes one of 120x40's ten): the last page starts at 15
        assertThat(s.last().s().nav().detail().map(Detail::scroll).orElse(0)).isEqualTo(15);
        assertThat(s.last().moveBy(-1).s().nav().detail().map(Detail::scroll).orElse(0)).isEqualTo(14);
        assertThat(s.first().moveBy(-3).s().nav().detail().map(Detail::scroll).orElse(0)).isZero();
    }

    @Test
    void theClusterCursorStaysWhereTheUserLeftItWhenTheListRefreshes() {
        Walk s = walk("storage-prod").back().moveBy(2);
        assertThat(s.s().nav().focus()).isEqualTo(Pane.CLUSTERS);
        // row 0 is "All clusters": storage-prod is on 1, the cursor moved to 3
        assertThat(s.s().nav().clusterCursor()).isEqualTo(3);
        assertThat(s.s().withClusters(fleet.clusters().get()).nav().clusterCursor()).isEqualTo(3);
        assertThat(s.s().withClusters(fleet.clusters().get()).cluster()).contains(FakeFleet.ref("storage-prod"));
    }
}
