package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecstop.config.Settings;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Target;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --once} over several targets, with test doubles for the readers: every target's rows
 * in one list naming what tells them apart, a failing target one line on stderr while the
 * others print, exit 3 then.
 */
class FleetOnceTest {
    static final Target PROD_USE1 = Target.of("prod", "us-east-1");
    static final Target PROD_EUW1 = Target.of("prod", "eu-west-1");
    static final Target DEV_USE1 = Target.of("dev", "us-east-1");

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<Settings> seen = new ArrayList<>();

    private int run(Map<Target, FleetReader> readers, String... args) {
        CliEnvironment e = new CliEnvironment(Map.of(), home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, s -> {
                    throw new AssertionError("several targets need no single reader");
                }, () -> Fixtures.NOW, false, s -> {
                    seen.add(s);
                    return Either.right(readers);
                });
        return Main.run(args, e);
    }

    static FleetReader reader(Target t, Object... rows) {
        Fixtures.StubReader r = new Fixtures.StubReader(List.of(), x -> { throw new AssertionError(); });
        r.fleet = q -> Either.right(Fixtures.fleet(t, rows));
        return r;
    }

    static FleetReader failing(Failure f) {
        Fixtures.StubReader r = new Fixtures.StubReader(List.of(), x -> { throw new AssertionError(); });
        r.fleet = q -> Either.left(f);
        return r;
    }

    static Map<Target, FleetReader> threeTargetsOneExpired() {
        Map<Target, FleetReader> readers = new LinkedHashMap<>();
        readers.put(PROD_USE1, reader(PROD_USE1, "api/web", 91.0, 40.0, "api/worker", 20.0, 88.0));
        readers.put(PROD_EUW1, reader(PROD_EUW1, "api/web", 55.0, null));
        readers.put(DEV_USE1, failing(new Failure(Failure.Kind.SSO_EXPIRED, "ecs:ListClusters", "run aws sso login --profile dev")));
        return readers;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void textNamesRegionAndClusterForEveryRowAndTheFailedTargetGoesToStderr() {
        int code = run(threeTargetsOneExpired(), "--once", "--profile", "prod,dev", "--region", "us-east-1,eu-west-1");

        assertThat(code).isEqualTo(3);
        assertThat(err()).isEqualTo("ecs-top: dev · us-east-1: the SSO session has expired: run aws sso login --profile dev\n");
        assertThat(out()).startsWith("CPU · fleet · peak 24h\n")
                .contains("us-east-1 · api / web")
                .contains("eu-west-1 · api / web")
                .contains("3 services in 2 clusters");
        // The CPU chart: busiest first across both regions.
        List<String> cpu = out().lines().skip(1).limit(3).toList();
        assertThat(cpu.get(0)).startsWith("us-east-1 · api / web").contains("91.0%");
        assertThat(cpu.get(1)).startsWith("eu-west-1 · api / web").contains("55.0%");
        assertThat(seen.get(0).profiles()).containsExactly("prod", "dev");
    }

    @Test
    void jsonCarriesEveryRowWithRegionAndProfileTheTargetsAndTheCost() throws Exception {
        assertThat(run(threeTargetsOneExpired(), "--once", "--profile", "prod,dev", "--region", "us-east-1,eu-west-1",
                "--format", "json")).isEqualTo(3);

        JsonNode doc = new ObjectMapper().readTree(out());
        assertThat(doc.path("scope").asText()).isEqualTo("fleet");
        JsonNode first = doc.path("services").get(0);
        assertThat(first.path("profile").asText()).isEqualTo("prod");
        assertThat(first.path("region").asText()).isEqualTo("us-east-1");
        assertThat(first.path("cluster").asText()).isEqualTo("api");
        assertThat(first.path("service").asText()).isEqualTo("web");
        assertThat(first.path("cpu").asDouble()).isEqualTo(91.0);
        assertThat(first.has("account")).isFalse();
        assertThat(doc.path("services")).hasSize(3);
        assertThat(doc.path("services").get(1).path("memory").isNull()).isTrue();
        assertThat(doc.path("targets")).hasSize(3);
        assertThat(doc.path("targets").get(2).path("error").asText()).contains("SSO session has expired");
        assertThat(doc.path("aws").path("calls").path("GetMetricData").asInt()).isEqualTo(0);
        assertThat(doc.path("limits").path("truncated").asBoolean()).isFalse();
        assertThat(err()).hasLineCount(1);
    }

    /**
     * A monitoring account's fleet beside another region's: the app saw 1,000 of the series
     * the first one's queries analysed, CloudWatch may have billed 20,000.
     */
    private static Map<Target, FleetReader> countedAsARange() {
        Fixtures.StubReader r = (Fixtures.StubReader) reader(PROD_USE1, "api/web", 91.0, 40.0);
        r.totals = new ecstop.domain.CallStats(Map.of("GetMetricData", 2), 1_000, 0, 19_000);
        Map<Target, FleetReader> readers = new LinkedHashMap<>();
        readers.put(PROD_USE1, r);
        readers.put(PROD_EUW1, reader(PROD_EUW1, "batch/etl", 12.5, 3.0));
        return readers;
    }

    @Test
    void aCountTheAppCannotCompleteSaysAtLeastInTextAndGivesTheMostInJson() throws Exception {
        assertThat(run(countedAsARange(), "--once", "--region", "us-east-1,eu-west-1")).isZero();
        assertThat(out()).contains("2 AWS calls · at least 1000 metrics (~$0.0100)");

        out.reset();
        assertThat(run(countedAsARange(), "--once", "--region", "us-east-1,eu-west-1", "--format", "json")).isZero();
        JsonNode aws = new ObjectMapper().readTree(out()).path("aws");
        assertThat(aws.path("metrics").asLong()).isEqualTo(1_000);
        assertThat(aws.path("metricsAtMost").asLong()).isEqualTo(20_000);
    }

    @Test
    void csvHasAProfileColumnOnlyWhenThereAreSeveralProfiles() {
        Map<Target, FleetReader> oneProfile = new LinkedHashMap<>();
        oneProfile.put(PROD_USE1, reader(PROD_USE1, "api/web", 91.0, 40.0));
        oneProfile.put(PROD_EUW1, reader(PROD_EUW1, "batch/etl", 12.5, 3.0));

        assertThat(run(oneProfile, "--once", "--region", "us-east-1,eu-west-1", "--format", "csv")).isZero();

        assertThat(out()).isEqualTo("region,cluster,service,cpu,memory\r\n"
                + "us-east-1,api,web,91.0,40.0\r\n"
                + "eu-west-1,batch,etl,12.5,3.0\r\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void everyTargetFailingIsExit3WithALineEach() {
        Map<Target, FleetReader> readers = new LinkedHashMap<>();
        readers.put(PROD_USE1, failing(new Failure(Failure.Kind.ACCESS_DENIED, "cloudwatch:GetMetricData", "")));
        readers.put(PROD_EUW1, failing(new Failure(Failure.Kind.NETWORK, "cloudwatch:GetMetricData", "ConnectException")));

        assertThat(run(readers, "--once", "--region", "us-east-1,eu-west-1")).isEqualTo(3);

        assertThat(out()).isEmpty();
        assertThat(err().lines()).hasSize(2).allMatch(l -> l.startsWith("ecs-top: prod · "));
    }

    @Test
    void aClusterWithSeveralTargetsIsAUsageError() {
        assertThat(run(threeTargetsOneExpired(), "--once", "--region", "us-east-1,eu-west-1", "--cluster", "api")).isEqualTo(2);
        assertThat(err()).startsWith("ecs-top: --cluster names one cluster of one profile and region");
        assertThat(seen).isEmpty();
    }
}
