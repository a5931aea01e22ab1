package ecstop.ui;

import ecstop.ui.terminal.UiOptions;
import ecstop.ui.terminal.ScreenText;
import ecstop.ui.terminal.Tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import ecstop.aws.AwsFleetReader;
import ecstop.config.ColourMode;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.emulator.Fleet;
import ecstop.testing.Await;
import ecstop.testing.EmulatorExtension;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 5 s latency spike against the real loop, threads and all: the SDK's 10 s attempt
 * timeout lets the slow call finish, the UI answers keys while it hangs, refreshes that come
 * due meanwhile are skipped rather than stacked, and the answer, when it comes, is shown
 * fresh. The waits below only keep a broken build from hanging; nothing is timed.
 */
class LatencySpikeTest {
    static final Duration SPIKE = Duration.ofSeconds(5);

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(Map.of("prod", 30), 3));

    /** Counts snapshot calls in flight and remembers the last answer; counts cluster lists under way. */
    static final class Watched implements FleetReader {
        final FleetReader real;
        final AtomicInteger clustersInFlight = new AtomicInteger();
        final AtomicInteger clusterLists = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicReference<Either<Failure, Snapshot>> last = new AtomicReference<>();

        Watched(FleetReader real) {
            this.real = real;
        }

        @Override
        public ecstop.domain.Target target() {
            return real.target();
        }

        @Override
        public Either<Failure, List<Cluster>> clusters() {
            clustersInFlight.incrementAndGet();
            try {
                return real.clusters();
            } finally {
                clustersInFlight.decrementAndGet();
                clusterLists.incrementAndGet();
            }
        }

        @Override
        public Either<Failure, Snapshot> snapshot(SnapshotRequest request) {
            calls.incrementAndGet();
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Either<Failure, Snapshot> r = real.snapshot(request);
                last.set(r);
                return r;
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    /** The bar pane's row under the cursor ("▶name"), right of the clusters pane. */
    private static String cursorRow(ecstop.ui.terminal.KeyboardTerminal vt) {
        return ScreenText.of(vt).lines().filter(l -> l.indexOf('▶', 2) > 0)
                .map(l -> l.substring(l.indexOf('▶', 2))).findFirst().orElse("");
    }

    @Test
    void aFiveSecondSpikeIsWaitedOutWhileTheUiAnswersKeys() throws Exception {
        int threadsBefore = FaultToleranceTest.appThreads();
        AwsFleetReader aws = AwsFleetReader.forEndpoint(emulator.endpoint());
        Watched reader = new Watched(aws);
        ecstop.ui.terminal.KeyboardTerminal vt = new ecstop.ui.terminal.KeyboardTerminal(new TerminalSize(120, 40));
        // refreshes due every 2 s: two come due during the spike, and 3 intervals (when a
        // fetch is given up as hung) are longer than the spike
        UiOptions options = UiOptions.defaults().withCluster("prod").withColour(ColourMode.C16)
                .withClock(ecstop.config.WallClock.utc());
        options = new UiOptions(options.cluster(), options.lookback(), options.stat(), Duration.ofSeconds(2),
                options.thresholds(), false, ColourMode.C16, "emulator", options.clock());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        UiOptions o = options;
        CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(
                () -> Tui.runOn(vt, reader, o, new PrintStream(err, true, StandardCharsets.UTF_8)));
        try {
            Await.until("the first snapshot", () -> ScreenText.of(vt).contains("refreshed"));
            vt.addInput(new KeyStroke('j', false, false));
            Await.until("the cursor on the second row", () -> !cursorRow(vt).isEmpty());
            // the next cluster list is ten refreshes away: a call the spike holds is a refresh's
            Await.until("the first cluster list", () -> reader.clusterLists.get() == 1 && reader.clustersInFlight.get() == 0);

            emulator.latency(SPIKE);
            // The emulator counts a call as held once it has read the spike and before it
            // sleeps, so the knob can go back at once: only the calls already held meet it,
            // and the rest of their refresh is quick again.
            Await.until("a call held by the spike", () -> emulator.log().snapshot().delayed() > 0);
            emulator.latency(Duration.ZERO);
            int slowRefresh = reader.calls.get();
            assertThat(reader.inFlight.get()).as("the held call's refresh is out").isEqualTo(1);

            String row = cursorRow(vt);
            vt.addInput(new KeyStroke('j', false, false));
            Await.until("the cursor to move during the spike", () -> !cursorRow(vt).equals(row));
            assertThat(reader.inFlight.get()).as("the slow call is still out").isEqualTo(1);
            assertThat(reader.calls.get()).as("no refresh started beside it").isEqualTo(slowRefresh);

            Await.until("the slow refresh to answer", () -> reader.inFlight.get() == 0);
            assertThat(reader.last.get().isRight()).as("waited out, not timed out: %s", reader.last.get()).isTrue();
            Await.until("the next refresh after the spike", () -> reader.calls.get() > slowRefresh && reader.inFlight.get() == 0);
            assertThat(reader.mostAtOnce.get()).as("refreshes due during the spike were skipped, not stacked").isEqualTo(1);
            String status = ScreenText.of(vt).lines().reduce((a, b) -> b).orElse("");
            assertThat(status).contains("refreshed").doesNotContain("STALE");
        } finally {
            vt.addInput(new KeyStroke('q', false, false));
            assertThat(loop.get(30, TimeUnit.SECONDS)).isZero();
            aws.close();
            // and the connections the client kept alive end with the server's side of them
            emulator.emulator().close();
        }
        assertThat(err.size()).isZero();
        Await.until("the pools to wind down", () -> FaultToleranceTest.appThreads() <= threadsBefore + 1);
    }
}
