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
import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A 5 s latency spike against the real loop, threads and all: the SDK's 10 s attempt
 * timeout lets the slow call finish, the UI answers keys while it hangs, refreshes that come
 * due meanwhile are skipped rather than stacked, and the answer, when it comes, is shown
 * fresh. The waits below only keep a broken build from hanging; nothing is timed.
 */
class LatencySpikeTest {
    static final Duration SPIKE = Duration.ofSeconds(5);

    /** Counts snapshot calls in flight and remembers the last answer. */
    static final class Watched implements FleetReader {
        final FleetReader real;
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
            return real.clusters();
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

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
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
        Emulator emulator = Emulator.start(EmulatorConfig.builder().fleet(Fleet.of(Map.of("prod", 30), 3)).build());
        AwsFleetReader aws = AwsFleetReader.forEndpoint(emulator.endpoint());
        Watched reader = new Watched(aws);
        ecstop.ui.terminal.KeyboardTerminal vt = new ecstop.ui.terminal.KeyboardTerminal(new TerminalSize(120, 40));
        // refreshes due every 2 s: two come due during the spike, and 3 intervals (when a
        // fetch is given up as hung) are longer than the spike
        UiOptions options = UiOptions.defaults().withCluster("prod").withColour(ColourMode.C16)
                .withClock(Clock.systemUTC());
        options = new UiOptions(options.cluster(), options.lookback(), options.stat(), Duration.ofSeconds(2),
                options.thresholds(), false, ColourMode.C16, "emulator", options.clock());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        UiOptions o = options;
        CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(
                () -> Tui.runOn(vt, reader, o, new PrintStream(err, true, StandardCharsets.UTF_8)));
        try {
            await("the first snapshot", () -> ScreenText.of(vt).contains("refreshed"));
            vt.addInput(new KeyStroke('j', false, false));
            await("the cursor on the second row", () -> !cursorRow(vt).isEmpty());

            emulator.latency(SPIKE);
            int callsBefore = reader.calls.get();
            long requestsBefore = emulator.log().snapshot().totalCalls();
            // A request that reached the emulator after the spike was set: the fetch that sent
            // it is in flight, and its handler is about to read the spiked latency.
            await("a refresh inside the spike", () -> reader.inFlight.get() == 1 && reader.calls.get() > callsBefore
                    && emulator.log().snapshot().totalCalls() > requestsBefore);
            // The handler logs the request just before it reads the latency; give it that moment
            // (ordering, not timing: nothing below measures time).
            Thread.sleep(200);
            // only this call meets the spike; the rest of the fetch is quick again
            emulator.latency(Duration.ZERO);

            String row = cursorRow(vt);
            vt.addInput(new KeyStroke('j', false, false));
            await("the cursor to move during the spike", () -> !cursorRow(vt).equals(row));
            assertThat(reader.inFlight.get()).as("the slow call is still out").isEqualTo(1);

            await("the slow refresh to answer", () -> reader.inFlight.get() == 0);
            assertThat(reader.last.get().isRight()).as("waited out, not timed out: %s", reader.last.get()).isTrue();
            await("the next refresh after the spike", () -> reader.calls.get() > callsBefore + 1 && reader.inFlight.get() == 0);
            assertThat(reader.mostAtOnce.get()).as("refreshes due during the spike were skipped, not stacked").isEqualTo(1);
            String status = ScreenText.of(vt).lines().reduce((a, b) -> b).orElse("");
            assertThat(status).contains("refreshed").doesNotContain("STALE");
        } finally {
            vt.addInput(new KeyStroke('q', false, false));
            assertThat(loop.get(30, TimeUnit.SECONDS)).isZero();
            aws.close();
            emulator.close();
        }
        assertThat(err.size()).isZero();
        await("the pools to wind down", () -> FaultToleranceTest.appThreads() <= threadsBefore + 1);
    }
}
