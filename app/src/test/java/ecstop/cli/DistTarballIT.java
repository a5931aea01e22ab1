package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release tarball as a user gets it: unpacked with tar into an empty directory and run
 * from there, on a PATH that holds no java (only the two tools the launcher's shell script
 * uses), without JAVA_HOME: once with --once, once as the TUI in tmux. Runs after package
 * (the dist-test execution in app/pom.xml), so in `mvn verify` the tarball is there.
 */
class DistTarballIT {
    private static final Pattern JVM_FLAG = Pattern.compile("(?<=\\s)-[XD][^\\s\\\\]+");
    /** What the launcher's script needs besides shell built-ins. */
    private static final List<String> LAUNCHER_TOOLS = List.of("readlink", "dirname");

    /** Unpacked once for the class; the tests only read it. */
    @TempDir
    static Path unpacked;

    private static Path home;

    @TempDir
    Path dir;

    private Map<String, String> env;

    @BeforeAll
    static void unpack() throws IOException {
        Path tarball = tarball();
        Processes.Result tar = Processes.run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()),
                Map.of("PATH", "/usr/bin:/bin"), unpacked, 120);
        assertThat(tar.exit()).as(tar.describe()).isZero();
        try (Stream<Path> top = Files.list(unpacked)) {
            assertThat(top.map(p -> p.getFileName().toString()).toList())
                    .as("one top directory, named like the tarball")
                    .containsExactly(tarball.getFileName().toString().replace(".tar.gz", ""));
        }
        home = unpacked.resolve(tarball.getFileName().toString().replace(".tar.gz", ""));
    }

    @BeforeEach
    void pathWithoutJava() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("path"));
        for (String tool : LAUNCHER_TOOLS) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        env = new LinkedHashMap<>();
        env.put("PATH", bin.toString());
        env.put("HOME", Files.createDirectory(dir.resolve("home")).toString());
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("LANG", "C");
    }

    @Test
    void holdsAStrippedRuntimeWithOnlyTheModulesTheAppNeedsTheJarAndTheArchive() throws IOException {
        assertThat(home.resolve("bin/ecs-top")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(home.resolve("lib/ecs-top.jar")).isRegularFile();
        assertThat(home.resolve("lib/ecs-top.jsa")).isRegularFile();
        assertThat(home.resolve("runtime/lib/server/classes.jsa")).as("the runtime's own archive").isRegularFile();
        assertThat(Files.readString(home.resolve("share/bash-completion/completions/ecs-top"), StandardCharsets.UTF_8))
                .contains("complete -F _complete_ecs-top");
        // --no-header-files --no-man-pages, and a runtime is not a JDK
        assertThat(home.resolve("runtime/include")).doesNotExist();
        assertThat(home.resolve("runtime/man")).doesNotExist();
        assertThat(home.resolve("runtime/jmods")).doesNotExist();
        assertThat(home.resolve("runtime/bin/javac")).doesNotExist();

        Set<String> modules = modules();
        assertThat(modules).contains("java.base", "java.net.http", "jdk.httpserver", "jdk.crypto.ec", "jdk.unsupported")
                .doesNotContain("java.compiler", "jdk.compiler", "jdk.jshell", "java.rmi", "jdk.jdwp.agent", "jdk.jfr");
    }

    @Test
    void runsTheDemoOnceOnAPathWithoutJava() {
        Processes.Result whichJava = Processes.run(List.of("/bin/sh", "-c", "command -v java"), env, dir, 30);
        assertThat(whichJava.exit()).as("java on the test's PATH: %s", whichJava.out()).isNotZero();

        Processes.Result once = launch("--demo", "--once", "--cluster", "storage-prod");
        assertThat(once.exit()).as(once.describe()).isZero();
        assertThat(once.out()).startsWith("CPU · storage-prod · storage-prod_ · peak 24h").contains("replicator");
        assertThat(once.err()).isEmpty();

        Processes.Result version = launch("--version");
        assertThat(version.exit()).as(version.describe()).isZero();
        assertThat(version.out()).startsWith("ecs-top " + System.getProperty("dist.version") + "\n")
                .contains("(" + home.resolve("runtime") + ")");
    }

    @Test
    void theClassDataArchivesStillMapAfterUnpackingElsewhere() {
        // -Xshare:on makes a JVM that cannot map its archives refuse to start, instead of
        // quietly starting slower
        env.put("JAVA_TOOL_OPTIONS", "-Xshare:on");
        Processes.Result once = launch("--demo", "--once", "--cluster", "storage-prod");
        assertThat(once.exit()).as(once.describe()).isZero();
        assertThat(once.out()).contains("replicator");
    }

    @Test
    void worksThroughASymlinkOnThePath() throws IOException {
        Files.createSymbolicLink(dir.resolve("path/ecs-top"), home.resolve("bin/ecs-top"));
        Processes.Result version = Processes.run(List.of("/bin/sh", "-c", "ecs-top --version"), env, dir, 60);
        assertThat(version.exit()).as(version.describe()).isZero();
        assertThat(version.out()).contains("(" + home.resolve("runtime") + ")");
    }

    @Test
    void runsTheTuiInTmuxOnAPathWithoutJava() throws IOException {
        Path executable = Tmux.require("the release tarball's TUI test");
        env.put("TERM", "xterm-256color");
        env.put("HISTFILE", "/dev/null");
        // the pane's shell is found on the PATH it is given (env -i ... bash)
        Files.createSymbolicLink(dir.resolve("path/bash"), which("bash"));
        try (Tmux tmux = Tmux.start(executable, dir, 120, 40, env)) {
            tmux.typeLine("command -v java || echo no java here");
            tmux.waitFor("the shell's answer", s -> s.contains("no java here"));
            tmux.typeLine(Tmux.shellLine(List.of(home.resolve("bin/ecs-top").toString(), "--demo")));
            // the demo's two regions open on their fleet; storage-prod is us-east-1's last cluster
            tmux.waitFor("the fleet", s -> s.contains("Clusters · 7") && s.contains("All clusters"));
            tmux.keys("BTab", "g", "j", "j", "j", "j", "j", "Enter");
            tmux.waitFor("storage-prod's services", s -> s.contains("CPU · storage-prod_ · peak 24h")
                    && Pattern.compile("bags-api +\\d+\\.\\d%").matcher(s).find());
            tmux.keys("q");
            tmux.waitFor("the shell's prompt after quitting", s -> lastLine(s).equals(Tmux.PROMPT));
            assertThat(tmux.display("#{alternate_on}")).as("alternate screen still on").isEqualTo("0");
        }
    }

    @Test
    void theLauncherPassesTheSameJvmFlagsAsTheRepositoryScript() throws IOException {
        List<String> repository = jvmFlags(Path.of("..", "ecs-top"));
        List<String> tarball = jvmFlags(home.resolve("bin/ecs-top"));
        assertThat(repository).contains("-XX:+UseSerialGC", "-Xmx256m");
        // both hand the JVM their class-data archive, each from its own place
        assertThat(tarball).anyMatch(f -> f.startsWith("-XX:SharedArchiveFile="));
        assertThat(tarball.stream().filter(f -> !f.startsWith("-XX:SharedArchiveFile=") && !f.equals("-Xlog:disable")))
                .containsExactlyElementsOf(repository);
    }

    private Processes.Result launch(String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/ecs-top").toString()));
        command.addAll(Arrays.asList(args));
        return Processes.run(command, env, dir, 120);
    }

    /** The MODULES line of the runtime's release file. */
    private Set<String> modules() throws IOException {
        String release = Files.readString(home.resolve("runtime/release"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^MODULES=\"([^\"]*)\"").matcher(release);
        assertThat(m.find()).as(release).isTrue();
        return Arrays.stream(m.group(1).split(" ")).collect(Collectors.toSet());
    }

    /** The -X and -D flags of a launcher script's `exec ... java` command. */
    static List<String> jvmFlags(Path script) throws IOException {
        String text = Files.readString(script, StandardCharsets.UTF_8).replace("\\\n", " ");
        String exec = text.lines().filter(l -> l.trim().startsWith("exec ") && l.contains("java"))
                .findFirst().orElseThrow(() -> new AssertionError("no `exec ... java` line in " + script));
        List<String> flags = new ArrayList<>();
        Matcher m = JVM_FLAG.matcher(exec);
        while (m.find()) {
            flags.add(m.group());
        }
        return flags;
    }

    private static Path tarball() throws IOException {
        Path dist = Path.of(System.getProperty("dist.dir", "target/dist"));
        String prefix = "ecs-top-" + System.getProperty("dist.version", "") + "-linux-";
        assertThat(dist).as("the release build's output (mvn package writes it)").isDirectory();
        try (Stream<Path> files = Files.list(dist)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".tar.gz")).toList();
            assertThat(found).as("%s*.tar.gz in %s", prefix, dist).hasSize(1);
            return found.get(0);
        }
    }

    private static Path which(String tool) {
        for (String d : List.of("/usr/bin", "/bin")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail("no " + tool + " in /usr/bin or /bin");
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
