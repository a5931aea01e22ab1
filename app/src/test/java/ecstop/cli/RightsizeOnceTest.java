package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecstop.aws.AwsFleetReader;
import ecstop.domain.FleetReader;
import ecstop.domain.rightsize.FargateSizes;
import ecstop.domain.rightsize.TaskSize;
import ecstop.emulator.Faults;
import ecstop.testing.EmulatorExtension;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --once --view rightsize} end to end: Main, the production reader, the real SDK
 * clients and HTTP, the emulator's demo fleet. The JSON test redoes every figure from the
 * document's own inputs, as a reader checking it would.
 */
class RightsizeOnceTest {
    static final Set<String> READS = Set.of("ListClusters", "DescribeClusters", "ListServices", "DescribeServices",
            "GetMetricData", "DescribeTaskDefinition", "DescribeScalingPolicies", "GetProducts", "ListTasks", "DescribeTasks");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().at(Fixtures.NOW);

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return run(emulator.endpoint(), home, out, err, args);
    }

    /** Main with a fresh production reader of {@code endpoint} (nothing cached), the clock at {@link Fixtures#NOW}. */
    static int run(java.net.URI endpoint, Path home, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        CliEnvironment e = new CliEnvironment(new HashMap<>(), home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false,
                s -> Either.right((FleetReader) AwsFleetReader.forEndpoint(endpoint, Clock.fixed(Fixtures.NOW, ZoneOffset.UTC))),
                () -> Fixtures.NOW, false);
        return Main.run(args, e);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTextTableStatesTheRuleAndTotalsWithinTheCallBudget() {
        assertThat(run("--once", "--view", "rightsize", "--cluster", "storage-prod", "--lookback", "14d")).isZero();

        String text = out();
        assertThat(text).startsWith("storage-prod · right-sizing · lookback 14d · 6-hourly maxima, 56 periods\n"
                + "recommended = smallest valid size >= p99 of the per-period maxima x 1.2 (20% headroom), over at least 14 days\n");
        assertThat(text).contains("a month being 730 hours; prices from the AWS Price List API, " + Fixtures.NOW);
        assertThat(text).doesNotContain("warning:");
        assertThat(text).containsPattern("storage-prod_replicator +EC2 +3 .*under-provisioned");
        assertThat(text).containsPattern("storage-prod_bags-api +FARGATE +3 .* scales .*");
        assertThat(text).containsPattern("storage-prod_ingests .*no data");
        assertThat(text).contains("total: saves $").contains("never offset against the savings");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

        var seen = emulator.log().snapshot();
        // 12 services, 12 task definitions, each read once; policies for the region in one page; prices once.
        assertThat(seen.calls("DescribeTaskDefinition")).isEqualTo(12);
        assertThat(seen.calls("DescribeScalingPolicies")).isEqualTo(1);
        assertThat(seen.calls("GetProducts")).isEqualTo(1);
        // the stopped tasks, for OOM kills: the whole cluster at once, never per service
        assertThat(seen.calls("ListTasks")).isEqualTo(1);
        assertThat(seen.operations()).isSubsetOf(READS);
    }

    @Test
    void aShortLookbackIsWarnedAbout() {
        assertThat(run("--once", "--view", "rightsize", "--cluster", "data-pipeline")).isZero();

        assertThat(out()).contains("warning: the lookback is shorter than 14 days");
    }

    /** Every figure of the document, recomputed from the document's own inputs. */
    @Test
    void theJsonCarriesEveryInputAndEveryFigureFollowsFromThem() throws Exception {
        assertThat(run("--once", "--view", "rightsize", "--cluster", "catalogue", "--lookback", "14d", "--format", "json",
                "--percentile", "95", "--headroom", "25")).isZero();

        JsonNode doc = new ObjectMapper().readTree(out());
        double p = doc.path("rule").path("percentile").asDouble();
        double factor = doc.path("rule").path("factor").asDouble();
        assertThat(p).isEqualTo(95);
        assertThat(factor).isEqualTo(1.25);
        assertThat(doc.path("rule").path("hoursPerMonth").asInt()).isEqualTo(730);
        JsonNode rates = doc.path("prices").path("rates");
        double savings = 0;
        int checked = 0;
        for (JsonNode s : doc.path("services")) {
            for (String axis : List.of("cpu", "memory")) {
                JsonNode a = s.path(axis);
                List<Double> maxima = new ArrayList<>();
                a.path("maximaPercent").forEach(v -> maxima.add(v.asDouble()));
                assertThat(a.path("datapoints").asInt()).isEqualTo(maxima.size());
                if (maxima.isEmpty()) {
                    assertThat(a.path("percentilePercent").isNull()).isTrue();
                    continue;
                }
                Collections.sort(maxima);
                double pct = maxima.get((int) Math.ceil(p / 100 * maxima.size()) - 1);
                assertThat(a.path("percentilePercent").asDouble()).isEqualTo(pct);
                assertThat(a.path("peakPercent").asDouble()).isEqualTo(maxima.get(maxima.size() - 1));
                double observed = pct * a.path("reserved").asInt() / 100;
                assertThat(a.path("observed").asDouble()).isCloseTo(observed, offset(1e-9));
                assertThat(a.path("needed").asDouble()).isCloseTo(observed * factor, offset(1e-9));
            }
            if (s.path("status").asText().equals("oversized") && s.path("cpu").path("trackedBy").isNull()) {
                // Untracked and not starved: the smallest valid Fargate size at or above what the rule needs.
                TaskSize expected = FargateSizes.smallestAtLeast(s.path("cpu").path("needed").asDouble(),
                        s.path("memory").path("needed").asDouble()).orElseThrow();
                assertThat(s.path("recommended").path("cpu").asInt()).isEqualTo(expected.cpu());
                assertThat(s.path("recommended").path("memory").asInt()).isEqualTo(expected.memory());
                checked++;
            }
            if (!s.path("cost").isNull()) {
                JsonNode rate = rates.path(s.path("cpuArchitecture").asText());
                assertThat(s.path("cost").path("vcpuHour").asDouble()).isEqualTo(rate.path("vcpuHour").asDouble());
                double now = monthly(s.path("current"), rate);
                double then = monthly(s.path("recommended"), rate);
                assertThat(s.path("cost").path("currentMonthlyPerTask").asDouble()).isCloseTo(now, offset(1e-9));
                assertThat(s.path("cost").path("monthlyDelta").asDouble())
                        .isCloseTo((then - now) * s.path("runningTasks").asInt(), offset(1e-9));
            }
            if (!s.path("monthlySavings").isNull()) {
                assertThat(s.path("status").asText()).isEqualTo("oversized");
                assertThat(s.path("monthlySavings").asDouble()).isCloseTo(-s.path("cost").path("monthlyDelta").asDouble(), offset(1e-9));
                savings += s.path("monthlySavings").asDouble();
            }
            if (s.path("status").asText().equals("under-provisioned")) {
                assertThat(s.path("monthlySavings").isNull()).isTrue();
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(doc.path("totals").path("monthlySavings").asDouble()).isCloseTo(savings, offset(1e-6)).isPositive();
        assertThat(doc.path("services").findValuesAsText("status")).contains("under-provisioned", "oversized", "grow", "no data");
        JsonNode searchApi = null;
        for (JsonNode s : doc.path("services")) {
            searchApi = s.path("name").asText().equals("search-api") ? s : searchApi;
        }
        assertThat(searchApi.path("cpu").path("trackedBy").asText()).isEqualTo("target tracking on ECSServiceAverageCPUUtilization");
        assertThat(searchApi.path("scalingPolicies").get(0).path("tracks").asText()).isEqualTo("CPU");
    }

    private static double monthly(JsonNode size, JsonNode rate) {
        return (size.path("cpu").asInt() / 1024.0 * rate.path("vcpuHour").asDouble()
                + size.path("memory").asInt() / 1024.0 * rate.path("gbHour").asDouble()) * 730;
    }

    @Test
    void theCsvHasAHeaderARowPerServiceAndATotal() {
        assertThat(run("--once", "--view", "rightsize", "--cluster", "archivematica", "--lookback", "14d", "--format", "csv")).isZero();

        String[] lines = out().split("\r\n");
        assertThat(lines[0]).isEqualTo(RightsizeCsv.HEADER);
        assertThat(lines).hasSize(1 + 10 + 1);
        assertThat(lines[lines.length - 1]).startsWith("TOTAL,");
        for (String l : lines) {
            assertThat(l).doesNotContain("\n");
        }
    }

    @Test
    void deniedPricesFallBackToTheBundledTableAndSaySo() {
        emulator.faults(Faults.NONE.withDenied("pricing:GetProducts"));

        assertThat(run("--once", "--view", "rightsize", "--cluster", "data-pipeline", "--lookback", "14d")).isZero();

        assertThat(out()).contains("prices from the bundled price table, 2026-11-25 (the Price List API: access denied to pricing:GetProducts");
    }

    @Test
    void deniedTaskDefinitionsAreAnAwsErrorNamingTheAction() {
        emulator.faults(Faults.NONE.withDenied("ecs:DescribeTaskDefinition"));

        assertThat(run("--once", "--view", "rightsize", "--cluster", "data-pipeline")).isEqualTo(3);

        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("ecs-top: access denied to ecs:DescribeTaskDefinition")
                .contains("the IAM policy needs ecs:DescribeTaskDefinition");
    }

    @Test
    void theViewIsOnceOnlyAndCheckedAndTheRuleIsValidated() {
        assertThat(run("--view", "rightsize")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("ecs-top: --view rightsize is printed with --once (ecs-top --once --view rightsize)\n");
        err.reset();
        assertThat(run("--once", "--view", "sizes")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("use usage, rightsize");
        err.reset();
        assertThat(run("--once", "--view", "rightsize", "--percentile", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--percentile").contains("above 0 and at most 100");
        err.reset();
        assertThat(run("--once", "--view", "rightsize", "--headroom", "-5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--headroom").contains("from 0 to 1000");
    }
}
