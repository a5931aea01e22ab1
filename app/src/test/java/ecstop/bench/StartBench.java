package ecstop.bench;

import static ecstop.bench.BenchReport.ordered;
import static ecstop.bench.Stats.f;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 5's start-up figures: from the process's exec to the first frame and to the first
 * data on screen, as the app itself logs them (StartupLog, counted by the kernel from the
 * exec, so JVM start-up is in), for `ecs-top --demo` as ./ecs-top launches it, in a tmux
 * pane; then the same with an application class-data sharing archive (AppCDS: recorded by
 * a training run with -XX:ArchiveClassesAtExit, used with -XX:SharedArchiveFile); then the
 * release tarball's bin/ecs-top, unpacked, with its own runtime; and the sizes of both.
 */
class StartBench {
    static final int RUNS = 3;
    static final List<String> DEMO = List.of("--demo", "--cluster", "storage-prod", "--refresh", "60s");
    private static final Pattern FIRST_FRAME = Pattern.compile("first frame after (\\d+) ms");
    private static final Pattern FIRST_DATA = Pattern.compile("first data after (\\d+) ms");

    record Run(long frameMs, long dataMs) {}

    record Variant(String name, List<Run> runs) {
        long median(boolean data) {
            double[] v = runs.stream().mapToDouble(r -> data ? r.dataMs : r.frameMs).toArray();
            return Math.round(Stats.percentile(v, 50));
        }
    }

    @Test
    void firstFrameAndFirstData() throws IOException {
        Path dir = Files.createTempDirectory("ecs-top-bench-cds-");
        try {
            Path archive = dir.resolve("ecs-top.jsa");
            // a throwaway run first: the page cache holds the jar for every measured run alike
            run("warm", List.of());
            Variant plain = variant("launcher flags", List.of());
            run("cds-training", List.of("-XX:ArchiveClassesAtExit=" + archive));
            assertThat(archive).as("the training run wrote the archive").exists();
            long archiveKb = Files.size(archive) / 1024;
            Variant cds = variant("+ AppCDS archive", List.of("-XX:SharedArchiveFile=" + archive));
            // what ./ecs-top runs: the archive the build records from a demo snapshot (app/pom.xml)
            Path built = TmuxApp.jar().resolveSibling("ecs-top.jsa");
            assertThat(built).as("the build's class-data archive (the package phase writes it)").exists();
            Variant launcher = variant("+ the build's archive (./ecs-top)",
                    List.of("-XX:SharedArchiveFile=" + built, "-Xlog:disable"));
            Release release = Release.unpack(dir);
            Variant tarball = release.variant();

            List<String[]> rows = new ArrayList<>();
            for (Variant v : List.of(plain, cds, launcher, tarball)) {
                rows.add(new String[] {v.name, f("%,d", v.median(false)), f("%,d", v.median(true)),
                    v.runs.stream().map(r -> r.frameMs + "/" + r.dataMs).reduce((a, b) -> a + ", " + b).orElse("")});
            }
            String md = "## Start: process start to first frame and first data\n\n"
                    + "`ecs-top --demo --cluster storage-prod` with the launcher's flags (`"
                    + String.join(" ", TmuxApp.launcherFlags()) + "`) in a 120x40 tmux pane. Milliseconds from the "
                    + "exec of the process (the kernel's start time, 10 ms steps), as the app logs them; median of "
                    + RUNS + " runs after a warm-up run. The demo starts an emulator in-process and each of its "
                    + "calls takes 20 ms, so first data includes the fetch. AppCDS: an archive of the classes a "
                    + "demo run loads (" + f("%,d", archiveKb) + " KB), written by a training run with "
                    + "`-XX:ArchiveClassesAtExit` and used with `-XX:SharedArchiveFile`; the build's archive is the "
                    + "one `mvn package` records from a `--demo --once` run, which ./ecs-top uses. The release tarball "
                    + "(`app/target/dist`): unpacked into a temporary directory and started as `bin/ecs-top` with its "
                    + "own jlink runtime and archive. No target: reported.\n\n"
                    + BenchReport.table(new String[] {"JVM", "first frame ms", "first data ms", "runs (frame/data)"}, rows)
                    + "\n" + BenchReport.table(new String[] {"what a user installs", "download MB", "on disk MB"}, List.of(
                            new String[] {"release tarball (runtime, jar, archives; no JDK needed)",
                                f("%.1f", release.tarballMb), f("%.1f", release.unpackedMb)},
                            new String[] {"./ecs-top (jar and archive; needs a JDK 17 and Maven)", "—",
                                f("%.1f", (Files.size(TmuxApp.jar()) + Files.size(built)) / 1e6)}));
            BenchReport.section("start", ordered("jvmFlags", TmuxApp.launcherFlags(), "runs", RUNS,
                    "plain", ordered("firstFrameMs", plain.median(false), "firstDataMs", plain.median(true),
                            "all", plain.runs),
                    "appCds", ordered("firstFrameMs", cds.median(false), "firstDataMs", cds.median(true),
                            "all", cds.runs, "archiveKb", archiveKb),
                    "launcher", ordered("firstFrameMs", launcher.median(false), "firstDataMs", launcher.median(true),
                            "all", launcher.runs),
                    "releaseTarball", ordered("firstFrameMs", tarball.median(false), "firstDataMs", tarball.median(true),
                            "all", tarball.runs, "tarballMb", release.tarballMb, "unpackedMb", release.unpackedMb)), md);
        } finally {
            TmuxApp.deleteTree(dir);
        }
    }

    /** The release tarball the package phase built, unpacked where a user might put it. */
    record Release(Path home, double tarballMb, double unpackedMb) {
        static Release unpack(Path dir) throws IOException {
            Path dist = TmuxApp.jar().resolveSibling("dist");
            Path tarball;
            try (Stream<Path> files = Files.list(dist)) {
                tarball = files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no release tarball in " + dist
                                + ": the package phase builds it unless -Ddist.skip=true"));
            }
            Path into = Files.createDirectories(dir.resolve("release"));
            Shell.run(List.of("tar", "-xzf", tarball.toString(), "-C", into.toString()));
            Path home = into.resolve(tarball.getFileName().toString().replace(".tar.gz", ""));
            long bytes;
            try (Stream<Path> files = Files.walk(home)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            return new Release(home, Files.size(tarball) / 1e6, bytes / 1e6);
        }

        Variant variant() {
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/ecs-top").toString()));
            command.addAll(DEMO);
            List<Run> runs = new ArrayList<>();
            measure("release-warm", command);
            for (int i = 0; i < RUNS; i++) {
                runs.add(measure("release", command));
            }
            return new Variant("release tarball: bin/ecs-top, its jlink runtime and archive", runs);
        }
    }

    private static Variant variant(String name, List<String> jvm) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(run("start", jvm));
        }
        return new Variant(name, runs);
    }

    /** One launch: waits for both log lines, then quits with q (a training run writes its archive then). */
    private static Run run(String name, List<String> jvm) {
        try (TmuxApp app = TmuxApp.start(name, 120, 40, jvm, DEMO, Map.of())) {
            return firstFrameAndData(app);
        }
    }

    private static Run measure(String name, List<String> command) {
        try (TmuxApp app = TmuxApp.startCommand(name, 120, 40, command, Map.of())) {
            return firstFrameAndData(app);
        }
    }

    private static Run firstFrameAndData(TmuxApp app) {
        long data = Long.parseLong(app.awaitLog(FIRST_DATA, Duration.ofSeconds(60)));
        long frame = Long.parseLong(app.awaitLog(FIRST_FRAME, Duration.ofSeconds(1)));
        app.awaitScreen(s -> s.contains("replicator"), Duration.ofSeconds(10), "demo data");
        return new Run(frame, data);
    }
}
