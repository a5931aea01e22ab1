package ecstop.poll;

import ecstop.domain.Pace;
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
        Poller p = new Poller(Readers.of(reader), scheduler, workers, scheduler.clock(), PollSettings.every(MINUTE).with(g), events::add);
        p.view(new PollView(ecstop.domain.Question.of(Scope.of(FakeFleet.ref(cluster)), Lookback.hours(24), Stat.MAX), Optional.empty(), ecstop.domain.rightsize.RightsizeRule.DEFAULT));
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
    void theBudgetHoldsAnyDayOfRefreshesToItAndRStillRefreshesAtOnce() {
        // 150 services: 300 metrics a refresh, $0.003; every minute all day would be $4.32.
        // Keys do not count here (idle-after 0) and no focus report comes: someone looks throughout.
        Poller p = poller(new Governor(Duration.ofMinutes(10), Duration.ZERO, 1.00), "catalogue");
        step(Duration.ofDays(2));
        List<Long> at = fetchedAt();

        // the first hours at the interval: the budget has room
        assertThat(at.subList(0, 61)).isEqualTo(java.util.stream.LongStream.rangeClosed(0, 60).map(i -> i * 60).boxed().toList());
        // no 24 hours hold more than $1.00 of refreshes: 333 of them
        for (int i = 0; i < at.size(); i++) {
            long from = at.get(i);
            long inDay = at.stream().filter(t -> t >= from && t < from + 86_400).count();
            assertThat(inDay * 0.003).as("spent in the day from %d s", from).isLessThanOrEqualTo(1.00 + 1e-9);
        }
        // watched without a break, the second day runs at the steady share, half the budget
        // spread evenly (one every 519 s): slowed, never stopped
        assertThat(at.stream().filter(t -> t >= 86_400).count() * 0.003).isCloseTo(0.50, org.assertj.core.api.Assertions.within(0.01));
        List<Long> secondDay = at.stream().filter(t -> t >= 90_000).toList();
        for (int i = 1; i < secondDay.size(); i++) {
            assertThat(secondDay.get(i) - secondDay.get(i - 1)).as("no stall").isLessThanOrEqualTo(519L);
        }
        assertThat(p.pace().budgetStretched()).isTrue();

        long last = at.get(at.size() - 1);
        p.refreshNow();
        workers.runAll();
        assertThat(fetchedAt()).hasSize(at.size() + 1);
        assertThat(fetchedAt().get(at.size())).isEqualTo(2 * 86_400L).isGreaterThan(last);
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
