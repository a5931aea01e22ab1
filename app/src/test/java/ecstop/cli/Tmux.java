package ecstop.cli;

import ecstop.testing.RunClock;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A private tmux server (its own socket in a temporary directory, no user config) running
 * one detached session with an interactive bash in a clean environment: the terminal a
 * user would run ecs-top in, driven by send-keys and read by capture-pane.
 */
final class Tmux implements AutoCloseable {
    /** How long anything may take to appear; only a bound for a broken run, not a measurement. */
    static final Duration DEADLINE = Duration.ofSeconds(30);
    /** The shell's prompt as capture-pane shows it (without the trailing blank). */
    static final String PROMPT = "e2e$";
    private static final long POLL_MILLIS = 100;

    private static final String SESSION = "e2e";

    private final Path executable;
    private final Path dir;
    private final Path socket;
    private long shellPid = -1;

    private Tmux(Path executable, Path dir) {
        this.executable = executable;
        this.dir = dir;
        this.socket = dir.resolve("tmux.sock");
        try {
            Files.writeString(dir.resolve("tmux.conf"), String.join("\n",
                    "set -g default-terminal xterm-256color",
                    "set -g status off",
                    "set -g history-limit 1000",
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** tmux on the PATH, if there is one. */
    static Optional<Path> find() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, "tmux");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** tmux on the PATH; a failure in CI without it (.ci/run installs it), the test skipped elsewhere. */
    static Path require(String forWhat) {
        Optional<Path> executable = find();
        if (executable.isEmpty()) {
            if (System.getenv("CI") != null) {
                fail("CI needs tmux for " + forWhat + ": apt-get install -y tmux (.ci/run does)");
            }
            org.junit.jupiter.api.Assumptions.abort("tmux is not installed");
        }
        return executable.get();
    }

    /**
     * Starts the server and a {@code cols}×{@code rows} session whose shell sees only
     * {@code env} (plus PS1), in {@code dir}, and waits for its prompt.
     */
    static Tmux start(Path executable, Path dir, int cols, int rows, Map<String, String> env) {
        Tmux t = new Tmux(executable, dir);
        List<String> shell = new ArrayList<>(List.of("env", "-i"));
        RunClock.carried(new LinkedHashMap<>(env)).forEach((k, v) -> shell.add(k + "=" + v));
        shell.add("PS1=" + PROMPT + " ");
        shell.addAll(List.of("bash", "--norc", "--noprofile", "-i"));
        t.run("-f", dir.resolve("tmux.conf").toString(), "new-session", "-d", "-s", SESSION, "-c", dir.toString(),
                "-x", String.valueOf(cols), "-y", String.valueOf(rows), "--", shellLine(shell));
        try {
            t.shellPid = Long.parseLong(t.display("#{pane_pid}"));
            t.waitFor("the shell's prompt", s -> s.contains(PROMPT));
            return t;
        } catch (RuntimeException | AssertionError e) {
            // the caller never gets the server to close, so close it here
            t.close();
            throw e;
        }
    }

    /** Types {@code text} literally, then Enter. */
    void typeLine(String text) {
        run("send-keys", "-t", SESSION, "-l", text);
        run("send-keys", "-t", SESSION, "Enter");
    }

    /** Sends tmux key names (j, G, Enter, BTab, C-c, ...) one after the other. */
    void keys(String... names) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(names));
        run(args.toArray(String[]::new));
    }

    /** Sets the window (and so the pane and the app's terminal) to {@code cols}×{@code rows}. */
    void resize(int cols, int rows) {
        run("resize-window", "-t", SESSION, "-x", String.valueOf(cols), "-y", String.valueOf(rows));
    }

    /** What the pane shows now, a line per row. */
    String screen() {
        return run("capture-pane", "-p", "-t", SESSION);
    }

    /** A tmux format evaluated for the pane, e.g. {@code #{alternate_on}}. */
    String display(String format) {
        return run("display-message", "-p", "-t", SESSION, format).strip();
    }

    /** The shell the session started with (the parent of whatever it runs in the foreground). */
    ProcessHandle shell() {
        return ProcessHandle.of(shellPid).orElseThrow(() -> new AssertionError("the pane's shell " + shellPid + " is gone"));
    }

    /** Polls the pane until {@code ready} holds, failing with the last screen at the deadline. */
    String waitFor(String what, Predicate<String> ready) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            last = screen();
            if (ready.test(last)) {
                return last;
            }
            sleep(POLL_MILLIS);
        }
        return fail("waited " + DEADLINE.toSeconds() + " s for " + what + "; the pane shows:\n" + last);
    }

    /** Ends the server and anything still running under the shell. */
    @Override
    public void close() {
        List<ProcessHandle> leftovers = shellPid > 0
                ? ProcessHandle.of(shellPid).map(p -> p.descendants().toList()).orElse(List.of())
                : List.of();
        try {
            run("kill-server");
        } catch (AssertionError alreadyGone) {
            // the server ends by itself when its last session does
        }
        for (ProcessHandle p : leftovers) {
            p.destroyForcibly();
        }
        // Nothing of the session may still be writing into the test's directory when it is deleted.
        leftovers.forEach(Tmux::awaitExit);
        ProcessHandle.of(shellPid).ifPresent(Tmux::awaitExit);
    }

    private static void awaitExit(ProcessHandle p) {
        try {
            p.onExit().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            // still running after the deadline: the temp directory's cleanup will say so
        }
    }

    private String run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "-u", "-S", socket.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // the client and the server it starts see nothing of the build's environment
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("LANG", "C");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail("tmux " + String.join(" ", args) + " did not finish");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                return fail("tmux " + String.join(" ", args) + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Quotes each word for the POSIX shell tmux hands the command to. */
    static String shellLine(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append('\'').append(w.replace("'", "'\\''")).append('\'');
        }
        return b.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
