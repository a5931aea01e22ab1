package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecs-top --demo} in a real terminal: an interactive bash in a detached tmux pane
 * (LANG=C, TERM=xterm-256color, a temporary HOME and XDG_STATE_HOME) runs the app the way
 * a user does; the test sends keys and reads the pane. After every way of quitting (q,
 * Ctrl-C, SIGTERM) the shell must be back on the main screen with the cursor shown, and
 * {@code stty -a} run in that shell must show echo and canonical mode restored.
 *
 * <p>Required in CI (it fails when tmux is missing there; .ci/run installs it), skipped
 * elsewhere without tmux. Waits poll the pane up to a deadline; nothing is timed.
 */
class TmuxEndToEndTest {
    private static final Pattern HOURLY_ROW = Pattern.compile("\\d\\d-\\d\\d \\d\\d:00 +\\d+\\.\\d%");
    private static final Pattern STATUS = Pattern.compile("(?m)^status=(\\d+)\\s*$");
    private static final String STTY_END = "END42";
    /** The picker's last row: media-eu, of the demo's second region, with its service count. */
    private static final Pattern PICKER_EU = Pattern.compile("│ +media-eu +\\d+ ");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** For the sessions that run against an endpoint rather than --demo (the remembered view). */
    @RegisterExtension
    static final ecstop.testing.EmulatorExtension emulator = ecstop.testing.EmulatorExtension.demo();

    @TempDir
    Path dir;

    private Tmux tmux;

    @BeforeEach
    void startShell() throws IOException {
        Path executable = Tmux.require("the end-to-end test");
        writeLauncher(dir.resolve("ecs-top"));
        Path home = Files.createDirectory(dir.resolve("home"));
        tmux = Tmux.start(executable, dir, 120, 40, Map.of(
                "PATH", "/usr/bin:/bin",
                "LANG", "C",
                "TERM", "xterm-256color",
                "HOME", home.toString(),
                // bash writes its history into HOME when the server hangs it up, racing the
                // temp directory's deletion
                "HISTFILE", "/dev/null",
                "XDG_STATE_HOME", dir.resolve("state").toString()));
    }

    @AfterEach
    void killServer() {
        if (tmux != null) {
            tmux.close();
        }
    }

    @Test
    void pickSwitchLookbackStatDetailHelpAndQuit() {
        startDemoAndPickStorageProd();

        // back to the picker, first cluster (under "All clusters"): archivematica
        tmux.keys("BTab", "g", "j", "Enter");
        tmux.waitFor("archivematica's services", s -> s.contains("CPU · am- · peak 24h")
                && Pattern.compile("mcp-server +\\d+\\.\\d%").matcher(s).find());

        tmux.keys("+");
        tmux.waitFor("the 3d lookback", s -> s.contains("CPU · am- · peak 3d"));

        tmux.keys("a");
        tmux.waitFor("averages", s -> s.contains("CPU · am- · average 3d"));

        tmux.keys("Enter");
        String detail = tmux.waitFor("the detail pane", s -> s.contains(" · hourly · 3d") && HOURLY_ROW.matcher(s).find());
        assertThat(detail).contains("desired").contains("running");

        tmux.keys("?");
        tmux.waitFor("the help", s -> s.contains("┌ Keys") && s.contains("toggle maximum / average"));

        tmux.keys("q");
        assertRestored(0);
        assertThat(dir.resolve("state/ecs-top/ecs-top.log")).as("the log lives under XDG_STATE_HOME").exists();
    }

    @Test
    void ctrlCQuitsAndRestores() {
        startDemoAndPickStorageProd();
        tmux.keys("C-c");
        assertRestored(0);
    }

    @Test
    void sigtermQuitsAndRestores() {
        startDemoAndPickStorageProd();
        ProcessHandle java = tmux.shell().children()
                .filter(p -> p.info().command().filter(JAVA.toString()::equals).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no ecs-top process under the pane's shell"));
        // on Unix, destroy() is kill(pid, SIGTERM): the same as `kill -TERM`, without needing procps
        assertThat(java.destroy()).as("SIGTERM sent to %d", java.pid()).isTrue();
        // 128 + 15: the JVM's exit status after running its shutdown hooks on SIGTERM
        assertRestored(143);
    }

    @Test
    void survivesAResizeStormAndTinyPanes() {
        startDemoAndPickStorageProd();
        // 60 sizes as fast as tmux can set them, down to smaller than the UI draws in
        int[][] sizes = {{200, 60}, {20, 6}, {41, 12}, {39, 11}, {120, 40}, {1, 1}, {80, 24}, {300, 90}, {50, 13}};
        for (int i = 0; i < 60; i++) {
            int[] size = sizes[i % sizes.length];
            tmux.resize(size[0], size[1]);
        }
        tmux.resize(30, 8);
        tmux.waitFor("the too-small notice", s -> s.contains("ecs-top needs at least 40x12"));
        tmux.resize(120, 40);
        tmux.waitFor("the UI back at 120x40", s -> s.contains("CPU · storage-prod_ · peak 24h")
                && s.lines().anyMatch(l -> l.contains("storage-prod") && l.contains("24h max")));
        // still answering keys after the storm
        tmux.keys("j");
        tmux.waitFor("the cursor on the CPU panel's second row", s -> {
            List<String> lines = s.lines().toList();
            int title = 0;
            while (title < lines.size() && !lines.get(title).contains("CPU · storage-prod_")) {
                title++;
            }
            return title + 2 < lines.size() && lines.get(title + 2).contains("│▶");
        });
        tmux.keys("q");
        assertRestored(0);
    }

    /** The view left is where the next session on the same profile and region starts; a flag still wins. */
    @Test
    void theNextSessionStartsOnTheViewTheLastOneLeft() {
        String run = "AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x ./ecs-top --region us-east-1 --endpoint-url "
                + emulator.endpoint();
        tmux.typeLine(run);
        tmux.waitFor("the fleet", s -> s.contains("Clusters · 5") && s.contains("CPU · all clusters · peak 24h"));
        tmux.keys("BTab", "G", "Enter");
        tmux.waitFor("storage-prod's services", s -> s.contains("CPU · storage-prod_ · peak 24h"));
        tmux.keys("s", "+");
        tmux.waitFor("3d by name", s -> s.contains("CPU · storage-prod_ · peak 3d · by name"));
        tmux.keys("q");
        assertRestored(0);
        assertThat(dir.resolve("state/ecs-top/remembered.properties")).exists();

        tmux.typeLine("clear; " + run);
        tmux.waitFor("the remembered view", s -> s.contains("CPU · storage-prod_ · peak 3d · by name"));
        tmux.keys("q");
        assertRestored(0);

        tmux.typeLine("clear; " + run + " --lookback 6h");
        tmux.waitFor("the flag's lookback over the remembered one", s -> s.contains("CPU · storage-prod_ · peak 6h · by name"));
        tmux.keys("q");
        assertRestored(0);
    }

    /**
     * Starts the demo from the shell, waits for the fleet of both its regions (the first
     * screen), picks storage-prod (the last of us-east-1's five clusters) and waits for its data.
     */
    private void startDemoAndPickStorageProd() {
        tmux.typeLine("./ecs-top --demo");
        // This runs on the real clock, where the demo's figures (and so which services rank among the
        // rows a 120x40 pane shows) follow the hour and the day: wait only for what holds at every
        // moment. Both regions' clusters in the picker (the EU ones sort last, so the picker no longer
        // moves under the keys below) and a first refresh done.
        tmux.waitFor("the fleet", s -> s.contains("Clusters · 7") && s.contains("All clusters")
                && s.contains("CPU · all clusters · peak 24h") && PICKER_EU.matcher(s).find()
                && s.lines().anyMatch(l -> l.contains("refreshed")));
        tmux.keys("BTab", "g", "j", "j", "j", "j", "j", "Enter");
        tmux.waitFor("storage-prod's services", s -> s.contains("CPU · storage-prod_ · peak 24h")
                && Pattern.compile("bags-api +\\d+\\.\\d%").matcher(s).find());
    }

    /**
     * The app has ended: the shell's prompt is back on the main screen, the cursor shows,
     * nothing was printed, the exit status is {@code status}, and the tty is in cooked mode again.
     */
    private void assertRestored(int status) {
        String after = tmux.waitFor("the shell's prompt after quitting", s -> lastLine(s).equals(Tmux.PROMPT));
        assertThat(tmux.display("#{alternate_on}")).as("alternate screen still on").isEqualTo("0");
        assertThat(tmux.display("#{cursor_flag}")).as("cursor visible").isEqualTo("1");
        assertThat(after).as("the main screen, not the UI").doesNotContain("Clusters ·").doesNotContain("┌")
                .doesNotContain("Exception").doesNotContain("ecs-top:");

        tmux.typeLine("echo status=$?; stty -a; echo END$((6*7))");
        String out = tmux.waitFor("stty's output", s -> s.lines().anyMatch(STTY_END::equals));
        Matcher m = STATUS.matcher(out);
        assertThat(m.find()).as("exit status printed:\n%s", out).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("exit status").isEqualTo(status);
        String stty = out.substring(m.end(), out.indexOf("\n" + STTY_END));
        Set<String> flags = Arrays.stream(stty.split("[\\s;]+")).collect(Collectors.toSet());
        assertThat(flags).as("stty -a after ecs-top:\n%s", stty)
                .contains("echo", "icanon", "isig")
                .doesNotContain("-echo", "-icanon", "-isig");
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    /** ./ecs-top: this build's classes on the running JVM, like the repository's launcher script. */
    private static void writeLauncher(Path file) throws IOException {
        String script = "#!/bin/sh\nexec " + Tmux.shellLine(List.of(JAVA.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-cp", classPath(), "ecstop.cli.Main")) + " \"$@\"\n";
        Files.writeString(file, script, StandardCharsets.UTF_8);
        if (!file.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + file + " executable");
        }
    }

    /**
     * The test class path as a real list of paths: surefire passes it in
     * surefire.test.class.path, while java.class.path is only its manifest-only booter jar.
     */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        assertThat(Arrays.stream(cp.split(File.pathSeparator)).anyMatch(e -> e.endsWith("classes")))
                .as("a class path with this build's classes: %s", cp).isTrue();
        return cp;
    }
}
