package ecstop.bench;

import static ecstop.bench.BenchReport.ordered;
import static ecstop.bench.Stats.f;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's idle figure: the real app, as ./ecs-top starts it, open in a terminal (tmux) on
 * the demo with a 60 s refresh, left alone for 60 s. CPU time from /proc/<pid>/stat
 * (utime + stime) over wall time: the share of one core. The demo's emulator runs inside
 * the same process, so its share is counted too.
 */
class IdleBench {
    static final Duration WINDOW = Duration.ofSeconds(60);
    /** Long enough for the first refresh's follow-ups (task details) and the first frames' JIT work to finish. */
    static final Duration SETTLE = Duration.ofSeconds(5);
    static final double TARGET_PERCENT = 0.5;
    private static final Pattern CALLS = Pattern.compile("(\\d+) calls");

    @Test
    void idleCpuWithTheDemoOpen() {
        long hz = Proc.ticksPerSecond();
        try (TmuxApp app = TmuxApp.start("idle", 120, 40, List.of(),
                List.of("--demo", "--cluster", "storage-prod", "--refresh", "60s"), Map.of())) {
            app.awaitScreen(s -> s.contains("replicator") && s.contains("refreshed"), Duration.ofSeconds(60),
                    "demo data");
            TmuxApp.sleep(SETTLE.toMillis());
            long pid = app.pid();
            long threadsBefore = Proc.threads(pid);
            long callsBefore = calls(app.screen());
            long ticks0 = Proc.cpuTicks(pid);
            long t0 = System.nanoTime();
            TmuxApp.sleep(WINDOW.toMillis());
            long ticks1 = Proc.cpuTicks(pid);
            long t1 = System.nanoTime();
            long threadsAfter = Proc.threads(pid);
            String screen = app.screen();
            assertThat(screen).as("still showing the demo").contains("replicator");
            long callsAfter = calls(screen);
            long rssKb = Proc.rssKb(pid);

            double seconds = (t1 - t0) / 1e9;
            double cpuSeconds = (ticks1 - ticks0) / (double) hz;
            double percent = 100 * cpuSeconds / seconds;
            boolean met = percent < TARGET_PERCENT;
            String md = "## Idle: the TUI open on the demo\n\n"
                    + "`ecs-top --demo --cluster storage-prod --refresh 60s` with the launcher's flags, in a 120x40 "
                    + "tmux pane, measured for " + WINDOW.toSeconds() + " s after its data was on screen (and "
                    + SETTLE.toSeconds() + " s more). CPU: utime + stime from /proc/<pid>/stat (" + hz
                    + " ticks/s); the demo's emulator runs in the same process and is included. The status bar's "
                    + "call count shows the refreshes that fell in the window.\n\n"
                    + Stats.table(List.of(
                        Stats.row("CPU, share of one core", f("%.2f%% (%d ticks in %.1f s)", percent, ticks1 - ticks0,
                                seconds), f("< %.1f%%", TARGET_PERCENT), met),
                        new String[] {"threads before / after", threadsBefore + " / " + threadsAfter, "", ""},
                        new String[] {"AWS calls during the window", String.valueOf(callsAfter - callsBefore), "", ""},
                        new String[] {"resident size", f("%.0f MB", rssKb / 1024.0), "", ""}));
            BenchReport.section("idle", ordered(
                    "cpuPercent", percent, "cpuTicks", ticks1 - ticks0, "seconds", seconds, "clockTicksPerSecond", hz,
                    "threadsBefore", threadsBefore, "threadsAfter", threadsAfter,
                    "callsDuringWindow", callsAfter - callsBefore, "rssKb", rssKb,
                    "targetPercent", TARGET_PERCENT, "met", met), md);
            assertThat(percent).as("idle CPU %% of one core").isLessThan(TARGET_PERCENT);
        }
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
