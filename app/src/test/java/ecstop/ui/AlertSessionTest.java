package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import ecstop.config.Notify;
import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Metric;
import ecstop.domain.MetricKey;
import ecstop.domain.Periods;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.domain.TimeWindow;
import ecstop.testfleet.FakeFleet;
import ecstop.ui.terminal.Headless;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Alerts through the whole app (Headless: the real App, Poller, State and Notifier, time
 * stepped by hand): a service whose newest CPU value moves as the test says, refresh by
 * refresh, and the notifications that reach the terminal.
 */
class AlertSessionTest {
    /** One cluster, "prod", with "api" (its newest CPU value the next of {@link #cpu}) and a steady "web". */
    static final class SteppedFleet implements FleetReader {
        final Deque<Double> cpu = new ArrayDeque<>();
        private double last = 50;

        SteppedFleet then(double... values) {
            for (double v : values) {
                cpu.add(v);
            }
            return this;
        }

        @Override
        public Target target() { return FakeFleet.TARGET; }

        @Override
        public Either<Failure, List<Cluster>> clusters() {
            return Either.right(List.of(Cluster.named(FakeFleet.ref("prod"), "arn:aws:ecs:eu-west-1:1:cluster/prod")));
        }

        @Override
        public Either<Failure, Snapshot> snapshot(SnapshotRequest r) {
            if (!cpu.isEmpty()) {
                last = cpu.poll();
            }
            TimeWindow w = Periods.window(r.lookback(), r.now());
            return Either.right(new Snapshot(r.scope(), r.lookback(), r.stat(), w, r.now(),
                    List.of(usage(r, "api", last, w), usage(r, "web", 50, w)), Optional.empty(), Optional.empty(),
                    new CallStats(Map.of("GetMetricData", 1), 4, 0)));
        }

        /** A quiet cluster: nothing stopped, so no signal but the readings fires. */
        @Override
        public Either<Failure, ecstop.domain.StoppedTasks> stoppedTasks(ecstop.domain.ClusterRef cluster) {
            return Either.right(new ecstop.domain.StoppedTasks(cluster, FakeFleet.NOW, List.of(), ecstop.domain.CallStats.NONE));
        }

        private static ServiceUsage usage(SnapshotRequest r, String name, double newest, TimeWindow w) {
            Series s = new Series(List.of(new Point(w.start(), 10), new Point(w.end().minus(w.period()), newest)));
            // memory has no data: no reading, so only CPU can fire
            return new ServiceUsage(new ServiceRef(r.cluster(), name), Map.of(MetricKey.of(Metric.CPU, r.stat()), s));
        }
    }

    private static Headless open(SteppedFleet fleet) {
        return Headless.open(fleet, ScreenGoldenTest.OPTIONS.withCluster("prod").withAlerts(true, Notify.OSC9),
                new TerminalSize(120, 30)).settle();
    }

    private static Headless refresh(Headless h) {
        return h.advance(Duration.ofSeconds(60));
    }

    @Test
    void aServiceCrossingItsHotThresholdNotifiesOnceWithBellAndDesktopNotification() {
        Headless h = open(new SteppedFleet().then(60, 97, 98, 99));
        assertThat(h.notifications()).isEmpty();
        refresh(h).advance(Duration.ofSeconds(60)).advance(Duration.ofSeconds(60));
        assertThat(h.notifications()).containsExactly("\u0007\u001b]9;ecs-top: api CPU 97.0%\u0007");
    }

    @Test
    void hoveringAtTheThresholdDoesNotFlapAndFallingBelowWarnReArms() {
        Headless h = open(new SteppedFleet().then(60, 96, 94, 96, 90, 96, 70, 96));
        for (int i = 0; i < 7; i++) {
            refresh(h);
        }
        assertThat(h.notifications()).hasSize(2);
    }

    @Test
    void whatIsHotWhenItOpensIsOnTheScreenNotNews() {
        Headless h = open(new SteppedFleet().then(99, 99, 99));
        refresh(h);
        refresh(h);
        assertThat(h.notifications()).isEmpty();
    }

    @Test
    void theQuietKeySilencesForAnHourAndSaysSoAndAgainTurnsThemBackOn() {
        Headless h = open(new SteppedFleet().then(60, 97, 60, 97, 60, 97));
        h.type("m");
        assertThat(h.text().lines().reduce((a, b) -> b).orElseThrow()).contains("alerts quiet 1h");
        refresh(h);
        refresh(h);
        assertThat(h.notifications()).as("quiet").isEmpty();
        h.type("m");
        assertThat(h.text()).doesNotContain("alerts quiet");
        refresh(h);
        refresh(h);
        assertThat(h.notifications()).hasSize(1);
    }

    @Test
    void theQuietHourEnds() {
        Headless h = open(new SteppedFleet().then(60));
        h.type("m");
        h.advance(Duration.ofMinutes(59));
        assertThat(h.text()).contains("alerts quiet 1m");
        h.advance(Duration.ofMinutes(1));
        assertThat(h.text()).doesNotContain("alerts quiet");
        assertThat(h.state().alerting().sounds(h.clock().instant())).isTrue();
    }

    @Test
    void alertsOffNeverNotify() {
        Headless h = Headless.open(new SteppedFleet().then(60, 97), ScreenGoldenTest.OPTIONS.withCluster("prod")
                .withAlerts(false, Notify.OSC9), new TerminalSize(120, 30)).settle();
        refresh(h);
        assertThat(h.notifications()).isEmpty();
    }
}
