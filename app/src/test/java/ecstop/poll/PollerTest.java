package ecstop.poll;

import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.testfleet.CountingReader;
import ecstop.testfleet.FakeFleet;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PollerTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private final FakeFleet fleet = new FakeFleet();
    private final CountingReader reader = new CountingReader(fleet);
    private final ManualScheduler scheduler = new ManualScheduler(FakeFleet.NOW, ZoneOffset.UTC);
    private final ManualExecutor workers = new ManualExecutor();
    private final List<PollEvent> events = new ArrayList<>();
    private Poller poller;

    @BeforeEach
    void setUp() {
        poller = new Poller(Readers.of(reader), scheduler, workers, scheduler.clock(), PollSettings.every(MINUTE), events::add);
    }

    private static PollView view(String cluster, Lookback lookback, Stat stat) {
        return new PollView(ecstop.domain.Question.of(Scope.of(FakeFleet.ref(cluster)), lookback, stat), Optional.empty(), ecstop.domain.rightsize.RightsizeRule.DEFAULT);
    }

    private List<PollEvent.SnapshotLoaded> loaded() {
        return events.stream().filter(PollEvent.SnapshotLoaded.class::isInstance).map(PollEvent.SnapshotLoaded.class::cast).toList();
    }

    @Test
    void startFetchesClustersAndTheViewAtOnce() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        poller.start();
        workers.runAll();

        assertThat(reader.clusterCalls()).isEqualTo(1);
        assertThat(reader.snapshotCalls()).isEqualTo(1);
        assertThat(events).hasAtLeastOneElementOfType(PollEvent.ClustersLoaded.class);
        assertThat(loaded()).hasSize(1);
        assertThat(loaded().get(0).nextRefresh()).isEqualTo(FakeFleet.NOW.plus(MINUTE));
    }

    @Test
    void aFirstFetchThatCameBackBeforeStartIsNotMadeAgain() {
        // the UI sets its question, the fetch answers at once, and only then does start() run
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();
        poller.start();
        workers.runAll();

        assertThat(reader.snapshotCalls()).isEqualTo(1);
    }

    @Test
    void refreshesAtTheIntervalAndNotBefore() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();
        scheduler.advance(Duration.ofSeconds(59));
        workers.runAll();
        assertThat(reader.snapshotCalls()).isEqualTo(1);

        scheduler.advance(Duration.ofSeconds(1));
        workers.runAll();
        assertThat(reader.snapshotCalls()).isEqualTo(2);

        scheduler.advance(MINUTE);
        workers.runAll();
        assertThat(reader.snapshotCalls()).isEqualTo(3);
    }

    @Test
    void aNewQuestionDropsTheAnswerToTheOldOne() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        // the first fetch is in flight (queued, not run) when the lookback changes
        poller.view(view("storage-prod", Lookback.days(3), Stat.MAX));
        poller.view(view("storage-prod", Lookback.days(3), Stat.AVG));
        workers.runAll();

        // the first two were cancelled before they ran: only the last question was asked
        assertThat(reader.requests()).extracting(SnapshotRequest::stat).containsExactly(Stat.AVG);
        assertThat(loaded()).singleElement().satisfies(e -> {
            assertThat(e.snapshot().lookback()).isEqualTo(Lookback.days(3));
            assertThat(e.generation()).isEqualTo(poller.generation());
        });
    }

    @Test
    void aLateAnswerFromARunningFetchIsDroppedOnArrival() {
        // the user switches cluster while the storage-prod call is running
        Poller p = new Poller(Readers.of(new ecstop.domain.FleetReader() {
            @Override
            public ecstop.domain.Target target() {
                return FakeFleet.TARGET;
            }

            @Override
            public io.vavr.control.Either<Failure, List<ecstop.domain.Cluster>> clusters() {
                return reader.clusters();
            }

            @Override
            public io.vavr.control.Either<Failure, ecstop.domain.Snapshot> snapshot(SnapshotRequest request) {
                if (request.cluster().name().equals("storage-prod")) {
                    poller.view(view("catalogue", Lookback.hours(24), Stat.MAX));
                }
                return reader.snapshot(request);
            }

            @Override
            public ecstop.domain.CallStats totals() {
                return reader.totals();
            }
        }), scheduler, workers, scheduler.clock(), PollSettings.every(MINUTE), events::add);
        poller = p;
        p.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();

        assertThat(reader.requests()).extracting(r -> r.cluster().name()).containsExactly("storage-prod", "catalogue");
        assertThat(loaded()).extracting(e -> e.snapshot().scope().name()).containsExactly("catalogue");
        assertThat(p.dropped()).isEqualTo(1);
        // the dropped answer was still paid for
        assertThat(p.session().metricsRequested()).isEqualTo(8 + 300);
    }

    @Test
    void overlappingRefreshesAreSkippedNotQueued() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        // first fetch still in flight: r pressed three times
        poller.refreshNow();
        poller.refreshNow();
        poller.refreshNow();
        workers.runAll();

        assertThat(reader.snapshotCalls()).isEqualTo(1);
        assertThat(poller.skipped()).isEqualTo(3);
        // and nothing was left queued for later
        scheduler.advance(Duration.ofSeconds(59));
        workers.runAll();
        assertThat(reader.snapshotCalls()).isEqualTo(1);
    }

    @Test
    void aCallThatNeverReturnsIsGivenUpAfterThreeIntervals() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        // the first call hangs: its task is never run while the clock goes on
        for (int i = 0; i < 3; i++) {
            scheduler.advance(MINUTE);
        }
        assertThat(poller.skipped()).isEqualTo(2);
        workers.runAll();
        // the hung call was cancelled before it ran; the one asked at three minutes answered
        assertThat(reader.requests()).extracting(SnapshotRequest::now).containsExactly(FakeFleet.NOW.plus(MINUTE.multipliedBy(3)));
        assertThat(loaded()).hasSize(1);
    }

    @Test
    void aTickDuringASlowCallIsSkippedAndTheNextComesAnIntervalAfterTheAnswer() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        scheduler.advance(MINUTE);
        assertThat(poller.skipped()).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(10));
        workers.runAll();
        assertThat(reader.snapshotCalls()).isEqualTo(1);
        assertThat(scheduler.nextDue()).contains(FakeFleet.NOW.plusSeconds(70).plus(MINUTE));
    }

    @Test
    void refreshNowFetchesWhenIdle() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();
        poller.refreshNow();
        workers.runAll();
        assertThat(reader.snapshotCalls()).isEqualTo(2);
        // the interval restarts from the manual refresh: no extra fetch right after
        assertThat(scheduler.pending()).isEqualTo(1);
    }

    @Test
    void describeServicesOnlyEveryFifthRefreshAndOnClusterChange() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();
        for (int i = 0; i < 10; i++) {
            scheduler.advance(MINUTE);
            workers.runAll();
        }
        assertThat(reader.requests()).extracting(SnapshotRequest::withServiceInfo)
                .containsExactly(true, false, false, false, false, true, false, false, false, false, true);

        poller.view(view("catalogue", Lookback.hours(24), Stat.MAX));
        workers.runAll();
        assertThat(reader.lastRequest().withServiceInfo()).isTrue();

        // a lookback change keeps the cluster: task counts are still fresh
        poller.view(view("catalogue", Lookback.hours(3), Stat.MAX));
        workers.runAll();
        assertThat(reader.lastRequest().withServiceInfo()).isFalse();
    }

    @Test
    void clusterListRefreshedEveryTenthTick() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        poller.start();
        workers.runAll();
        for (int i = 0; i < 20; i++) {
            scheduler.advance(MINUTE);
            workers.runAll();
        }
        assertThat(reader.clusterCalls()).isEqualTo(3);
    }

    /** The fake fleet, with stopped tasks read by {@code read}. */
    private final class WithStoppedTasks implements ecstop.domain.FleetReader {
        private final java.util.function.Function<ecstop.domain.ClusterRef,
                io.vavr.control.Either<Failure, ecstop.domain.StoppedTasks>> read;

        WithStoppedTasks(java.util.function.Function<ecstop.domain.ClusterRef,
                io.vavr.control.Either<Failure, ecstop.domain.StoppedTasks>> read) {
            this.read = read;
        }

        @Override
        public ecstop.domain.Target target() { return fleet.target(); }

        @Override
        public io.vavr.control.Either<Failure, List<ecstop.domain.Cluster>> clusters() { return fleet.clusters(); }

        @Override
        public io.vavr.control.Either<Failure, ecstop.domain.Snapshot> snapshot(SnapshotRequest r) { return fleet.snapshot(r); }

        @Override
        public io.vavr.control.Either<Failure, ecstop.domain.StoppedTasks> stoppedTasks(ecstop.domain.ClusterRef c) {
            return read.apply(c);
        }
    }

    private List<PollEvent.SignalsLoaded> signalled() {
        return events.stream().filter(PollEvent.SignalsLoaded.class::isInstance).map(PollEvent.SignalsLoaded.class::cast).toList();
    }

    @Test
    void stoppedTasksAreReadWithTheTaskDetailsOncePerClusterAndTheSignalsFollowTheBars() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();
        for (int i = 0; i < 10; i++) {
            scheduler.advance(MINUTE);
            workers.runAll();
        }
        // refreshes 1, 6 and 11 read task details; the stopped tasks come with them, not every minute
        assertThat(reader.stoppedTaskCalls()).isEqualTo(3);
        assertThat(signalled()).hasSize(3).allSatisfy(e -> assertThat(e.scope()).isEqualTo(Scope.of(FakeFleet.ref("storage-prod"))));
        assertThat(events.indexOf(signalled().get(0))).isGreaterThan(events.indexOf(loaded().get(0)));
        PollEvent.SignalsLoaded first = signalled().get(0);
        ServiceRef ingests = new ServiceRef(FakeFleet.ref("storage-prod"), "storage-prod_ingests");
        assertThat(first.signals().of(ingests)).extracting(s -> s.kind()).containsExactly(ecstop.domain.signal.SignalKind.SHORT);
        assertThat(first.signals().byService()).hasSize(4);
        assertThat(first.signals().stoppedTasksFrom()).isPresent();
        assertThat(first.session().calls()).containsEntry("ListTasks", 1);

        // a new lookback keeps the cluster, and its signals: no stopped tasks read for it
        poller.view(view("storage-prod", Lookback.hours(3), Stat.MAX));
        workers.runAll();
        assertThat(reader.stoppedTaskCalls()).isEqualTo(3);
        // another cluster reads its own at once
        poller.view(view("catalogue", Lookback.hours(3), Stat.MAX));
        workers.runAll();
        assertThat(reader.stoppedTaskCalls()).isEqualTo(4);
        assertThat(signalled().get(signalled().size() - 1).scope()).isEqualTo(Scope.of(FakeFleet.ref("catalogue")));
    }

    @Test
    void theRightSizingViewsTaskDetailsOnEveryRefreshDoNotBringStoppedTasksEachTime() {
        poller.view(new PollView(ecstop.domain.Question.of(Scope.of(FakeFleet.ref("storage-prod")), Lookback.hours(24), Stat.MAX)
                .withView(ecstop.domain.View.RIGHTSIZE), Optional.empty(), ecstop.domain.rightsize.RightsizeRule.DEFAULT));
        workers.runAll();
        for (int i = 0; i < 4; i++) {
            scheduler.advance(MINUTE);
            workers.runAll();
        }
        assertThat(reader.requests()).extracting(SnapshotRequest::withServiceInfo).containsOnly(true).hasSize(5);
        assertThat(reader.stoppedTaskCalls()).isEqualTo(1);
    }

    @Test
    void signalsOfAClusterNoLongerOnScreenAreNotSent() {
        ecstop.domain.FleetReader slow = new WithStoppedTasks(c -> {
            // the user picks another cluster while the stopped tasks are being read
            poller.view(view("catalogue", Lookback.hours(24), Stat.MAX));
            return fleet.stoppedTasks(c);
        });
        poller = new Poller(Readers.of(slow), scheduler, workers, scheduler.clock(), PollSettings.every(MINUTE), events::add);
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runOne();
        assertThat(signalled()).isEmpty();
        workers.runAll();
        assertThat(signalled()).extracting(PollEvent.SignalsLoaded::scope).containsOnly(Scope.of(FakeFleet.ref("catalogue")));
    }

    @Test
    void deniedStoppedTasksStillSendTheSignalsTheEventsGiveAndSayWhy() {
        Failure denied = new Failure(Failure.Kind.ACCESS_DENIED, "ecs:ListTasks", "");
        ecstop.domain.FleetReader noTasks = new WithStoppedTasks(c -> io.vavr.control.Either.left(denied));
        poller = new Poller(Readers.of(noTasks), scheduler, workers, scheduler.clock(), PollSettings.every(MINUTE), events::add);
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();
        assertThat(loaded()).hasSize(1);
        assertThat(events).noneMatch(PollEvent.SnapshotFailed.class::isInstance);
        ecstop.domain.signal.ScopeSignals got = signalled().get(0).signals();
        assertThat(got.stoppedTasksUnavailable()).contains(denied);
        assertThat(got.of(new ServiceRef(FakeFleet.ref("storage-prod"), "storage-prod_ingests"))).isNotEmpty();
    }

    @Test
    void backsOffAfterTransientFailuresAndRecoversWithinOneInterval() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        fleet.fail(new Failure(Failure.Kind.THROTTLED, "GetMetricData", ""));
        workers.runAll();
        List<Duration> gaps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            java.time.Instant before = scheduler.clock().instant();
            java.time.Instant due = scheduler.nextDue().orElseThrow();
            gaps.add(Duration.between(before, due));
            scheduler.advance(Duration.between(before, due));
            workers.runAll();
        }
        assertThat(gaps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(40), MINUTE, MINUTE);
        assertThat(events.get(events.size() - 1)).isInstanceOf(PollEvent.SnapshotFailed.class);

        int before = reader.snapshotCalls();
        fleet.heal();
        scheduler.advance(MINUTE);
        workers.runAll();
        assertThat(reader.snapshotCalls()).isEqualTo(before + 1);
        assertThat(events.get(events.size() - 2)).isInstanceOf(PollEvent.SnapshotLoaded.class);
        // the task details failed with the rest, so they were due again, and the stopped tasks with them
        assertThat(events.get(events.size() - 1)).isInstanceOf(PollEvent.SignalsLoaded.class);
        // and back to the normal interval
        assertThat(Duration.between(scheduler.clock().instant(), scheduler.nextDue().orElseThrow())).isEqualTo(MINUTE);
    }

    @Test
    void aPermanentFailureWaitsTheFullInterval() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        fleet.fail(new Failure(Failure.Kind.ACCESS_DENIED, "GetMetricData", ""));
        workers.runAll();
        assertThat(Duration.between(scheduler.clock().instant(), scheduler.nextDue().orElseThrow())).isEqualTo(MINUTE);
    }

    @Test
    void aThrowingReaderBecomesAFailureAndPollingGoesOn() {
        Poller p = new Poller(Readers.of(new ThrowingReader()), scheduler, workers, scheduler.clock(), PollSettings.every(MINUTE), events::add);
        p.view(view("x", Lookback.hours(1), Stat.MAX));
        workers.runAll();
        assertThat(events).singleElement().isInstanceOf(PollEvent.SnapshotFailed.class);
        assertThat(scheduler.pending()).isEqualTo(1);
    }

    @Test
    void openingTheDetailFetchesAtOnceWithinTheSameGeneration() {
        PollView base = view("storage-prod", Lookback.hours(24), Stat.MAX);
        poller.view(base);
        workers.runAll();
        long gen = poller.generation();
        poller.view(new PollView(ecstop.domain.Question.of(Scope.of(FakeFleet.ref("storage-prod")), Lookback.hours(24), Stat.MAX), Optional.of(new ServiceRef(FakeFleet.ref("storage-prod"), "storage-prod_register")), ecstop.domain.rightsize.RightsizeRule.DEFAULT));
        workers.runAll();
        assertThat(poller.generation()).isEqualTo(gen);
        assertThat(reader.lastRequest().detailService().map(ServiceRef::name)).contains("storage-prod_register");
        assertThat(loaded()).hasSize(2);
    }

    @Test
    void sessionStatsAreTheReadersTotalsAfterEachAnswer() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();
        long first = poller.session().metricsRequested();
        poller.refreshNow();
        workers.runAll();
        assertThat(first).isEqualTo(8);
        assertThat(poller.session().metricsRequested()).isEqualTo(16);
        assertThat(loaded().get(1).session().metricsRequested()).isEqualTo(16);
    }

    @Test
    void sessionStatsCountTheClusterListAndFailedFetches() {
        TallyingReader tallying = new TallyingReader();
        Poller p = new Poller(Readers.of(tallying), scheduler, workers, scheduler.clock(), PollSettings.every(MINUTE), events::add);
        p.start();
        p.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(PollEvent.ClustersLoaded.class);
        assertThat(events.get(0).session().calls()).isEqualTo(java.util.Map.of("ListClusters", 1));
        assertThat(events.get(1)).isInstanceOf(PollEvent.SnapshotFailed.class);
        assertThat(events.get(1).session().calls()).isEqualTo(java.util.Map.of("ListClusters", 1, "GetMetricData", 1));
        assertThat(events.get(1).session().metricsRequested()).isEqualTo(4);
        assertThat(p.session()).isEqualTo(events.get(1).session());
    }

    @Test
    void closeStopsTheClock() {
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();
        poller.close();
        scheduler.advance(Duration.ofMinutes(10));
        workers.runAll();
        assertThat(reader.snapshotCalls()).isEqualTo(1);
    }

    /** Lists clusters fine and fails every snapshot after one GetMetricData call of 4 metrics, tallying both. */
    private static final class TallyingReader implements ecstop.domain.FleetReader {
            @Override
            public ecstop.domain.Target target() {
                return FakeFleet.TARGET;
            }

        private ecstop.domain.CallStats totals = ecstop.domain.CallStats.NONE;

        @Override
        public synchronized io.vavr.control.Either<Failure, List<ecstop.domain.Cluster>> clusters() {
            totals = totals.plus(new ecstop.domain.CallStats(java.util.Map.of("ListClusters", 1), 0, 0));
            return io.vavr.control.Either.right(List.of());
        }

        @Override
        public synchronized io.vavr.control.Either<Failure, ecstop.domain.Snapshot> snapshot(SnapshotRequest request) {
            totals = totals.plus(new ecstop.domain.CallStats(java.util.Map.of("GetMetricData", 1), 4, 0));
            return io.vavr.control.Either.left(new Failure(Failure.Kind.THROTTLED, "cloudwatch:GetMetricData", ""));
        }

        @Override
        public synchronized ecstop.domain.CallStats totals() {
            return totals;
        }
    }

    private static final class ThrowingReader implements ecstop.domain.FleetReader {
            @Override
            public ecstop.domain.Target target() {
                return FakeFleet.TARGET;
            }

        @Override
        public io.vavr.control.Either<Failure, List<ecstop.domain.Cluster>> clusters() {
            throw new IllegalStateException("boom");
        }

        @Override
        public io.vavr.control.Either<Failure, ecstop.domain.Snapshot> snapshot(SnapshotRequest request) {
            throw new IllegalStateException("boom");
        }
    }

    /**
     * A reader that hands the bars over before the task details, as AwsFleetReader does;
     * {@code beforeBars} and {@code beforeDetails} run at those two moments.
     */
    private ecstop.domain.FleetReader metricsFirst(java.util.function.Consumer<SnapshotRequest> beforeBars,
                                                   Runnable beforeDetails) {
        return new ecstop.domain.FleetReader() {
            @Override
            public ecstop.domain.Target target() {
                return FakeFleet.TARGET;
            }

            @Override
            public io.vavr.control.Either<Failure, List<ecstop.domain.Cluster>> clusters() {
                return reader.clusters();
            }

            @Override
            public io.vavr.control.Either<Failure, ecstop.domain.Snapshot> snapshot(SnapshotRequest request) {
                return reader.snapshot(request);
            }

            @Override
            public io.vavr.control.Either<Failure, ecstop.domain.Snapshot> snapshot(
                    SnapshotRequest request, java.util.function.Consumer<ecstop.domain.Snapshot> metricsReady) {
                ecstop.domain.Snapshot full = reader.snapshot(request).get();
                beforeBars.accept(request);
                metricsReady.accept(new ecstop.domain.Snapshot(full.scope(), full.lookback(), full.stat(),
                        full.window(), full.fetchedAt(), full.services(), Optional.empty(), full.clusterInfo(),
                        full.stats()));
                beforeDetails.run();
                return io.vavr.control.Either.right(full);
            }
        };
    }

    @Test
    void theBarsArePublishedBeforeTheTaskDetailsArrive() {
        List<Integer> infoSizesWhenDetailsStart = new ArrayList<>();
        poller = new Poller(Readers.of(metricsFirst(r -> { }, () -> infoSizesWhenDetailsStart.add(loaded().size()))), scheduler, workers,
                scheduler.clock(), PollSettings.every(MINUTE), events::add);
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();

        // the metrics-only snapshot was out before the describe calls finished
        assertThat(infoSizesWhenDetailsStart).containsExactly(1);
        assertThat(loaded()).hasSize(2);
        assertThat(loaded().get(0).snapshot().info()).isEmpty();
        assertThat(loaded().get(1).snapshot().info()).isNotEmpty();
        assertThat(loaded()).allSatisfy(e -> assertThat(e.generation()).isEqualTo(poller.generation()));
    }

    @Test
    void earlyBarsForAnOldQuestionAreDroppedToo() {
        // the user switches cluster while storage-prod's metrics are on their way
        poller = new Poller(Readers.of(metricsFirst(r -> {
            if (r.cluster().name().equals("storage-prod")) {
                poller.view(view("catalogue", Lookback.hours(24), Stat.MAX));
            }
        }, () -> { })), scheduler, workers, scheduler.clock(), PollSettings.every(MINUTE), events::add);
        poller.view(view("storage-prod", Lookback.hours(24), Stat.MAX));
        workers.runAll();

        assertThat(loaded()).isNotEmpty().allSatisfy(e -> assertThat(e.snapshot().scope().name()).isEqualTo("catalogue"));
    }

    @Test
    void aSlowButWorkingFetchIsNotRestartedUnderAShortInterval() {
        Duration fiveSeconds = Duration.ofSeconds(5);
        poller = new Poller(Readers.of(reader), scheduler, workers, scheduler.clock(), PollSettings.every(fiveSeconds), events::add);
        poller.view(view("catalogue", Lookback.hours(24), Stat.MAX));
        long generation = poller.generation();

        // the fetch stays in flight (queued, not run) for 30 s: six intervals, well past three
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(poller.generation()).as("not given up as hung").isEqualTo(generation);

        // past the floor it is given up and asked again
        scheduler.advance(Cadence.STUCK_FLOOR);
        assertThat(poller.generation()).isGreaterThan(generation);
    }
}
