package ecstop.cli;

import ecstop.config.WallClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecstop.aws.AwsFleetReader;
import ecstop.domain.FleetReader;
import ecstop.emulator.Accounts;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import ecstop.testing.EmulatorExtension;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --once --view tasks} end to end: Main, the production reader, the real SDK clients
 * over HTTP, the demo's two regions on the emulator with the clock pinned at
 * {@link Fixtures#NOW}; and through {@code --demo} itself, on the wall clock, asserting only
 * what the demo holds at every moment (cart-api's one hot task, receipts' log router at its
 * hard limit within any day).
 */
class TasksOnceTest {
    static final String HINT_STORAGE = "per-task figures need Container Insights with enhanced observability; to turn it on:"
            + " aws ecs update-cluster-settings --cluster storage-prod --settings name=containerInsights,value=enhanced";

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Accounts.demo(EmulatorConfig.DEFAULT_SEED,
            Fleet.DEFAULT_BIG_CLUSTER_SERVICES, false)).at(Fixtures.NOW);

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String region, String... args) {
        out.reset();
        err.reset();
        CliEnvironment e = new CliEnvironment(new HashMap<>(Map.of("TZ", "UTC")), home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false,
                s -> Either.right((FleetReader) AwsFleetReader.forEndpoint(emulator.endpoint(), region)),
                () -> Fixtures.NOW, false);
        return Main.run(args, e);
    }

    private int demo(String... args) {
        out.reset();
        err.reset();
        CliEnvironment e = new CliEnvironment(new HashMap<>(), home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false,
                s -> { throw new AssertionError("the demo builds its own reader"); }, () -> WallClock.utc().instant(), false);
        return Main.run(args, e);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private JsonNode json() throws Exception {
        return new ObjectMapper().readTree(out());
    }

    @Test
    void onTheEnhancedClusterTheJsonNamesTheSidecarNearestItsLimitAndTheHotTask() throws Exception {
        assertThat(run("eu-west-1", "--once", "--view", "tasks", "--cluster", "checkout-eu", "--format", "json")).isZero();

        JsonNode doc = json();
        assertThat(doc.path("containerInsights").asText()).isEqualTo("enhanced");
        assertThat(doc.path("hint").isNull()).isTrue();
        JsonNode nearest = doc.path("nearestHardLimit");
        assertThat(nearest.path("service").asText()).isEqualTo("receipts");
        assertThat(nearest.path("container").asText()).isEqualTo("log-router");
        assertThat(nearest.path("percentOfLimit").asDouble()).isGreaterThan(90);
        assertThat(doc.path("hotTasks").findValuesAsText("service")).containsExactly("cart-api");
        // the hot task's siblings idle; the application container beside the sidecar sits near 40% of its limit
        List<Double> cartCpu = new ArrayList<>();
        for (JsonNode t : doc.path("tasks")) {
            if (t.path("service").asText().equals("cart-api")) {
                cartCpu.add(t.path("cpu").path("peak").asDouble());
            }
            if (t.path("service").asText().equals("receipts")) {
                assertThat(t.path("containers").get(0).path("percentOfHardLimit").asDouble()).isBetween(25.0, 60.0);
            }
        }
        assertThat(cartCpu).hasSize(4);
        assertThat(cartCpu.get(0)).isGreaterThan(3 * cartCpu.get(1));
        // hottest first: no task after one hotter than it
        List<Double> heat = new ArrayList<>();
        doc.path("tasks").forEach(t -> heat.add(Math.max(t.path("cpu").path("latest").asDouble(),
                t.path("memory").path("latest").asDouble())));
        assertThat(heat).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        // one DescribeClusters (the setting), one ListTasks page and one DescribeTasks batch for the cluster's 11
        // tasks, two GetMetricData a service that runs any (the lookback, then the latest minute; 4 services: refunds runs
        // none); the aws block says the same as the log
        var seen = emulator.log().snapshot();
        assertThat(Set.copyOf(seen.operations())).containsExactlyInAnyOrder("DescribeClusters", "ListTasks", "DescribeTasks",
                "GetMetricData");
        assertThat(seen.calls("DescribeClusters")).isEqualTo(1);
        assertThat(seen.calls("ListTasks")).isEqualTo(1);
        assertThat(seen.calls("DescribeTasks")).isEqualTo(1);
        assertThat(seen.calls("GetMetricData")).isEqualTo(8);
        JsonNode calls = doc.path("aws").path("calls");
        calls.fields().forEachRemaining(f -> assertThat(seen.calls(f.getKey())).as(f.getKey()).isEqualTo(f.getValue().asLong()));
        assertThat(doc.path("aws").path("metrics").asLong()).isEqualTo(seen.metricsRequested());
    }

    @Test
    void theTextMarksTheSidecarAndTheHotTask() {
        assertThat(run("eu-west-1", "--once", "--view", "tasks", "--cluster", "checkout-eu")).isZero();

        assertThat(out()).startsWith("checkout-eu · tasks · Container Insights enhanced · lookback 24h · ")
                .containsPattern("\\n    log-router: CPU \\d+ of 64 units, memory \\d+ MiB of 128 hard \\(\\d+%\\),"
                        + " reservation 64 \\(\\d+%\\), restarts \\d+  ◀ nearest its hard limit\\n")
                .containsPattern("\\ncart-api +[0-9a-f]{32} .*◀ hot while its siblings idle\\n")
                .doesNotContain("per-task figures need");
        assertThat(err()).isEmpty();
    }

    @Test
    void oneServiceOnlyReadsThatServicesTasks() throws Exception {
        assertThat(run("eu-west-1", "--once", "--view", "tasks", "--cluster", "checkout-eu", "--service", "cart-api",
                "--format", "json")).isZero();

        assertThat(json().path("tasks").findValuesAsText("service")).containsOnly("cart-api").hasSize(4);
        assertThat(emulator.log().snapshot().calls("GetMetricData")).isEqualTo(2);
    }

    @Test
    void onADisabledClusterTheSpreadAndTheHint() throws Exception {
        assertThat(run("us-east-1", "--once", "--view", "tasks", "--cluster", "storage-prod", "--format", "json")).isZero();

        JsonNode doc = json();
        assertThat(doc.path("containerInsights").asText()).isEqualTo("disabled");
        assertThat(doc.path("hint").asText()).isEqualTo(HINT_STORAGE);
        assertThat(doc.path("nearestHardLimit").isNull()).isTrue();
        int spreads = 0;
        for (JsonNode s : doc.path("services")) {
            String spread = s.path("cpu").path("spread").asText();
            if (s.path("tasks").asInt() == 1) {
                assertThat(spread).isEqualTo("one task, no spread");
            } else {
                assertThat(spread).matches("tasks \\d+–\\d+%");
                assertThat(s.path("cpu").path("min").asDouble()).isLessThanOrEqualTo(s.path("cpu").path("max").asDouble());
                spreads++;
            }
        }
        assertThat(spreads).isGreaterThan(3);
        // the Minimum, Maximum and Average of two metrics for every service in one call
        var seen = emulator.log().snapshot();
        assertThat(seen.calls("GetMetricData")).isEqualTo(1);
        assertThat(seen.metricsRequested()).isEqualTo(6L * doc.path("services").size());
        assertThat(seen.calls("DescribeClusters")).isEqualTo(1);

        assertThat(run("us-east-1", "--once", "--view", "tasks", "--cluster", "storage-prod")).isZero();
        assertThat(out()).contains("\n" + HINT_STORAGE + "\n").containsPattern("CPU tasks \\d+–\\d+%")
                .contains("one task, no spread");
    }

    @Test
    void onAStandardClusterServiceFiguresAndTheHint() {
        assertThat(run("us-east-1", "--once", "--view", "tasks", "--cluster", "data-pipeline")).isZero();

        assertThat(out()).contains("Container Insights enabled").contains("aws ecs update-cluster-settings --cluster data-pipeline"
                + " --settings name=containerInsights,value=enhanced").containsPattern("CPU \\d+% / \\d+%");
    }

    @Test
    void theCsvIsARowAContainer() {
        assertThat(run("eu-west-1", "--once", "--view", "tasks", "--cluster", "checkout-eu", "--service", "receipts",
                "--format", "csv")).isZero();

        String[] rows = out().split("\r\n");
        assertThat(rows[0]).startsWith("service,task,revision,");
        assertThat(rows).hasSize(3);
        assertThat(rows[2]).startsWith("receipts,").contains(",log-router,64,").endsWith(",true");
    }

    @Test
    void badInputIsOneLine() {
        assertThat(run("us-east-1", "--once", "--view", "tasks")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).isEqualTo("ecs-top: --view tasks shows one cluster's tasks: name it with --cluster"
                + " (ecs-top --once --view tasks --cluster C [--service S])\n");
        assertThat(run("us-east-1", "--once", "--view", "tasks", "--cluster", "nope")).isEqualTo(ExitCode.USAGE);
        assertThat(err()).startsWith("ecs-top: no cluster 'nope'").doesNotContain("\tat ").hasLineCount(1);
        assertThat(out()).isEmpty();
    }

    @Test
    void theDemoItselfNamesTheSidecarAndTheHotTaskAndOnADisabledClusterTheSpread() throws Exception {
        assertThat(demo("--demo", "--once", "--view", "tasks", "--region", "eu-west-1", "--cluster", "checkout-eu",
                "--format", "json")).as(err()).isZero();
        JsonNode doc = json();
        assertThat(doc.path("nearestHardLimit").path("container").asText()).isEqualTo("log-router");
        assertThat(doc.path("hotTasks").findValuesAsText("service")).containsExactly("cart-api");

        assertThat(demo("--demo", "--once", "--view", "tasks", "--cluster", "storage-prod", "--format", "json")).isZero();
        doc = json();
        assertThat(doc.path("hint").asText()).isEqualTo(HINT_STORAGE);
        assertThat(doc.path("services").findValuesAsText("spread")).anyMatch(s -> s.matches("tasks \\d+–\\d+%"));
    }
}
