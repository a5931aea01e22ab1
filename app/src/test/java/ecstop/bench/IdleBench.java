package ecstop.bench;

import static ecstop.bench.BenchReport.ordered;
import static ecstop.bench.Stats.f;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Idle CPU (issues 5 and 13): the real app, as ./ecs-top starts it, open in a terminal (tmux)
 * at a 60 s refresh and left alone. CPU time from /proc/<pid>/stat (utime + stime, which the
 * kernel keeps equal to the threads' exact run time) over wall time: the share of one core.
 * Measured {@link #RUNS} times (-Didle.runs), each in a fresh process; the median is the
 * figure and the spread the noise. The app alone: the emulator in a process of its own
 * serving the demo fleet. In process: {@code --demo}, its emulator's share included.
 */
class IdleBench {
    static final Duration WINDOW = Duration.ofSeconds(Long.getLong("idle.seconds", 120));
    /**
     * From the first data on screen to the window's start: the first refresh's follow-ups
     * (task details), the first frames' compilation. The window then holds two refreshes.
     */
    static final Duration SETTLE = Duration.ofSeconds(Long.getLong("idle.settle", 10));
    static final int RUNS = Integer.getInteger("idle.runs", 3);
    static final double TARGET_ALONE = 0.3;
    static final double TARGET_IN_PROCESS = 0.5;
    private static final Pattern CALLS = Pattern.compile("(\\d+) calls");
    private static final Map<String, String> AWS = Map.of("AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench");

    /** One measured window. */
    record Run(double percent, long ticks, double seconds, long calls, long threads, long rssKb, Map<String, Long> byThread) {}

    @Test
    void idleCpuOfTheAppAlone() {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            try (EmulatorProcess emulator = EmulatorProcess.start()) {
                runs.add(measure("idle-alone", List.of("--endpoint-url", emulator.endpoint(), "--region", "us-east-1",
                        "--cluster", "storage-prod", "--refresh", "60s"), AWS));
            }
        }
        double median = report("idle", "the app alone (emulator in another process)",
                "`ecs-top --endpoint-url <emulator> --cluster storage-prod --refresh 60s`", runs, TARGET_ALONE);
        assertThat(median).as("idle CPU %% of one core, the app alone, median").isLessThan(TARGET_ALONE);
    }

    @Test
    void idleCpuWithTheDemoInProcess() {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(measure("idle-demo", List.of("--demo", "--cluster", "storage-prod", "--refresh", "60s"), Map.of()));
        }
        double median = report("idle-demo", "`--demo` (its emulator in the same process, counted)",
                "`ecs-top --demo --cluster storage-prod --refresh 60s`", runs, TARGET_IN_PROCESS);
        assertThat(median).as("idle CPU %% of one core, with the demo's emulator, median").isLessThan(TARGET_IN_PROCESS);
    }

    private static Run measure(String name, List<String> args, Map<String, String> env) {
        long hz = Proc.ticksPerSecond();
        try (TmuxApp app = TmuxApp.start(name, 120, 40, List.of(), args, env)) {
            app.awaitScreen(s -> s.contains("replicator") && s.contains("refreshed"), Duration.ofSeconds(60), "data");
            TmuxApp.sleep(SETTLE.toMillis());
            long pid = app.pid();
            long callsBefore = calls(app.screen());
            ThreadTicks threads = new ThreadTicks(pid);
            long ticks0 = Proc.cpuTicks(pid);
            long t0 = System.nanoTime();
            long end = t0 + WINDOW.toNanos();
            while (System.nanoTime() < end) {
                // each thread's last reading: pool threads that time out in the window still count
                TmuxApp.sleep(Math.min(500, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                threads.sample();
            }
            long ticks1 = Proc.cpuTicks(pid);
            double seconds = (System.nanoTime() - t0) / 1e9;
            String screen = app.screen();
            assertThat(screen).as("still showing the data").contains("replicator");
            double percent = 100 * (ticks1 - ticks0) / (double) hz / seconds;
            return new Run(percent, ticks1 - ticks0, seconds, calls(screen) - callsBefore, Proc.threads(pid),
                    Proc.rssKb(pid), threads.byGroup());
        }
    }

    /** Prints and records the runs; returns the median. */
    private static double report(String key, String what, String command, List<Run> runs, double target) {
        double[] p = runs.stream().mapToDouble(Run::percent).sorted().toArray();
        double median = Stats.percentile(p, 50);
        Run mid = runs.stream().filter(r -> r.percent() == median).findFirst().orElseThrow();
        boolean met = median < target;
        String perRun = Arrays.stream(p).mapToObj(v -> f("%.2f%%", v)).collect(Collectors.joining(", "));
        String threads = mid.byThread().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        String md = "## Idle: " + what + "\n\n"
                + command + " with the launcher's flags in a 120x40 tmux pane, left alone; measured for "
                + WINDOW.toSeconds() + " s from " + SETTLE.toSeconds() + " s after its data was on screen, " + runs.size()
                + " times in fresh processes. CPU: utime + stime from /proc/<pid>/stat. The status bar's call count "
                + "shows the refreshes that fell in the window.\n\n"
                + Stats.table(List.of(
                    Stats.row("CPU, share of one core (median)", f("%.2f%%", median), f("< %.1f%%", target), met),
                    new String[] {"runs (noise)", perRun + f(" (spread %.2f points)", p[p.length - 1] - p[0]), "", ""},
                    new String[] {"ticks by thread, median run", threads, "", ""},
                    new String[] {"AWS calls during the window", String.valueOf(mid.calls()), "", ""},
                    new String[] {"threads / resident size", mid.threads() + f(" / %.0f MB", mid.rssKb() / 1024.0), "", ""}));
        List<Object> json = new ArrayList<>();
        for (Run r : runs) {
            json.add(ordered("cpuPercent", r.percent(), "cpuTicks", r.ticks(), "seconds", r.seconds(), "calls", r.calls(),
                    "threads", r.threads(), "rssKb", r.rssKb(), "ticksByThread", new LinkedHashMap<>(r.byThread())));
        }
        BenchReport.section(key, ordered("medianCpuPercent", median, "minCpuPercent", p[0],
                "maxCpuPercent", p[p.length - 1], "windowSeconds", WINDOW.toSeconds(), "settleSeconds", SETTLE.toSeconds(),
                "targetPercent", target, "met", met, "runs", json), md);
        return median;
    }

    /** The session's call count from the status bar ("… · 4 calls ~$0.0003 · …"), 0 when not shown. */
    static long calls(String screen) {
        Matcher m = CALLS.matcher(screen);
        long n = 0;
        while (m.find()) {
            n = Long.parseLong(m.group(1));
        }
        return n;
    }
}
