package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.emulator.Faults;
import ecstop.emulator.Fleet;
import ecstop.emulator.SimService;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.state.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each fault of issue 6, injected by the emulator into the real stack. Every time: the UI
 * keeps answering keys, the status bar names the problem on its one line, the last good
 * data stays on screen marked STALE with its age (never "refreshed"), polling backs off
 * without ever waiting longer than the interval, is fresh again at the first refresh after
 * the fault clears, and neither threads nor the poller's queues grow.
 */
class FaultToleranceTest {
    static final Duration INTERVAL = Duration.ofSeconds(60);
    static final String CLUSTER = "prod";

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(fleet());

    EmulatedSession session;
    int threadsBefore;

    static Fleet fleet() {
        List<SimService> services = new ArrayList<>();
        // 80: eight DescribeServices batches, so the reader's describe pool is at its size from the first refresh
        for (int i = 0; i < 80; i++) {
            services.add(SimService.running(String.format(Locale.ROOT, "api-%02d", i), SimService.EC2, 1 + i % 3));
        }
        services.add(SimService.running("batch", SimService.EC2, 2).idle(1, 0));
        return Fleet.builder(6).cluster(CLUSTER, 3, services).build();
    }

    @BeforeEach
    void open() {
        session = new EmulatedSession(emulator.emulator(), CLUSTER);
        // enough refreshes for every pool the reader keeps to reach its size
        for (int i = 0; i < 5; i++) {
            session.nextRefresh();
        }
        assertFresh();
        threadsBefore = appThreads();
    }

    @AfterEach
    void close() {
        session.close();
    }

    /** Live threads, less the emulator's own (its server pool grows with the requests it serves). */
    static int appThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("ecs-top-emulator"))
                .count();
    }

    private void assertFresh() {
        assertThat(session.ui.state().health().lastError().map(Fault::failure)).isEmpty();
        assertThat(session.ui.state().fleet().snapshot().orElseThrow().fetchedAt()).isEqualTo(session.now());
        assertThat(session.statusLine()).contains("refreshed 0s ago").doesNotContain("STALE");
        assertThat(figuresShown()).isGreaterThan(20);
    }

    /** Rows with a service's figure on them, in both bar panes. */
    private long figuresShown() {
        return session.ui.text().lines().filter(l -> l.matches(".*api-\\d\\d +\\d+\\.\\d%.*")).count();
    }

    /** Everything but the status bar. */
    private String panes() {
        String text = session.ui.text();
        return text.substring(0, text.stripTrailing().lastIndexOf('\n'));
    }

    /**
     * Switches {@code fault} on for two refreshes and off again, checking everything the
     * issue asks for on the way.
     */
    private void survives(Faults fault, String problem, boolean transientFault) {
        String firstRow = session.selected().orElseThrow();
        String before = panes();
        emulator.faults(fault);

        session.ui.advance(INTERVAL);
        assertThat(session.ui.state().health().lastError().map(Fault::failure)).as("the refresh met the fault").isPresent();
        String status = session.statusLine();
        assertThat(status).contains(problem).contains("STALE 1m").doesNotContain("refreshed");
        assertThat(panes()).as("the last good data stays, as it was").isEqualTo(before);

        // the UI answers keys while the fault lasts
        session.ui.type("j");
        assertThat(session.selected()).isPresent().isNotEqualTo(Optional.of(firstRow));
        session.ui.type("k");
        assertThat(session.selected()).contains(firstRow);

        Duration firstRetry = session.untilNextRefresh();
        assertThat(firstRetry).isPositive().isLessThanOrEqualTo(INTERVAL);
        session.nextRefresh();
        assertThat(session.statusLine()).contains(problem).contains("STALE");
        Duration secondRetry = session.untilNextRefresh();
        if (transientFault) {
            assertThat(firstRetry).as("retried sooner than the interval").isLessThan(INTERVAL);
            assertThat(secondRetry).as("then further apart").isGreaterThan(firstRetry).isLessThanOrEqualTo(INTERVAL);
        } else {
            assertThat(secondRetry).as("a fault a retry cannot fix waits the interval").isEqualTo(INTERVAL);
        }

        emulator.heal();
        assertThat(session.nextRefresh()).as("fresh again within one refresh").isLessThanOrEqualTo(INTERVAL);
        assertFresh();
        assertThat(session.ui.queuedCalls()).isZero();
        assertThat(session.ui.pendingTimers()).isEqualTo(1);
        assertThat(appThreads()).as("no threads pile up").isLessThanOrEqualTo(threadsBefore + 1);
    }

    @Test
    void aThrottlingStormThatOutlastsTheRetries() {
        survives(Faults.NONE.withThrottleRate(1.0), "AWS is throttling", true);
    }

    @Test
    void aStormOfThirtyPercentNeverShowsAFailedRefreshAsFresh() {
        emulator.faults(Faults.NONE.withThrottleRate(0.3));
        for (int i = 0; i < 8; i++) {
            session.nextRefresh();
            String status = session.statusLine();
            if (session.ui.state().health().lastError().isPresent()) {
                assertThat(status).contains("throttling").contains("STALE").doesNotContain("refreshed");
            } else {
                assertThat(status).contains("refreshed 0s ago").doesNotContain("STALE");
            }
            assertThat(figuresShown()).isGreaterThan(20);
        }
        assertThat(emulator.log().snapshot().throttled()).as("the storm happened").isPositive();
        emulator.heal();
        session.nextRefresh();
        assertFresh();
        assertThat(appThreads()).as("no threads pile up").isLessThanOrEqualTo(threadsBefore + 1);
    }

    @Test
    void aBurstOfServerErrors() {
        survives(Faults.NONE.withErrorRate(1.0), "HTTP 500", true);
    }

    @Test
    void connectionsRefusedForAWhile() {
        survives(Faults.NONE.withOutage(Faults.Outage.refused()), "cannot reach AWS", true);
    }

    @Test
    void serviceUnavailableForAWhile() {
        survives(Faults.NONE.withOutage(Faults.Outage.unavailable()), "HTTP 503", true);
    }

    @Test
    void connectionsDroppedWithoutAnAnswer() {
        survives(Faults.NONE.withDropRate(1.0), "cannot reach AWS", true);
    }

    @Test
    void credentialsExpiringMidRun() {
        survives(Faults.NONE.withExpiredCredentials(true), "expired", false);
    }

    @Test
    void accessDeniedOnCloudWatchOnly() {
        survives(Faults.NONE.withDenied("cloudwatch:GetMetricData"),
                "access denied to cloudwatch:GetMetricData", false);
    }

    @Test
    void aFailingClusterListNeitherStalesTheDataNorHidesItsAge() {
        emulator.faults(Faults.NONE.withDenied("ecs:ListClusters"));
        for (int i = 0; i < 10 && session.ui.state().health().clustersError().isEmpty(); i++) {
            session.nextRefresh();
        }
        assertThat(session.ui.state().health().clustersError()).as("the cluster list was refreshed and failed").isPresent();
        session.ui.resize(new com.googlecode.lanterna.TerminalSize(80, 24));
        assertThat(session.statusLine()).contains("refreshed 0s ago").contains("access denied").doesNotContain("STALE");
    }

    @Test
    void partialDataShowsWhatThereIsAndNoDataForTheRest() {
        // "batch" runs no task, so CloudWatch has nothing for it while the others answer
        session.ui.type("G");
        assertThat(session.selected()).contains("batch");
        assertThat(session.ui.text()).contains("batch").contains("no data");
        assertThat(session.ui.text().lines().filter(l -> l.contains("batch")))
                .allSatisfy(l -> assertThat(l).doesNotContain("0.0%").contains("no data"));
        assertFresh();
    }
}
