package ecstop.ui.terminal;

import ecstop.ui.state.State;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, once each, how long after the process started the first frame and the first data
 * were on screen: the start-up figures the benchmark reads from the log. UI thread only.
 */
final class StartupLog {
    private static final Logger LOG = LoggerFactory.getLogger(StartupLog.class);
    /** Linux reports process times in USER_HZ, which is 100 on every architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    private boolean frameLogged;
    private boolean dataLogged;

    void drawn(State s) {
        if (frameLogged && dataLogged) {
            return;
        }
        if (!frameLogged) {
            frameLogged = true;
            LOG.info("first frame after {} ms", millisSinceStart());
        }
        if (!dataLogged && s.fleet().snapshot().isPresent()) {
            dataLogged = true;
            LOG.info("first data after {} ms", millisSinceStart());
        }
    }

    /**
     * From the exec of the process, as the kernel counts it (10 ms steps), so JVM start-up is
     * included; elsewhere from the JVM's own start. ProcessHandle's start instant is no use
     * here: its boot time is in whole seconds.
     */
    static long millisSinceStart() {
        return procUptimeMillis().orElseGet(
                () -> System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    static OptionalLong procUptimeMillis() {
        try {
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            double systemUp = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            // the command name may hold spaces and parentheses: count fields after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            double startedAt = Long.parseLong(fields[19]) / TICKS_PER_SECOND; // field 22, starttime
            return OptionalLong.of(Math.round((systemUp - startedAt) * 1000));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
