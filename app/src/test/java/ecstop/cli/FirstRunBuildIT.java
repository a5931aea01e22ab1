package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./ecs-top on a fresh checkout: no jar yet, so it builds one with Maven first. Everything the
 * user sees of that build, stdout and stderr, must be free of escape sequences (Maven 3.8
 * printed ESC[0m resets even with -B -q). The checkout is a copy of the build's inputs (the
 * poms, the main sources, the launcher) without the tests, so the build takes only what the
 * first run needs; it runs the script's own build command, with Maven from the PATH and the
 * local repository the outer build already filled.
 */
class FirstRunBuildIT {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path checkout;

    @Test
    void theFirstRunBuildsAndPrintsNoEscapeSequences() throws IOException {
        for (String file : List.of("ecs-top", "pom.xml", "app/pom.xml", "config/ecs-top.properties")) {
            copy(REPOSITORY.resolve(file), checkout.resolve(file));
        }
        copyTree(REPOSITORY.resolve("app/src/main"), checkout.resolve("app/src/main"));
        assertThat(checkout.resolve("app/target/ecs-top.jar")).doesNotExist();

        Processes.Result run = Processes.run(List.of("sh", "./ecs-top", "--version"), Map.of(
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "HOME", System.getProperty("user.home"),
                "TERM", "xterm-256color",
                "LANG", "C.UTF-8"), checkout, 600);

        assertThat(run.exit()).as(run.describe()).isZero();
        assertThat(run.err()).as(run.describe()).startsWith("building ecs-top (first run only)...");
        assertThat(run.out()).as(run.describe()).startsWith("ecs-top ").contains("\ncommit unknown\n");
        assertThat(run.out() + run.err()).as(run.describe()).doesNotContain("\u001b");
        assertThat(checkout.resolve("app/target/ecs-top.jar")).isRegularFile();
        assertThat(checkout.resolve("app/target/dist")).as("the first run skips the release tarball").doesNotExist();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
    }
}
