package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecs-top screenshots DIR}: the demo fleet through the emulator and the SDK, drawn at a fixed time. */
class ScreenshotsCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CliEnvironment env = new CliEnvironment(Map.of(), dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false,
                s -> { throw new AssertionError("no AWS reader expected"); }, () -> ScreenshotsCommand.AT, false);
        return Main.run(args, env);
    }

    @Test
    void writesEverySceneFromTheDemoFleetAtTheFixedTime() throws Exception {
        Path shots = dir.resolve("shots");
        assertThat(run("screenshots", shots.toString())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        for (String name : new String[] {"main", "detail", "help", "narrow", "catalogue"}) {
            assertThat(shots.resolve(name + ".png")).isNotEmptyFile();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(shots.resolve(name + ".svg").toString());
        }
        String main = Files.readString(shots.resolve("main.svg"), StandardCharsets.UTF_8);
        // the demo fleet's storage-prod, its figures from the fixed clock: nothing random, no port
        assertThat(main).contains("storage-prod").contains("bags-api").contains(">demo<").contains(">us-east-1<")
                .doesNotContain("127.0.0.1");
        assertThat(Files.readString(shots.resolve("detail.svg"), StandardCharsets.UTF_8)).contains("14:00");
    }

    @Test
    void hiddenFromTheMainHelpButHasItsOwn() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("emulator").doesNotContain("screenshots");
        out.reset();
        assertThat(run("screenshots", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: ecs-top screenshots").contains("[DIR]");
    }
}
