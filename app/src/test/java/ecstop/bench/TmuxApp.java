package ecstop.bench;

import ecstop.testing.RunClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real ecs-top process, started the way ./ecs-top starts it (its JVM flags, the shaded
 * jar), on a terminal of its own: a detached session of a private tmux server, with a fresh
 * HOME and XDG_STATE_HOME so the log and config are the benchmark's own. Closing it kills
 * that tmux server, and with it the app.
 */
final class TmuxApp implements AutoCloseable {
    private static final Pattern JVM_FLAG = Pattern.compile("(?<=\\s)-[XD]\\S+");

    private final String socket;
    private final Path home;
    private final long pid;

    private TmuxApp(String socket, Path home, long pid) {
        this.socket = socket;
        this.home = home;
        this.pid = pid;
    }

    /** The jar Maven just built (the bench profile runs after package). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("bench.jar", "target/ecs-top.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the benchmarks with `mvn -q -pl app -Pbench verify`, "
                    + "which builds it first");
        }
        return jar;
    }

    /** The JVM flags of the repository's ./ecs-top launcher, read from it so the two cannot drift apart. */
    static List<String> launcherFlags() {
        Path launcher = jar().getParent().getParent().getParent().resolve("ecs-top");
        try {
            String script = Files.readString(launcher, StandardCharsets.UTF_8).replace("\\\n", " ");
            for (String line : script.split("\n")) {
                if (line.trim().startsWith("exec java")) {
                    List<String> flags = new ArrayList<>();
                    Matcher m = JVM_FLAG.matcher(line);
                    while (m.find()) {
                        flags.add(m.group());
                    }
                    return List.copyOf(flags);
                }
            }
            throw new IllegalStateException("no `exec java` line in " + launcher);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the launcher " + launcher, e);
        }
    }

    /** Fails with a clear message when tmux is missing: these figures need a real terminal. */
    static void requireTmux() {
        try {
            Shell.run(List.of("tmux", "-V"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("tmux is needed for the process benchmarks (idle CPU, memory, start-up) "
                    + "and could not be run: " + e.getMessage() + ". Install it (apt-get install tmux) and run again.", e);
        }
    }

    /**
     * Starts {@code java <launcher flags> <extraJvm> -jar ecs-top.jar <args>} in a detached
     * {@code cols}x{@code rows} tmux session; {@code env} is added to a clean environment.
     */
    static TmuxApp start(String name, int cols, int rows, List<String> extraJvm, List<String> args,
                         Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(launcherFlags());
        command.addAll(extraJvm);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(args);
        return startCommand(name, cols, rows, command, env);
    }

    /** As {@link #start}, for any command line (the release tarball's bin/ecs-top, say), exec'd by the pane's shell. */
    static TmuxApp startCommand(String name, int cols, int rows, List<String> command, Map<String, String> env) {
        requireTmux();
        try {
            Path home = Files.createTempDirectory("ecs-top-bench-" + name + "-");
            String socket = "ecs-top-bench-" + ProcessHandle.current().pid() + "-" + name;
            List<String> line = new ArrayList<>(List.of("exec"));
            line.addAll(command);
            Map<String, String> e = new LinkedHashMap<>();
            e.put("HOME", home.toString());
            e.put("XDG_STATE_HOME", home.resolve("state").toString());
            e.put("XDG_CONFIG_HOME", home.resolve("config").toString());
            e.put("LANG", "C.UTF-8");
            e.put("SHELL", "/bin/sh");
            e.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            e.putAll(env);
            RunClock.carried(e);
            List<String> tmux = new ArrayList<>(List.of("env", "-i"));
            e.forEach((k, v) -> tmux.add(k + "=" + v));
            tmux.addAll(List.of("tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "app",
                    "-x", String.valueOf(cols), "-y", String.valueOf(rows),
                    String.join(" ", line.stream().map(TmuxApp::quote).toList())));
            Shell.run(tmux);
            long pid = Long.parseLong(Shell.run(List.of("tmux", "-L", socket, "display-message", "-p", "-t", "app",
                    "#{pane_pid}")).trim());
            return new TmuxApp(socket, home, pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=,+@-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    long pid() { return pid; }

    Path log() { return home.resolve("state/ecs-top/ecs-top.log"); }

    /** The pane's text now. */
    String screen() {
        return Shell.run(List.of("tmux", "-L", socket, "capture-pane", "-p", "-t", "app"));
    }

    /** Polls the pane every 20 ms until {@code ready} holds; fails after {@code timeout}, showing the screen. */
    String awaitScreen(Predicate<String> ready, Duration timeout, String what) {
        long end = System.nanoTime() + timeout.toNanos();
        String s = "";
        while (System.nanoTime() < end) {
            s = screen();
            if (ready.test(s)) {
                return s;
            }
            sleep(20);
        }
        throw new AssertionError("no " + what + " on screen after " + timeout.toSeconds() + " s; the screen:\n" + s
                + "\nthe log:\n" + logText());
    }

    String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Waits for a log line matching {@code pattern} and returns its first group. */
    String awaitLog(Pattern pattern, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Matcher m = pattern.matcher(logText());
            if (m.find()) {
                return m.group(1);
            }
            sleep(20);
        }
        throw new AssertionError("no log line like " + pattern + " after " + timeout.toSeconds() + " s; the log:\n"
                + logText());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Quits with q, as a person would, and waits for the process to end (killing the tmux server regardless). */
    @Override
    public void close() {
        try {
            Shell.run(List.of("tmux", "-L", socket, "send-keys", "-t", "app", "q"));
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(t -> p).join());
        } catch (RuntimeException ignored) {
            // the session may be gone already
        } finally {
            try {
                Shell.run(List.of("tmux", "-L", socket, "kill-server"));
            } catch (RuntimeException ignored) {
                // the server exits by itself when its last session ends
            }
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            deleteTree(home);
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
