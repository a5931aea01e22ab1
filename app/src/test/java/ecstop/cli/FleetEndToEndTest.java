package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecstop.emulator.Accounts;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import ecstop.emulator.SimService;
import ecstop.testing.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command, in a child JVM with its own ~/.aws (profiles are read from files the JVM
 * cannot redirect for itself), against one emulator serving two accounts in two regions:
 * --profile prod,dev --region us-east-1,eu-west-1 is four targets; dev's policy denies
 * GetMetricData, so its two targets are a line each on stderr while prod's two regions print.
 */
class FleetEndToEndTest {
    static final String PROD = "111111111111";
    static final String DEV = "222222222222";

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Accounts.builder(12)
            .account(PROD, "AKIDPRODE2E").fleet(fleet(PROD, "us-east-1", "shop", "search", "billing"))
                    .fleet(fleet(PROD, "eu-west-1", "shop-eu"))
            .and().account(DEV, "AKIDDEVE2E").fleet(fleet(DEV, "us-east-1", "sandbox")).denies("GetMetricData")
            .build());

    @TempDir
    static Path home;

    static Fleet fleet(String account, String region, String... clusters) {
        Fleet.Builder b = Fleet.builder(12).account(account).region(region);
        for (String c : clusters) {
            b.cluster(c, 0, List.of(SimService.running("web", SimService.FARGATE, 2), SimService.running("worker", SimService.FARGATE, 1)));
        }
        return b.build();
    }

    @BeforeAll
    static void profiles() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), String.join("\n",
                "[prod]", "aws_access_key_id = AKIDPRODE2E", "aws_secret_access_key = prod-secret", "",
                "[dev]", "aws_access_key_id = AKIDDEVE2E", "aws_secret_access_key = dev-secret", ""));
        Files.writeString(home.resolve(".aws/config"), "");
    }

    static ChildEcsTop.Result ecsTop(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("--endpoint-url", emulator.endpoint().toString()));
        all.addAll(List.of(args));
        return ChildEcsTop.run(home, Map.of("XDG_CONFIG_HOME", home.resolve("config").toString()), all);
    }

    @Test
    void profilesTimesRegionsPrintTheFleetAndTheDeniedTargetsALineEach() throws Exception {
        ChildEcsTop.Result r = ecsTop("--once", "--profile", "prod,dev", "--region", "us-east-1,eu-west-1", "--format", "json");

        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(r.err().lines()).containsExactly(
                "ecs-top: dev · us-east-1: access denied to cloudwatch:GetMetricData (the IAM policy needs cloudwatch:GetMetricData)",
                "ecs-top: dev · eu-west-1: access denied to cloudwatch:GetMetricData (the IAM policy needs cloudwatch:GetMetricData)");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        List<String> rows = new ArrayList<>();
        doc.path("services").forEach(s -> rows.add(s.path("profile").asText() + " " + s.path("region").asText() + " "
                + s.path("cluster").asText() + " " + s.path("service").asText()));
        assertThat(rows).containsExactlyInAnyOrder(
                "prod us-east-1 shop web", "prod us-east-1 shop worker", "prod us-east-1 search web",
                "prod us-east-1 search worker", "prod us-east-1 billing web", "prod us-east-1 billing worker",
                "prod eu-west-1 shop-eu web", "prod eu-west-1 shop-eu worker");
        // Two GetMetricData calls per target that answered; the denied ones are not retried.
        RequestLog.Counts counts = emulator.log().snapshot();
        assertThat(counts.calls("GetMetricData")).isEqualTo(2 * 2 + 2 * 2);
        assertThat(counts.totalCalls()).isEqualTo(counts.calls("GetMetricData"));
        // What the command says it cost is what the emulator counted.
        assertThat(doc.path("aws").path("calls").path("GetMetricData").asLong()).isEqualTo(counts.calls("GetMetricData"));
        assertThat(doc.path("aws").path("metrics").asLong()).isEqualTo(counts.metricsRequested());
    }

    @Test
    void oneTargetWithSeveralClustersPrintsTheFleetAsText() throws Exception {
        ChildEcsTop.Result r = ecsTop("--once", "--profile", "prod", "--region", "us-east-1");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("CPU · fleet · peak 24h\n").contains("shop / web", "search / worker", "billing / web")
                .contains("6 services in 3 clusters");
    }
}
