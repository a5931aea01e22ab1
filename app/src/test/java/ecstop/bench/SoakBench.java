package ecstop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import ecstop.aws.AwsFleetReader;
import ecstop.aws.QuickRetryReader;
import ecstop.cli.LogSetup;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.emulator.Emulator;
import ecstop.emulator.Faults;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;
import io.vavr.control.Either;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Days of running, compressed: 10,000 refreshes (-Dsoak.cycles) of the whole application —
 * Headless (the real Controller, Poller and panes, time stepped by hand, so a 60 s refresh
 * costs no wall time) on the production AwsFleetReader over real SDK clients and HTTP —
 * against an emulator throwing 10% throttling, 5% HTTP 500, 2% dropped connections, and
 * every 1,000 refreshes a window of 20 refused connections and one of 20 answered 503.
 * The SDK's retries back off in milliseconds here (QuickRetryReader), which changes how
 * long the run takes, not what it holds on to.
 *
 * <p>Every 1,000 refreshes it prints heap after GC, live threads, open file descriptors
 * and sockets, and checks the poller's queues; at the end, that threads and descriptors are
 * where they were at refresh 1,000 and the heap has not grown beyond noise. Every refresh
 * it checks the status bar never calls a failed refresh fresh.
 */
class SoakBench {
    static final int CYCLES = Integer.getInteger("soak.cycles", 10_000);
    static final int EVERY = Math.max(1, CYCLES / 10);
    /** 12 services: two DescribeServices batches, one GetMetricData call, on a small cluster. */
    static final int SERVICES = 12;
    static final Faults NOISE = Faults.NONE.withThrottleRate(0.10).withErrorRate(0.05).withDropRate(0.02);

    @RegisterExtension
    final EmulatorExtension emulators = EmulatorExtension.onDemand();

    /** Counts answers without keeping them (a list of 10,000 would be a leak of its own). */
    static final class Tally implements FleetReader {
        final FleetReader inner;
        final AtomicLong snapshots = new AtomicLong();
        final AtomicLong failed = new AtomicLong();

        Tally(FleetReader inner) {
            this.inner = inner;
        }

        @Override
        public ecstop.domain.Target target() {
            return inner.target();
        }

        @Override
        public Either<Failure, List<Cluster>> clusters() {
            return inner.clusters();
        }

        @Override
        public Either<Failure, Snapshot> snapshot(SnapshotRequest request) {
            snapshots.incrementAndGet();
            Either<Failure, Snapshot> r = inner.snapshot(request);
            if (r.isLeft()) {
                failed.incrementAndGet();
            }
            return r;
        }
    }

    record Sample(long cycle, long heapAfterGcKb, int threads, long fds, long sockets, long millis) {}

    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
    }

    static long[] descriptors() throws IOException {
        long fds = 0;
        long sockets = 0;
        try (Stream<Path> list = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : list.toList()) {
                fds++;
                try {
                    if (Files.readSymbolicLink(p).toString().startsWith("socket:")) {
                        sockets++;
                    }
                } catch (IOException gone) {
                    // the descriptor used to list the directory, closed by now
                }
            }
        }
        return new long[] {fds, sockets};
    }

    @Test
    void tenThousandRefreshesThroughFaultStormsHoldNothing() throws IOException {
        // the log goes where the application's goes, a bounded private file: rotating it is part of the soak
        Path state = Files.createTempDirectory("ecs-top-soak");
        LogSetup.install(Map.of("XDG_STATE_HOME", state.toString()), state);
        List<Sample> samples = new ArrayList<>();
        long failuresShown = 0;
        long recoveries = 0;
        long liesAboutFreshness = 0;
        long started = System.nanoTime();
        RequestLog.Counts faults;
        Tally tally;
        Emulator emulator = emulators.start(b -> b.fleet(Fleet.of(Map.of("prod", SERVICES), 9)).faults(NOISE));
        try (AwsFleetReader reader = QuickRetryReader.on(emulator)) {
            tally = new Tally(reader);
            Headless ui = Headless.open(tally, UiOptions.defaults().withCluster("prod")
                    .withClock(Clock.fixed(ecstop.config.WallClock.utc().instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)),
                    new TerminalSize(120, 40)).settle();
            boolean failing = false;
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                int phase = cycle % 1000;
                if (phase == 300) {
                    emulator.faults(NOISE.withOutage(Faults.Outage.refused()));
                } else if (phase == 700) {
                    emulator.faults(NOISE.withOutage(Faults.Outage.unavailable()));
                } else if (phase == 320 || phase == 720) {
                    emulator.faults(NOISE);
                }
                long before = tally.snapshots.get();
                ui.advance(Duration.between(ui.clock().instant(), ui.poller().nextRefresh().orElseThrow()));
                assertThat(tally.snapshots.get()).as("one refresh per cycle").isEqualTo(before + 1);

                boolean failed = ui.state().health().lastError().isPresent();
                String text = ui.text();
                String status = text.substring(text.stripTrailing().lastIndexOf('\n') + 1);
                if (failed ? status.contains("refreshed") : !status.contains("refreshed 0s ago")) {
                    liesAboutFreshness++;
                    System.out.println("soak: cycle " + cycle + " failed=" + failed + " status: " + status);
                }
                if (failed && !failing) {
                    failuresShown++;
                } else if (!failed && failing) {
                    recoveries++;
                }
                failing = failed;
                if (cycle % 100 == 0) {
                    ui.type("j").type("k");
                }
                if (cycle % EVERY == 0) {
                    assertThat(ui.queuedCalls()).isZero();
                    assertThat(ui.pendingTimers()).isEqualTo(1);
                    long[] fd = descriptors();
                    samples.add(new Sample(cycle, heapAfterGc(), ManagementFactory.getThreadMXBean().getThreadCount(),
                            fd[0], fd[1], Duration.ofNanos(System.nanoTime() - started).toMillis()));
                    System.out.println("soak " + samples.get(samples.size() - 1));
                }
            }
            faults = emulator.log().snapshot();
            ui.poller().close();
        }
        java.util.logging.LogManager.getLogManager().reset();
        report(samples, faults, tally, failuresShown, recoveries, liesAboutFreshness);

        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        assertThat(liesAboutFreshness).as("refreshes whose status bar misstated freshness").isZero();
        assertThat(recoveries).as("every failure streak recovered").isGreaterThanOrEqualTo(failuresShown - 1);
        assertThat(last.threads()).as("threads flat").isLessThanOrEqualTo(first.threads() + 2);
        assertThat(last.fds()).as("descriptors flat").isLessThanOrEqualTo(first.fds() + 4);
        assertThat(last.sockets()).as("sockets flat").isLessThanOrEqualTo(first.sockets() + 2);
        assertThat(last.heapAfterGcKb()).as("heap after GC flat").isLessThanOrEqualTo(first.heapAfterGcKb() * 5 / 4 + 4096);
    }

    private static void report(List<Sample> samples, RequestLog.Counts faults, Tally tally, long failuresShown,
                               long recoveries, long lies) {
        List<String[]> rows = new ArrayList<>();
        for (Sample s : samples) {
            rows.add(new String[] {Long.toString(s.cycle()), String.format(Locale.ROOT, "%.1f", s.heapAfterGcKb() / 1024.0),
                    Integer.toString(s.threads()), Long.toString(s.fds()), Long.toString(s.sockets()),
                    String.format(Locale.ROOT, "%.0f", s.millis() / 1000.0)});
        }
        long errors = faults.errors().values().stream().mapToLong(Long::longValue).sum();
        String md = "## Soak: " + String.format(Locale.ROOT, "%,d", CYCLES) + " refreshes through fault storms\n\n"
                + "Headless on the production reader against the emulator (" + SERVICES + " services; 10% throttling,"
                + " 5% HTTP 500, 2% dropped connections, and per 1,000 refreshes 20 with connections refused and 20"
                + " answered 503; SDK retries backing off in milliseconds). `mvn -q -pl app -Pbench verify"
                + " -Dtest=SoakBench` (`-Dsoak.cycles=N` for another length).\n\n"
                + BenchReport.table(new String[] {"refresh", "heap after GC (MB)", "threads", "fds", "sockets", "elapsed (s)"}, rows)
                + String.format(Locale.ROOT, "%nAWS calls %,d; faults met: %,d throttled, %,d error answers, %,d dropped"
                        + " connections, plus the refused windows; refreshes that failed after the SDK's retries: %,d;"
                        + " failures shown: %,d; recoveries: %,d; status bars that misstated freshness: %d.%n",
                        faults.totalCalls(), faults.throttled(), errors - faults.throttled(), faults.dropped(),
                        tally.failed.get(), failuresShown, recoveries, lies);
        BenchReport.section("soak", BenchReport.ordered(
                "cycles", CYCLES, "services", SERVICES,
                "samples", samples,
                "awsCalls", faults.totalCalls(), "throttled", faults.throttled(), "errorAnswers", errors - faults.throttled(),
                "dropped", faults.dropped(), "failedRefreshes", tally.failed.get(),
                "failuresShown", failuresShown, "recoveries", recoveries, "statusLies", lies), md);
    }
}
