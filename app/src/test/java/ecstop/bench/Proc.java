package ecstop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux's /proc says about a process: CPU time, resident size, threads. */
final class Proc {
    private Proc() {}

    /** Clock ticks a second, as /proc/<pid>/stat counts CPU time. */
    static long ticksPerSecond() {
        String out = Shell.run(java.util.List.of("getconf", "CLK_TCK")).trim();
        return Long.parseLong(out);
    }

    /** User plus system CPU time so far, in clock ticks (utime + stime, fields 14 and 15). */
    static long cpuTicks(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        // the command name may hold spaces: fields are counted after its closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long rssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    private static long statusField(long pid, String name) {
        for (String line : read(Path.of("/proc", String.valueOf(pid), "status")).split("\n")) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + name + " in /proc/" + pid + "/status");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + p + " (has the process exited?)", e);
        }
    }
}
