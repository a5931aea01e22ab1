package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecstop.aws.AwsFleetReader;
import ecstop.domain.FleetReader;
import ecstop.domain.Target;
import ecstop.emulator.Accounts;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Faults;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import ecstop.emulator.SimCluster;
import ecstop.testing.EmulatorExtension;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --once --view rightsize} with no {@code --cluster} and several clusters, or several
 * regions: Main, the production readers, the real SDK clients over HTTP, the emulator's demo
 * accounts (the demo fleet in us-east-1 and a second fleet in eu-west-1). Every cluster is
 * read as {@code --cluster} reads it, so the fleet costs what its clusters cost one by one,
 * less what they share: the cluster list, one policy listing and one price list per region.
 */
class RightsizeFleetOnceTest {
    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(
            Accounts.demo(EmulatorConfig.DEFAULT_SEED, Fleet.DEFAULT_BIG_CLUSTER_SERVICES, false)).at(Fixtures.NOW);

    /** The reads a cluster's table costs, each once per cluster. */
    static final List<String> PER_CLUSTER = List.of("ListServices", "DescribeServices", "GetMetricData",
            "DescribeTaskDefinition", "ListTasks", "DescribeTasks");

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** One target, us-east-1, a fresh reader (nothing cached) per run. */
    private int run(String... args) {
        return RightsizeOnceTest.run(emulator.endpoint(), home, out, err, args);
    }

    /** Both regions of the demo account. */
    private int runTwoRegions(String... args) {
        CliEnvironment e = new CliEnvironment(Map.of(), home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, s -> {
                    throw new AssertionError("several targets need no single reader");
                }, () -> Fixtures.NOW, false, s -> {
                    Map<Target, FleetReader> readers = new LinkedHashMap<>();
                    for (String region : List.of(Fleet.DEFAULT_REGION, Accounts.DEMO_SECOND_REGION)) {
                        AwsFleetReader r = emulator.closing(AwsFleetReader.forEndpoint(emulator.endpoint(), region));
                        readers.put(r.target(), r);
                    }
                    return Either.right(readers);
                });
        return Main.run(args, e);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Fleet usEast() {
        return emulator.emulator().config().accounts().accounts().get(0).byRegion().get(Fleet.DEFAULT_REGION);
    }

    @Test
    void theFleetCostsWhatItsClustersCostOneByOneLessWhatTheyShare() {
        List<String> clusters = usEast().clusters().stream().filter(c -> !c.services().isEmpty()).map(SimCluster::name).toList();
        assertThat(clusters).hasSizeGreaterThan(2);
        Map<String, Long> oneByOne = new HashMap<>();
        for (String c : clusters) {
            emulator.log().reset();
            assertThat(run("--once", "--view", "rightsize", "--cluster", c, "--format", "json")).isZero();
            RequestLog.Counts seen = emulator.log().snapshot();
            PER_CLUSTER.forEach(op -> oneByOne.merge(op, seen.calls(op), Long::sum));
        }
        out.reset();
        emulator.log().reset();

        assertThat(run("--once", "--view", "rightsize", "--format", "json")).isZero();

        RequestLog.Counts fleet = emulator.log().snapshot();
        for (String op : PER_CLUSTER) {
            // the cluster list asks each cluster's reservation too: 2 queries a cluster, 500 to a call
            long list = op.equals("GetMetricData") ? (2L * usEast().clusters().size() + 499) / 500 : 0;
            assertThat(fleet.calls(op)).as(op + ": each cluster read once, as by itself").isEqualTo(oneByOne.get(op) + list);
        }
        assertThat(fleet.calls("ListServices")).as("per cluster, never per service").isEqualTo(clusters.size() + 1L);
        assertThat(fleet.calls("ListClusters")).as("the list that found several clusters is the list read").isEqualTo(1);
        assertThat(fleet.calls("DescribeScalingPolicies")).as("the region's policies, one listing for every cluster").isEqualTo(1);
        assertThat(fleet.calls("GetProducts")).as("the region's prices once").isEqualTo(1);
        assertThat(fleet.operations()).isSubsetOf(RightsizeOnceTest.READS);
        assertThat(err()).isEmpty();
    }

    /**
     * Every service of every cluster, the least busy too (the fleet's Metrics Insights snapshot
     * keeps only the busiest 500 per metric; the table never comes from it), each naming its
     * cluster, most saved first, and the total the sum of the rows.
     */
    @Test
    void theJsonHasEveryServiceOfEveryClusterAndTheTotalsAddUp() throws Exception {
        assertThat(run("--once", "--view", "rightsize", "--lookback", "14d", "--format", "json")).isZero();

        JsonNode doc = new ObjectMapper().readTree(out());
        assertThat(doc.path("scope").asText()).isEqualTo("all clusters");
        assertThat(doc.path("failed")).isEmpty();
        Set<String> expected = new HashSet<>();
        usEast().clusters().forEach(c -> c.services().forEach(s -> expected.add(c.name() + "/" + s.name())));
        Set<String> listed = new HashSet<>();
        double savings = 0;
        double previous = Double.MAX_VALUE;
        for (JsonNode s : doc.path("services")) {
            listed.add(s.path("cluster").asText() + "/" + s.path("name").asText());
            assertThat(s.path("region").asText()).isEqualTo(Fleet.DEFAULT_REGION);
            double saves = s.path("monthlySavings").isNull() ? 0 : s.path("monthlySavings").asDouble();
            assertThat(saves).as("most saved first").isLessThanOrEqualTo(previous);
            previous = saves;
            savings += saves;
            if (s.path("status").asText().equals("under-provisioned")) {
                assertThat(s.path("monthlySavings").isNull()).isTrue();
            }
        }
        assertThat(listed).isEqualTo(expected);
        assertThat(doc.path("services")).hasSize(expected.size());
        assertThat(doc.path("totals").path("monthlySavings").asDouble()).isCloseTo(savings, offset(1e-6)).isPositive();
        double perCluster = 0;
        for (JsonNode c : doc.path("clusters")) {
            perCluster += c.path("totals").path("monthlySavings").asDouble();
            assertThat(c.path("prices").path("region").asText(Fleet.DEFAULT_REGION)).isEqualTo(Fleet.DEFAULT_REGION);
        }
        assertThat(perCluster).as("the clusters' totals add up to the fleet's").isCloseTo(savings, offset(1e-6));
    }

    @Test
    void twoRegionsPrintOneTableNamingRegionAndClusterWithATotal() {
        assertThat(runTwoRegions("--once", "--view", "rightsize", "--region", "us-east-1,eu-west-1", "--lookback", "14d"))
                .isZero();

        String text = out();
        assertThat(text).startsWith("all clusters · right-sizing · lookback 14d · 6-hourly maxima, 56 periods\n"
                + "recommended = smallest valid size >= p99 of the per-period maxima x 1.2 (20% headroom), over at least 14 days\n");
        assertThat(text).contains("prices from us-east-1: the AWS Price List API").contains("eu-west-1: the AWS Price List API");
        assertThat(text).containsPattern("\ncluster +service +launch +tasks");
        assertThat(text).containsPattern("\neu-west-1 · checkout-eu +payments +FARGATE ");
        assertThat(text).containsPattern("\nus-east-1 · storage-prod +storage-prod_replicator +EC2 +3 .*under-provisioned");
        assertThat(text).contains("total: saves $").contains("never offset against the savings");
        assertThat(text).contains("  eu-west-1 · checkout-eu · fraud-scorer: ");
        assertThat(err()).isEmpty();
    }

    @Test
    void theCsvNamesClusterProfileAndRegionOnEveryRowAndEndsWithTheTotal() {
        assertThat(runTwoRegions("--once", "--view", "rightsize", "--region", "us-east-1,eu-west-1", "--format", "csv"))
                .isZero();

        String[] lines = out().split("\r\n");
        assertThat(lines[0]).isEqualTo(RightsizeCsv.FLEET_HEADER);
        int services = usEast().clusters().stream().mapToInt(c -> c.services().size()).sum() + 5 + 3;
        assertThat(lines).hasSize(1 + services + 1);
        assertThat(lines[lines.length - 1]).startsWith("TOTAL,,,,");
        assertThat(lines[lines.length - 1].split(",", -1)).hasSameSizeAs(lines[0].split(",", -1));
        assertThat(List.of(lines).subList(1, lines.length - 1)).allMatch(l -> l.matches("[a-z-]+,default,(us-east-1|eu-west-1),.*"));
    }

    @Test
    void noClusterSizedIsExit3AndOneLineNamingTheAction() {
        emulator.faults(Faults.NONE.withDenied("ecs:DescribeTaskDefinition"));

        assertThat(run("--once", "--view", "rightsize")).isEqualTo(3);

        assertThat(out()).isEmpty();
        assertThat(err()).startsWith("ecs-top: access denied to ecs:DescribeTaskDefinition")
                .contains("the IAM policy needs ecs:DescribeTaskDefinition").hasLineCount(1);
    }

    @Test
    void deniedPoliciesAreOneWarningForEveryClusterAndOneCall() {
        emulator.faults(Faults.NONE.withDenied("application-autoscaling:DescribeScalingPolicies"));

        assertThat(run("--once", "--view", "rightsize")).isZero();

        assertThat(out()).contains("warning: every cluster: scaling policies unknown, so tracked axes cannot be left alone: "
                + "access denied to application-autoscaling:DescribeScalingPolicies");
        assertThat(emulator.log().snapshot().calls("DescribeScalingPolicies")).as("denied once is denied for all").isEqualTo(1);
    }
}
