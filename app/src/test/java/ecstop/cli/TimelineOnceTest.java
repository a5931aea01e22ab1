package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecstop.aws.AwsFleetReader;
import ecstop.domain.FleetReader;
import ecstop.testing.EmulatorExtension;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --once --view timeline} end to end: Main, the production reader, the real SDK clients
 * over HTTP, the emulator's demo fleet, the clock pinned.
 *
 * <p>The demo's deployment-then-OOM story is storage-prod_file-finder: each release leaks, its
 * memory climbing for 45 hours from the deployment until the next one. {@link #HOT} is a
 * moment in that climb's last hours, when its busiest task has been at 80% or more since
 * about 18:00 UTC, 42 hours after the release of 2026-11-17 23:52.
 */
class TimelineOnceTest {
    static final String CLUSTER = "storage-prod";
    static final String STORY = "storage-prod_file-finder";
    static final Instant HOT = Instant.parse("2026-11-19T19:30:56Z");
    static final Set<String> READS = Set.of("DescribeServices", "GetMetricData", "ListTasks", "DescribeTasks",
            "DescribeScalingActivities");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().at(HOT);

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        CliEnvironment e = new CliEnvironment(new HashMap<>(Map.of("TZ", "UTC")), home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false,
                s -> Either.right((FleetReader) AwsFleetReader.forEndpoint(emulator.endpoint(), Clock.fixed(HOT, ZoneOffset.UTC))),
                () -> HOT, false);
        return Main.run(args, e);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theAnswerLineNamesTheDeploymentTheLeakCameWith() {
        assertThat(run("--once", "--view", "timeline", "--cluster", CLUSTER, "--service", STORY)).isZero();

        String[] lines = out().split("\n");
        assertThat(lines[0]).isEqualTo("storage-prod · storage-prod_file-finder · timeline · lookback 24h · 60 s periods");
        assertThat(lines[1]).startsWith("memory ≥ 80% since ").contains("after the deployment of :");
        assertThat(out()).contains("memory (max: the busiest task; avg: the mean of tasks)\n100%┤")
                .contains("CPU (max: the busiest task; avg: the mean of tasks)")
                .contains("markers:\n").containsPattern("11-17 23:52  ⟳ the deployment of :\\d+\n");
        // braille unless --ascii
        assertThat(out()).containsPattern("[\u2801-\u28ff]");
        assertThat(err()).isEmpty();
        var seen = emulator.log().snapshot();
        // one DescribeServices for the service, one GetMetricData for its four series, the cluster's stopped
        // tasks as the signals read them (one page, one batch), one page of scaling activities
        assertThat(seen.calls("DescribeServices")).isEqualTo(1);
        assertThat(seen.calls("GetMetricData")).isEqualTo(1);
        assertThat(seen.metricsRequested()).isEqualTo(4);
        assertThat(seen.calls("ListTasks")).isEqualTo(1);
        assertThat(seen.calls("DescribeTasks")).isEqualTo(1);
        assertThat(seen.calls("DescribeScalingActivities")).isEqualTo(1);
        assertThat(Set.copyOf(seen.operations())).isEqualTo(READS);
    }

    @Test
    void asciiDrawsNoBrailleAndMarksWithLetters() {
        assertThat(run("--once", "--view", "timeline", "--cluster", CLUSTER, "--service", STORY, "--ascii")).isZero();

        assertThat(out()).doesNotContainPattern("[\u2800-\u28ff⟳↯]").containsPattern("11-17 23:52  D the deployment of :");
    }

    @Test
    void theJsonCarriesAPointAMinuteTheMarkersTheAnswerAndWhatItCost() throws Exception {
        assertThat(run("--once", "--view", "timeline", "--cluster", CLUSTER, "--service", STORY, "--format", "json")).isZero();

        JsonNode doc = new ObjectMapper().readTree(out());
        assertThat(doc.path("periodSeconds").asInt()).isEqualTo(60);
        Instant start = Instant.parse(doc.path("start").asText());
        Instant end = Instant.parse(doc.path("end").asText());
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(24));
        for (String metric : new String[] {"cpu", "memory"}) {
            for (String stat : new String[] {"max", "avg"}) {
                JsonNode points = doc.path("series").path(metric).path(stat);
                // at least one a minute over the 24 hours, each inside the window
                assertThat(points.size()).as(metric + " " + stat).isGreaterThanOrEqualTo(24 * 60 - 5);
                points.forEach(p -> assertThat(Instant.parse(p.path("time").asText())).isBetween(start, end));
            }
        }
        assertThat(doc.path("answer").asText()).startsWith("memory ≥ 80% since").contains("after the deployment of :");
        assertThat(doc.path("answers").path("cpu").asText()).startsWith("CPU ");
        assertThat(doc.path("markers").findValuesAsText("kind")).contains("deployment_started");
        JsonNode aws = doc.path("aws");
        assertThat(aws.path("calls").path("GetMetricData").asInt()).isEqualTo(1);
        assertThat(aws.path("metrics").asInt()).isEqualTo(4);
        var seen = emulator.log().snapshot();
        aws.path("calls").fields().forEachRemaining(f -> assertThat(seen.calls(f.getKey())).as(f.getKey())
                .isEqualTo(f.getValue().asLong()));
        assertThat(seen.totalCalls()).isEqualTo(sum(aws.path("calls")));
    }

    @Test
    void theCsvHasARowAPeriodAndLeavesGapsEmpty() {
        assertThat(run("--once", "--view", "timeline", "--cluster", CLUSTER, "--service", STORY, "--format", "csv",
                "--lookback", "2h")).isZero();

        String[] rows = out().split("\r\n");
        assertThat(rows[0]).isEqualTo("time,cpu_max,cpu_avg,memory_max,memory_avg");
        assertThat(rows).hasSize(1 + 120);
        assertThat(rows[1]).matches("2026-11-19T17:31:00Z,\\d+\\.\\d\\d,\\d+\\.\\d\\d,\\d+\\.\\d\\d,\\d+\\.\\d\\d");
    }

    @Test
    void badInputIsOneLine() {
        assertThat(run("--once", "--view", "timeline", "--cluster", CLUSTER)).isEqualTo(ExitCode.USAGE);
        assertThat(err()).isEqualTo("ecs-top: --view timeline shows one service: name it with --cluster and --service"
                + " (ecs-top --once --view timeline --cluster C --service S)\n");
        err.reset();
        assertThat(run("--once", "--view", "timeline", "--cluster", CLUSTER, "--service", "nope")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).isEqualTo("ecs-top: no service 'nope' in cluster 'storage-prod' (ecs-top --once --cluster"
                + " storage-prod lists its services)\n");
        err.reset();
        assertThat(run("--once", "--service", STORY)).isEqualTo(ExitCode.USAGE);
        assertThat(err().lines().count()).isEqualTo(1);
        assertThat(out()).isEmpty();
    }

    private static long sum(JsonNode calls) {
        long n = 0;
        for (JsonNode v : calls) {
            n += v.asLong();
        }
        return n;
    }
}
