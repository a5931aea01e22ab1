package ecstop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a process's CPU time goes, by thread: every thread's utime + stime from
 * /proc/<pid>/task/<tid>/stat, read every time {@link #sample} is called, so threads that
 * come and go between the first and the last reading are counted up to their last one.
 * Threads are grouped by name without their number ("ecs-top-metrics-3" is "ecs-top-metrics").
 */
final class ThreadTicks {
    private final long pid;
    private final Map<String, Long> first = new HashMap<>();
    private final Map<String, Long> last = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    ThreadTicks(long pid) {
        this.pid = pid;
        sample();
        first.putAll(last);
    }

    /** Reads every thread now; threads seen for the first time count from zero (they started after the first reading). */
    void sample() {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path t : tasks) {
                try {
                    String stat = Files.readString(t.resolve("stat"), StandardCharsets.US_ASCII);
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
                    String tid = t.getFileName().toString();
                    last.put(tid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    names.put(tid, Files.readString(t.resolve("comm"), StandardCharsets.UTF_8).trim());
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading the threads of " + pid, e);
        }
    }

    /** Ticks since the first reading, by thread group, largest first. */
    Map<String, Long> byGroup() {
        Map<String, Long> g = new TreeMap<>();
        last.forEach((tid, ticks) -> {
            long d = ticks - first.getOrDefault(tid, 0L);
            if (d > 0) {
                g.merge(group(names.get(tid)), d, Long::sum);
            }
        });
        return g;
    }

    static String group(String name) {
        return name.replaceAll("[-\\s]?\\d+$", "");
    }
}
