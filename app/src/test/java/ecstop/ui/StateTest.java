package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.testfleet.FakeFleet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** State steps are pure: each returns a new State, and the old one is untouched. */
class StateTest {
    private final FakeFleet fleet = new FakeFleet();

    private Snapshot snap(String cluster, Lookback l, Stat s) {
        return fleet.snapshot(new SnapshotRequest(cluster, l, s, FakeFleet.NOW, Optional.empty(), true)).get();
    }

    private State loaded(String cluster) {
        return State.initial(Optional.of(cluster), Lookback.hours(24), Stat.MAX)
                .withClusters(fleet.clusters().get())
                .withSnapshot(snap(cluster, Lookback.hours(24), Stat.MAX), FakeFleet.NOW);
    }

    private static List<String> names(State s, Metric m) {
        return s.rows(m).stream().map(ServiceRow::shown).toList();
    }

    @Test
    void stepsDoNotChangeTheOriginal() {
        State s = loaded("storage-prod");
        State moved = s.moveBy(1).toggleStat().longer().cycleSort().startFilter().typeFilter('x');
        assertThat(s.selectedService()).contains("storage-prod_replicator");
        assertThat(s.stat()).isEqualTo(Stat.MAX);
        assertThat(s.lookback()).isEqualTo(Lookback.hours(24));
        assertThat(s.filter()).isEmpty();
        assertThat(moved.filter()).isEqualTo("x");
    }

    @Test
    void rowsSortByEachPanelsPeakWithNoDataLastThenByNameThenByMemory() {
        State s = loaded("storage-prod");
        assertThat(names(s, Metric.CPU)).containsExactly("replicator", "bag-verifier", "register", "ingests");
        assertThat(names(s, Metric.MEMORY)).containsExactly("bag-verifier", "replicator", "register", "ingests");
        State byName = s.cycleSort();
        assertThat(names(byName, Metric.CPU)).containsExactly("bag-verifier", "ingests", "register", "replicator");
        State byMemory = byName.cycleSort();
        assertThat(names(byMemory, Metric.CPU)).containsExactlyElementsOf(names(byMemory, Metric.MEMORY));
        assertThat(byMemory.cycleSort().sort()).isEqualTo(SortOrder.PEAK);
        assertThat(s.prefix()).isEqualTo("storage-prod_");
    }

    @Test
    void selectionAndFilterSurviveARefresh() {
        State s = loaded("catalogue").startFilter().typeFilter('0').typeFilter('2').keepFilter().moveBy(3);
        String chosen = s.selectedService().orElseThrow();
        State after = s.withSnapshot(snap("catalogue", Lookback.hours(24), Stat.MAX), FakeFleet.NOW);
        assertThat(after.snapshot()).isNotSameAs(s.snapshot());
        assertThat(after.selectedService()).contains(chosen);
        assertThat(after.filter()).isEqualTo("02");
        assertThat(after.rows(Metric.CPU)).allMatch(r -> r.name().contains("02"));
    }

    @Test
    void aSnapshotForAnotherQuestionIsDropped() {
        State s = loaded("storage-prod");
        Snapshot shown = s.snapshot().orElseThrow();
        assertThat(s.withSnapshot(snap("catalogue", Lookback.hours(24), Stat.MAX), null).snapshot())
                .containsSame(shown);
        assertThat(s.withSnapshot(snap("storage-prod", Lookback.days(3), Stat.MAX), null).snapshot())
                .containsSame(shown);
        assertThat(s.withSnapshot(snap("storage-prod", Lookback.hours(24), Stat.AVG), null).snapshot())
                .containsSame(shown);
    }

    @Test
    void afterALookbackChangeTheOldDataStaysUnderItsOwnLabelUntilTheNewArrives() {
        State s = loaded("storage-prod").longer();
        assertThat(s.lookback()).isEqualTo(Lookback.days(3));
        assertThat(s.catchingUp()).isTrue();
        State arrived = s.withSnapshot(snap("storage-prod", Lookback.days(3), Stat.MAX), null);
        assertThat(arrived.catchingUp()).isFalse();
    }

    @Test
    void aFailureMarksTheDataStaleUntilTheNextGoodAnswer() {
        Failure f = new Failure(Failure.Kind.NETWORK, "GetMetricData", "connection refused");
        State failed = loaded("storage-prod").withFailure(f, FakeFleet.NOW.plusSeconds(60), null);
        assertThat(failed.stale()).isTrue();
        assertThat(failed.snapshot()).isPresent();
        State recovered = failed.withSnapshot(snap("storage-prod", Lookback.hours(24), Stat.MAX), null);
        assertThat(recovered.stale()).isFalse();
        assertThat(recovered.lastError()).isEmpty();
        State none = State.initial(Optional.of("x"), Lookback.hours(1), Stat.MAX);
        assertThat(none.loading()).isTrue();
        assertThat(none.withFailure(f, FakeFleet.NOW, null).loading()).isFalse();
    }

    @Test
    void movementClampsAtBothEnds() {
        State s = loaded("catalogue");
        assertThat(s.moveBy(-5).selectedService()).isEqualTo(s.selectedService());
        assertThat(s.last().moveBy(10).selectedService()).isEqualTo(s.last().selectedService());
        assertThat(s.withPageRows(10).pageDown().pageDown().pageUp().selectedService())
                .contains(s.rows(Metric.CPU).get(10).name());
    }

    @Test
    void pickingAClusterResetsWhatBelongedToTheOldOne() {
        State s = loaded("storage-prod").startFilter().typeFilter('r').keepFilter().enter();
        assertThat(s.detailOpen()).isTrue();
        State picked = s.back().back().back().moveBy(1).enter();
        assertThat(picked.focus()).isEqualTo(Pane.CPU);
        assertThat(picked.cluster()).contains("catalogue");
        assertThat(picked.snapshot()).isEmpty();
        assertThat(picked.filter()).isEmpty();
        assertThat(picked.detailOpen()).isFalse();
    }

    @Test
    void escClosesTheTopThingFirst() {
        State s = loaded("storage-prod").startFilter().typeFilter('r').keepFilter().enter().toggleHelp();
        State one = s.back();
        assertThat(one.helpVisible()).isFalse();
        assertThat(one.filter()).isEqualTo("r");
        State two = one.back();
        assertThat(two.filter()).isEmpty();
        assertThat(two.detailOpen()).isTrue();
        State three = two.back();
        assertThat(three.detailOpen()).isFalse();
        assertThat(three.back().focus()).isEqualTo(Pane.CLUSTERS);
    }

    @Test
    void theDetailIsPinnedToTheServiceEnterOpened() {
        State s = loaded("storage-prod").enter();
        assertThat(s.detailService()).contains("storage-prod_replicator");
        assertThat(s.moveBy(1).detailService()).contains("storage-prod_replicator");
        assertThat(s.moveBy(1).enter().detailService()).contains("storage-prod_bag-verifier");
    }

    @Test
    void tabCyclesThePanesIncludingTheDetailOnlyWhenOpen() {
        State s = loaded("storage-prod");
        assertThat(s.focus()).isEqualTo(Pane.CPU);
        assertThat(s.nextPane().focus()).isEqualTo(Pane.MEMORY);
        assertThat(s.nextPane().nextPane().focus()).isEqualTo(Pane.CLUSTERS);
        assertThat(s.prevPane().focus()).isEqualTo(Pane.CLUSTERS);
        State open = s.enter();
        assertThat(open.nextPane().nextPane().focus()).isEqualTo(Pane.DETAIL);
    }

    @Test
    void theOnlyClusterIsPickedByItself() {
        State s = State.initial(Optional.empty(), Lookback.hours(1), Stat.MAX)
                .withClusters(List.of(fleet.clusters().get().get(0)));
        assertThat(s.cluster()).contains("storage-prod");
        State several = State.initial(Optional.empty(), Lookback.hours(1), Stat.MAX).withClusters(fleet.clusters().get());
        assertThat(several.cluster()).isEmpty();
        assertThat(several.focus()).isEqualTo(Pane.CLUSTERS);
    }

    @Test
    void aClusterListFailureDoesNotMakeThePanelsStale() {
        Failure f = new Failure(Failure.Kind.THROTTLED, "ListClusters", "");
        State s = loaded("storage-prod").withClustersFailure(f);
        assertThat(s.stale()).isFalse();
        assertThat(s.clustersError()).contains(f);
        assertThat(s.withClusters(fleet.clusters().get()).clustersError()).isEmpty();
    }

    @Test
    void eachSnapshotRefreshesTheChosenClustersReservationInThePicker() {
        State s = loaded("storage-prod");
        Snapshot fresh = snap("storage-prod", Lookback.hours(24), Stat.MAX);
        Cluster now = fresh.clusterInfo().withReservation(OptionalDouble.of(88.0), OptionalDouble.empty());
        Snapshot withNew = new Snapshot(fresh.cluster(), fresh.lookback(), fresh.stat(), fresh.window(), fresh.fetchedAt(),
                fresh.services(), fresh.info(), now, fresh.stats());

        State after = s.withSnapshot(withNew, null);

        Cluster row = after.clusters().stream().filter(c -> c.name().equals("storage-prod")).findFirst().orElseThrow();
        assertThat(row.cpuReservation()).hasValue(88.0);
        assertThat(row.memoryReservation()).isEmpty();
        assertThat(row.activeServices()).isEqualTo(4);
        // the other rows and the original State are untouched
        assertThat(after.clusters().subList(1, after.clusters().size())).isEqualTo(s.clusters().subList(1, s.clusters().size()));
        assertThat(s.clusters().get(0).cpuReservation()).hasValue(62.5);
    }

    @Test
    void theDetailScrollsNoFurtherThanItsLastPage() {
        State s = loaded("storage-prod").enter().withPageRows(10).nextPane().nextPane();
        assertThat(s.focus()).isEqualTo(Pane.DETAIL);
        // 24 hourly periods, 10 on screen: the last page starts at 14
        assertThat(s.last().detailScroll()).isEqualTo(14);
        assertThat(s.last().moveBy(-1).detailScroll()).isEqualTo(13);
        assertThat(s.first().moveBy(-3).detailScroll()).isZero();
    }

    @Test
    void theClusterCursorStaysWhereTheUserLeftItWhenTheListRefreshes() {
        State s = loaded("storage-prod").back().moveBy(2);
        assertThat(s.focus()).isEqualTo(Pane.CLUSTERS);
        assertThat(s.withClusters(fleet.clusters().get()).clusterCursor()).isEqualTo(2);
        assertThat(s.withClusters(fleet.clusters().get()).cluster()).contains("storage-prod");
    }
}
