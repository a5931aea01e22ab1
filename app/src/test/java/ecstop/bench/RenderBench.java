package ecstop.bench;

import static ecstop.bench.BenchReport.ordered;
import static ecstop.bench.Stats.f;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Metric;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.testfleet.FakeFleet;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;
import io.vavr.control.Either;
import com.sun.management.OperatingSystemMXBean;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's rendering figure: how long a frame takes with 5,000 services, on Lanterna's
 * virtual terminal through the app's own Controller, Frame and gui2 window ({@link Headless}),
 * in a JVM started with the launcher's flags (C1 only, serial GC), as the app runs. Kinds of
 * frame: a scroll key (one row moves), a page key (every row changes), the once-a-second
 * clock tick of an idle screen, and new data arriving (re-sort and full frame; the fetch
 * itself is not counted).
 */
class RenderBench {
    static final int SERVICES = 5_000;
    static final int WARMUP = 400;
    static final int FRAMES = 500;
    static final int REFRESHES = 40;
    static final double TARGET_MS = 10;
    static final List<TerminalSize> SIZES = List.of(new TerminalSize(200, 50), new TerminalSize(120, 40));

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    record Figure(String size, String kind, int frames, double wallMedianMs, double wallP99Ms, double cpuMedianMs,
                  double cpuP99Ms, double processCpuMeanMs) {}

    @Test
    void framesWithFiveThousandServices() {
        List<String> cmd = new ArrayList<>(List.of("java"));
        cmd.addAll(TmuxApp.launcherFlags());
        cmd.addAll(List.of("-cp", TmuxApp.jar() + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                RenderBench.class.getName()));
        String loadBefore = Load.now();
        String out = Shell.run(cmd);
        String load = loadBefore + " → " + Load.now();
        List<Figure> figures = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("FIGURE ")) {
                String[] p = line.split(" ");
                figures.add(new Figure(p[1], p[2], Integer.parseInt(p[3]), Double.parseDouble(p[4]),
                        Double.parseDouble(p[5]), Double.parseDouble(p[6]), Double.parseDouble(p[7]),
                        Double.parseDouble(p[8])));
            }
        }
        assertThat(figures).as("figures from the render process; it printed:\n%s", out).hasSize(SIZES.size() * 5);

        List<String[]> rows = new ArrayList<>();
        for (Figure g : figures) {
            rows.add(new String[] {g.size, g.kind, String.valueOf(g.frames), f("%.2f", g.cpuMedianMs),
                f("%.2f", g.cpuP99Ms), f("%.2f", g.processCpuMeanMs), f("%.2f", g.wallMedianMs), f("%.2f", g.wallP99Ms),
                judged(g) ? f("< %.0f", TARGET_MS) : "— (once a refresh)",
                judged(g) ? Stats.met(g.cpuMedianMs < TARGET_MS) : ""});
        }
        String md = "## Rendering: a frame with 5,000 services\n\n"
                + "The app's Controller, Frame and gui2 window on Lanterna's virtual terminal (`Headless`), in a JVM "
                + "with the launcher's flags (`" + String.join(" ", TmuxApp.launcherFlags()) + "`), after "
                + WARMUP + " warm-up rounds. Milliseconds per frame. *scroll*: j/k, one row moves; "
                + "*page*: PgDn/PgUp, every row changes; *clock tick*: the once-a-second redraw of an idle screen; "
                + "*new data*: a refresh's answer arrives (the UI thread adopts both panels' 5,000 rows, sorted where the "
                + "answer arrived, sounds the alerts read there, and draws a full frame; "
                + "the fetch is not counted; once a refresh, so reported rather than judged, and its process CPU "
                + "includes collecting the fake fetch's garbage); *new data, workers*: the same refreshes' work on the poller's "
                + "worker threads, less the fetch itself (the read steps, the alerts, the rows sorted ahead), which the UI "
                + "thread does not wait for. *CPU*: the drawing thread's CPU time per frame, which a busy machine does not "
                + "inflate; *process CPU mean*: the whole process's CPU time over the batch per frame, adding the GC "
                + "and JIT the frames cause; *wall*: elapsed time, which a busy machine does inflate (load average "
                + load + " during this run, on " + Runtime.getRuntime().availableProcessors() + " cores). "
                + "Target: under " + (int) TARGET_MS + " ms of work a frame (CPU median).\n\n"
                + BenchReport.table(new String[] {"size", "frame", "frames", "CPU median ms", "CPU p99 ms",
                    "process CPU mean ms", "wall median ms", "wall p99 ms", "target ms", "met"}, rows);
        BenchReport.section("render", ordered("services", SERVICES, "targetMs", TARGET_MS,
                "jvmFlags", TmuxApp.launcherFlags(), "loadAverage", load, "figures", figures), md);
        for (Figure g : figures) {
            if (judged(g)) {
                assertThat(g.cpuMedianMs).as("median %s frame at %s", g.kind, g.size).isLessThan(TARGET_MS);
            }
        }
    }

    /**
     * The target is for drawing; new data is judged against issue 18's 16 ms in the README, not
     * here: it happens once a refresh, and a machine other builds load varies it by half.
     */
    private static boolean judged(Figure g) {
        return !g.kind.startsWith("new-data");
    }

    /** The measuring side, in its own JVM: prints one FIGURE line per size and kind of frame. */
    public static void main(String[] args) {
        for (TerminalSize size : SIZES) {
            measure(size);
        }
    }

    private static void measure(TerminalSize size) {
        TimedReader reader = new TimedReader(fleet());
        Headless h = Headless.open(reader, UiOptions.defaults().withClock(FakeFleet.CLOCK).withCluster("big"), size)
                .settle();
        if (h.app().presenter().rows(h.state(), Metric.CPU).size() != SERVICES) {
            throw new IllegalStateException("expected " + SERVICES + " rows, the screen:\n" + h.text());
        }
        KeyStroke down = new KeyStroke('j', false, false);
        KeyStroke up = new KeyStroke('k', false, false);
        KeyStroke pageDown = new KeyStroke(KeyType.PageDown);
        KeyStroke pageUp = new KeyStroke(KeyType.PageUp);
        h.press(pageDown, pageDown, pageDown); // away from the top, so page up moves too
        for (int i = 0; i < WARMUP; i++) {
            h.press(i % 2 == 0 ? down : up);
            h.press(i % 2 == 0 ? pageDown : pageUp);
            h.advance(Duration.ofSeconds(1));
        }
        String name = size.getColumns() + "x" + size.getRows();
        print(name, "scroll", time(FRAMES, i -> h.press(i % 2 == 0 ? down : up), h, reader, false));
        print(name, "page", time(FRAMES, i -> h.press(i % 2 == 0 ? pageDown : pageUp), h, reader, false));
        print(name, "clock-tick", ticks(h, reader));
        // the next refresh is due within a minute; each further minute brings one more
        h.advance(Duration.ofSeconds(60));
        long before = reader.calls;
        print(name, "new-data", time(REFRESHES, i -> h.advance(Duration.ofSeconds(60)), h, reader, false));
        print(name, "new-data-workers", time(REFRESHES, i -> h.advance(Duration.ofSeconds(60)), h, reader, true));
        if (reader.calls - before != 2 * REFRESHES) {
            throw new IllegalStateException("expected one refresh a minute, got " + (reader.calls - before));
        }
    }

    interface Step {
        void run(int i);
    }

    /**
     * Per step: wall milliseconds, and this thread's CPU milliseconds, each less the time spent
     * running the workers' tasks (the fetch and what the poller makes of it run on worker
     * threads in the app, not on the UI thread); and the process's CPU time over all the steps
     * less the workers' (adding the GC and JIT they cause; its clock is too coarse for single
     * frames). {@code workers}: the workers' CPU time per step instead, less the reader's.
     */
    private static Batch time(int n, Step step, Headless h, TimedReader reader, boolean workers) {
        double[] wall = new double[n];
        double[] cpu = new double[n];
        long process0 = PROCESS.getProcessCpuTime();
        long workerCpu0 = h.workerCpuNanos();
        for (int i = 0; i < n; i++) {
            long workerWall = h.workerWallNanos();
            long workerCpu = h.workerCpuNanos();
            long inReader = reader.cpuNanos;
            long c0 = THREAD.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            step.run(i);
            long uiCpu = THREAD.getCurrentThreadCpuTime() - c0 - (h.workerCpuNanos() - workerCpu);
            wall[i] = (System.nanoTime() - t0 - (h.workerWallNanos() - workerWall)) / 1e6;
            cpu[i] = (workers ? h.workerCpuNanos() - workerCpu - (reader.cpuNanos - inReader) : uiCpu) / 1e6;
        }
        double processMean = (PROCESS.getProcessCpuTime() - process0 - (h.workerCpuNanos() - workerCpu0)) / 1e6 / n;
        return new Batch(wall, cpu, processMean);
    }

    /** Clock ticks of an idle screen: a second at a time, leaving out the minutes a refresh falls in. */
    private static Batch ticks(Headless h, TimedReader reader) {
        List<double[]> kept = new ArrayList<>();
        double processSum = 0;
        while (kept.size() < FRAMES) {
            long calls = reader.calls;
            Batch one = time(1, i -> h.advance(Duration.ofSeconds(1)), h, reader, false);
            if (reader.calls == calls) {
                kept.add(new double[] {one.wall[0], one.cpu[0]});
                processSum += one.processCpuMean;
            }
        }
        return new Batch(kept.stream().mapToDouble(k -> k[0]).toArray(), kept.stream().mapToDouble(k -> k[1]).toArray(),
                processSum / kept.size());
    }

    record Batch(double[] wall, double[] cpu, double processCpuMean) {}

    private static void print(String size, String kind, Batch b) {
        System.out.println(String.format(Locale.ROOT, "FIGURE %s %s %d %.3f %.3f %.3f %.3f %.3f", size, kind,
                b.wall.length, Stats.percentile(b.wall, 50), Stats.percentile(b.wall, 99), Stats.percentile(b.cpu, 50),
                Stats.percentile(b.cpu, 99), b.processCpuMean));
        System.out.flush();
    }

    /** 5,000 services named like a real fleet's (area-role-n), with a few that have no data. */
    static FakeFleet fleet() {
        String[] areas = {"search", "orders", "payments", "catalogue", "inventory", "users", "auth", "billing",
            "shipping", "media", "images", "reports", "alerts", "audit", "ledger", "pricing", "reviews", "notify"};
        String[] roles = {"api", "worker", "consumer", "scheduler", "indexer", "gateway", "cache", "cron", "web"};
        List<FakeFleet.Spec> specs = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            String name = areas[i % areas.length] + "-" + roles[(i / areas.length) % roles.length] + "-" + (i / 162 + 1);
            double cpu = i % 37 == 0 ? Double.NaN : (i * 7919 % 1200) / 10.0;
            double mem = i % 41 == 0 ? Double.NaN : (i * 104729 % 1000) / 10.0;
            specs.add(new FakeFleet.Spec(name, cpu, mem));
        }
        return new FakeFleet().add(Cluster.named(FakeFleet.ref("big"), "arn:aws:ecs:eu-west-1:123456789012:cluster/big"), specs);
    }

    /** Counts the time the UI spends waiting on the reader, so frames can be timed without it. */
    static final class TimedReader implements FleetReader {
        private final FleetReader inner;
        long nanos;
        long cpuNanos;
        long calls;

        TimedReader(FleetReader inner) {
            this.inner = inner;
        }

        @Override
        public ecstop.domain.Target target() {
            return inner.target();
        }

        @Override
        public Either<Failure, List<Cluster>> clusters() {
            return timed(inner::clusters, false);
        }

        @Override
        public Either<Failure, Snapshot> snapshot(SnapshotRequest request) {
            return timed(() -> inner.snapshot(request), true);
        }

        private <T> T timed(Supplier<T> call, boolean snapshot) {
            long c0 = THREAD.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try {
                return call.get();
            } finally {
                nanos += System.nanoTime() - t0;
                cpuNanos += THREAD.getCurrentThreadCpuTime() - c0;
                calls += snapshot ? 1 : 0;
            }
        }
    }
}
