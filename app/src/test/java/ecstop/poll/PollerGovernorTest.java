package ecstop.poll;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Governor;
import ecstop.domain.Lookback;
import ecstop.domain.Scope;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.testfleet.CountingReader;
import ecstop.testfleet.FakeFleet;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The poller under the governor, on a stepped clock: when it fetches as attention comes and goes, and under a budget. */
class PollerGovernorTest {
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final Governor GOVERNOR = new Governor(Duration.ofMinutes(10), Duration.ofMinutes(15), 1.00);
    private final CountingReader reader = new CountingReader(new FakeFleet());
    private final ManualScheduler scheduler = new ManualScheduler(FakeFleet.NOW, ZoneOffset.UTC);
    private final ManualExecutor workers = new ManualExecutor();
    private final List<PollEvent> events = new ArrayList<>();

    private Poller poller(Governor g, String cluster) {
        Poller p = new Poller(reader, scheduler, workers, scheduler.clock(), PollSettings.every(MINUTE).with(g), events::add);
        p.view(new PollView(Scope.of(FakeFleet.ref(cluster)), Lookback.hours(24), Stat.MAX, Optional.empty()));
        workers.runAll();
        return p;
    }

    /** Moves the clock on, running each fetch as it falls due (as the worker pool would at once). */
    private void step(Duration d) {
        java.time.Instant end = scheduler.clock().instant().plus(d);
        while (true) {
            java.time.Instant now = scheduler.clock().instant();
            java.time.Instant next = scheduler.nextDue().filter(t -> !t.isAfter(end)).orElse(null);
            if (next == null) {
                break;
            }
            scheduler.advance(Duration.between(now, next));
            workers.runAll();
        }
        scheduler.advance(Duration.between(scheduler.clock().instant(), end));
        workers.runAll();
    }

    /** When each fetch was made, in seconds since the start. */
    private List<Long> fetchedAt() {
        return reader.requests().stream().map(SnapshotRequest::now)
                .map(t -> Duration.between(FakeFleet.NOW, t).toSeconds()).toList();
    }

    private List<Pace> paces() {
        return events.stream().filter(PollEvent.Paced.class::isInstance).map(e -> ((PollEvent.Paced) e).pace()).toList();
    }

    @Test
    void unfocusedItRefreshesEveryTenMinutesAndFocusInFetchesAtOnce() {
        Poller p = poller(GOVERNOR, "storage-prod");
        step(Duration.ofSeconds(30));
        p.focus(false);
        assertThat(paces()).last().satisfies(pace -> {
            assertThat(pace.looking()).isEqualTo(Pace.Looking.UNFOCUSED);
            assertThat(pace.every()).isEqualTo(Duration.ofMinutes(10));
        });
        assertThat(p.nextRefresh()).contains(FakeFleet.NOW.plus(Duration.ofMinutes(10)));
        step(Duration.ofMinutes(25));
        assertThat(fetchedAt()).containsExactly(0L, 600L, 1200L);

        workers.runAll();
        p.focus(true); // at 25m30s
        workers.runAll();
        assertThat(fetchedAt()).containsExactly(0L, 600L, 1200L, 1530L);
        step(MINUTE);
        assertThat(fetchedAt()).containsExactly(0L, 600L, 1200L, 1530L, 1590L);
        assertThat(paces()).last().extracting(Pace::looking).isEqualTo(Pace.Looking.HERE);
    }

    @Test
    void comingBackToDataUnderFiveSecondsOldFetchesNothingMore() {
        Poller p = poller(GOVERNOR, "storage-prod");
        step(Duration.ofSeconds(2));
        p.focus(false);
        p.focus(true);
        workers.runAll();
        assertThat(fetchedAt()).containsExactly(0L);
        step(Duration.ofSeconds(58));
        assertThat(fetchedAt()).as("back on the one-minute cadence").containsExactly(0L, 60L);
    }

    @Test
    void withoutFocusReportsNoKeyForFifteenMinutesSlowsItAndAKeyBringsItBack() {
        Poller p = poller(GOVERNOR, "storage-prod");
        step(Duration.ofMinutes(30));
        List<Long> expected = new ArrayList<>();
        for (long m = 0; m <= 14; m++) {
            expected.add(m * 60);
        }
        expected.add(24 * 60L); // idle from 15m: the next is 10 min after the 14m one
        assertThat(fetchedAt()).containsExactlyElementsOf(expected);
        assertThat(paces()).last().satisfies(pace -> {
            assertThat(pace.looking()).isEqualTo(Pace.Looking.IDLE);
            assertThat(pace.focusReported()).isFalse();
        });

        p.key();
        workers.runAll();
        expected.add(30 * 60L);
        assertThat(fetchedAt()).containsExactlyElementsOf(expected);
    }

    @Test
    void keysWhileSomeoneLooksChangeNothingAndPublishNothing() {
        Poller p = poller(GOVERNOR, "storage-prod");
        int before = events.size();
        for (int i = 0; i < 5; i++) {
            step(Duration.ofSeconds(10));
            p.key();
        }
        assertThat(events.subList(before, events.size())).isEmpty();
        assertThat(fetchedAt()).containsExactly(0L);
    }

    @Test
    void theBudgetStretchesTheRefreshAndRStillRefreshesAtOnce() {
        // 150 services: 300 metrics a refresh, $0.003; within $1.00 a day that is every 259.2 s
        Poller p = poller(GOVERNOR, "catalogue");
        PollEvent.SnapshotLoaded first = events.stream().filter(PollEvent.SnapshotLoaded.class::isInstance)
                .map(PollEvent.SnapshotLoaded.class::cast).reduce((a, b) -> b).orElseThrow();
        assertThat(first.pace().budgetStretched()).isTrue();
        assertThat(first.pace().every()).isEqualTo(Duration.ofMillis(259_200));
        assertThat(first.pace().usdPerDay().getAsDouble()).isCloseTo(1.00, org.assertj.core.api.Assertions.within(1e-6));
        step(Duration.ofMinutes(4));
        assertThat(fetchedAt()).containsExactly(0L);
        step(Duration.ofSeconds(20));
        assertThat(fetchedAt()).containsExactly(0L, 259L);

        p.refreshNow();
        workers.runAll();
        assertThat(fetchedAt()).containsExactly(0L, 259L, 260L);
    }

    @Test
    void theGovernorOffRefreshesEveryMinuteWhateverTheFocus() {
        Poller p = poller(Governor.OFF, "catalogue");
        p.focus(false);
        step(Duration.ofMinutes(3));
        assertThat(fetchedAt()).containsExactly(0L, 60L, 120L, 180L);
        assertThat(p.pace().looking()).isEqualTo(Pace.Looking.HERE);
        assertThat(p.pace().budgetStretched()).isFalse();
    }

    @Test
    void anUnfocusedDayCostsWhatTheSlowCadenceCosts() {
        Poller p = poller(GOVERNOR, "storage-prod");
        p.focus(false);
        step(Duration.ofDays(1));
        // the first fetch, then one every 10 minutes: 144 in the day
        assertThat(reader.snapshotCalls()).isEqualTo(1 + 144);
    }
}
