package ecstop.cli;

import ecstop.config.WallClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --demo --once} end to end: the real reader, SDK and emulator. Every starved demo
 * service shows its signal, and --fail-on turns one into exit 4.
 */
class DemoSignalsTest {
    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        CliEnvironment e = new CliEnvironment(new HashMap<>(), home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, s -> { throw new AssertionError("the demo builds its own reader"); }, () -> WallClock.utc().instant(), false);
        return Main.run(args, e);
    }

    private List<String> kinds(String cluster, String service) throws Exception {
        assertThat(run("--demo", "--once", "--cluster", cluster, "--format", "json")).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        for (JsonNode s : root.path("services")) {
            if (s.path("name").asText().equals(service)) {
                s.path("signals").forEach(x -> out.add(x.path("kind").asText()));
            }
        }
        return out;
    }

    @Test
    void everyStarvedDemoServiceShowsWhy() throws Exception {
        assertThat(kinds("storage-prod", "storage-prod_file-finder")).containsExactly("oom");
        assertThat(kinds("storage-prod", "storage-prod_ingests-tracker")).containsExactlyInAnyOrder("placement", "short");
        assertThat(kinds("storage-prod", "storage-prod_register")).isEmpty();
        assertThat(kinds("archivematica", "am-mcp-client")).containsExactlyInAnyOrder("deploy", "health", "short");
        assertThat(kinds("archivematica", "am-redis")).containsExactly("oom");
        assertThat(kinds("data-pipeline", "load")).containsExactly("crash");
        assertThat(kinds("data-pipeline", "transform")).contains("deploy");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void failOnOomIsExit4ForTheClusterWithOomKillsAndZeroForTheOneWithout() {
        assertThat(run("--demo", "--once", "--cluster", "storage-prod", "--fail-on", "oom")).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("ecs-top: 1 service shows what --fail-on asks about: storage-prod_file-finder (oom)\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("file-finder     CRIT OOM ");

        assertThat(run("--demo", "--once", "--cluster", "sandbox", "--fail-on", "oom,crash,placement,short,deploy,health,hot"))
                .isZero();
    }
}
