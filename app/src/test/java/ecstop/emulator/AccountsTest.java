package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecstop.testing.EmulatorExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One emulator, several targets: the account comes from the access key in the SigV4
 * Authorization header, the region from its credential scope; a monitoring account's
 * Metrics Insights queries reach its linked source accounts, its ECS calls do not.
 */
class AccountsTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");
    static final String PROD = "111111111111";
    static final String DEV = "222222222222";
    static final String MONITORING = "333333333333";

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(accounts()).at(NOW);

    static Fleet fleet(String account, String region, String cluster, String... services) {
        List<SimService> list = new ArrayList<>();
        for (String s : services) {
            list.add(SimService.running(s, SimService.FARGATE, 2));
        }
        return Fleet.builder(4).account(account).region(region).cluster(cluster, 0, list).build();
    }

    static Accounts accounts() {
        return Accounts.builder(4)
                .account(PROD, "AKIDPROD")
                    .fleet(fleet(PROD, "us-east-1", "prod-use1", "web", "api"))
                    .fleet(fleet(PROD, "eu-west-1", "prod-euw1", "web"))
                .and().account(DEV, "AKIDDEV")
                    .fleet(fleet(DEV, "us-east-1", "dev-use1", "web"))
                    .denies("GetMetricData")
                .and().account(MONITORING, "AKIDMON")
                    .fleet(fleet(MONITORING, "us-east-1", "obs", "collector"))
                    .monitoring(PROD, DEV)
                .build();
    }

    static Map<String, String> signed(String key, String region, String contentType, String target) {
        return Map.of("Content-Type", contentType, "X-Amz-Target", target, "Authorization",
                "AWS4-HMAC-SHA256 Credential=" + key + "/20261121/" + region + "/ecs/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, Signature=0000");
    }

    static RawHttp.Response ecs(String key, String region, String operation) {
        URI uri = emulator.endpoint();
        return RawHttp.post(uri, signed(key, region, "application/x-amz-json-1.1",
                "AmazonEC2ContainerServiceV20141113." + operation), "{}".getBytes(StandardCharsets.UTF_8));
    }

    static RawHttp.Response insights(String key, String region, String expression) {
        return RawHttp.post(emulator.endpoint(), signed(key, region, "application/x-amz-json-1.0",
                "GraniteServiceVersion20100801.GetMetricData"), MetricsInsightsWireTest.json(expression, 3600,
                MetricsInsightsWireTest.START, "").getBytes(StandardCharsets.UTF_8));
    }

    static List<String> arns(RawHttp.Response r) {
        List<String> out = new ArrayList<>();
        r.json().path("clusterArns").forEach(a -> out.add(a.asText()));
        return out;
    }

    @Test
    void theKeyPicksTheAccountAndTheScopeTheRegion() {
        assertThat(arns(ecs("AKIDPROD", "us-east-1", "ListClusters")))
                .containsExactly("arn:aws:ecs:us-east-1:" + PROD + ":cluster/prod-use1");
        assertThat(arns(ecs("AKIDPROD", "eu-west-1", "ListClusters")))
                .containsExactly("arn:aws:ecs:eu-west-1:" + PROD + ":cluster/prod-euw1");
        assertThat(arns(ecs("AKIDDEV", "us-east-1", "ListClusters")))
                .containsExactly("arn:aws:ecs:us-east-1:" + DEV + ":cluster/dev-use1");
        assertThat(arns(ecs("AKIDDEV", "ap-south-1", "ListClusters"))).isEmpty();
        // An unknown key is the first account's.
        assertThat(arns(ecs("AKIDWHO", "us-east-1", "ListClusters"))).containsExactly(
                "arn:aws:ecs:us-east-1:" + PROD + ":cluster/prod-use1");
    }

    @Test
    void anAccountsPolicyDeniesOnlyThatAccount() {
        RawHttp.Response dev = insights("AKIDDEV", "us-east-1", MetricsInsightsWireTest.FLEET_CPU);
        RawHttp.Response prod = insights("AKIDPROD", "us-east-1", MetricsInsightsWireTest.FLEET_CPU);

        assertThat(dev.status()).isEqualTo(400);
        assertThat(dev.header("x-amzn-query-error")).isEqualTo("AccessDenied;Sender");
        assertThat(dev.json().path("message").asText()).contains("arn:aws:sts::" + DEV + ":").contains("cloudwatch:GetMetricData");
        assertThat(prod.status()).isEqualTo(200);
        assertThat(MetricsInsightsWireTest.labels(prod.json())).containsExactlyInAnyOrder("prod-use1 web", "prod-use1 api");
    }

    @Test
    void aMonitoringAccountQueriesItsSourceAccountsByAccountId() {
        JsonNode all = insights("AKIDMON", "us-east-1", MetricsInsightsWireTest.FLEET_CPU
                .replace("GROUP BY ClusterName, ServiceName", "GROUP BY ClusterName, ServiceName, AWS.AccountId")).json();
        JsonNode onlyDev = insights("AKIDMON", "us-east-1", MetricsInsightsWireTest.FLEET_CPU
                .replace("GROUP BY", "WHERE AWS.AccountId = '" + DEV + "' GROUP BY")).json();

        assertThat(MetricsInsightsWireTest.labels(all)).containsExactlyInAnyOrder(
                "obs collector " + MONITORING, "prod-use1 web " + PROD, "prod-use1 api " + PROD, "dev-use1 web " + DEV);
        assertThat(MetricsInsightsWireTest.labels(onlyDev)).containsExactly("dev-use1 web");
        // ECS is not cross-account: the monitoring account lists its own clusters only.
        assertThat(arns(ecs("AKIDMON", "us-east-1", "ListClusters")))
                .containsExactly("arn:aws:ecs:us-east-1:" + MONITORING + ":cluster/obs");
    }

    @Test
    void aMonitoringAccountReadsOneSourceMetricByAccountId() {
        String body = "{\"MetricDataQueries\":[{\"Id\":\"m\",\"AccountId\":\"" + PROD + "\",\"MetricStat\":{\"Metric\":"
                + "{\"Namespace\":\"AWS/ECS\",\"MetricName\":\"CPUUtilization\",\"Dimensions\":[{\"Name\":\"ClusterName\","
                + "\"Value\":\"prod-use1\"},{\"Name\":\"ServiceName\",\"Value\":\"web\"}]},\"Period\":3600,\"Stat\":\"Maximum\"}}],"
                + "\"StartTime\":" + MetricsInsightsWireTest.START.getEpochSecond() + ",\"EndTime\":"
                + MetricsInsightsWireTest.END.getEpochSecond() + "}";
        RawHttp.Response own = RawHttp.post(emulator.endpoint(), signed("AKIDMON", "us-east-1", "application/x-amz-json-1.0",
                "GraniteServiceVersion20100801.GetMetricData"), body.replace(",\"AccountId\":\"" + PROD + "\"", "")
                .getBytes(StandardCharsets.UTF_8));
        RawHttp.Response linked = RawHttp.post(emulator.endpoint(), signed("AKIDMON", "us-east-1",
                "application/x-amz-json-1.0", "GraniteServiceVersion20100801.GetMetricData"), body.getBytes(StandardCharsets.UTF_8));

        assertThat(own.json().path("MetricDataResults").get(0).path("Values")).isEmpty();
        assertThat(linked.json().path("MetricDataResults").get(0).path("Values")).hasSize(24);
    }

    @Test
    void theDemoServesTwoRegionsAndOptionallyAMonitoringAccount() {
        Accounts plain = Accounts.demo(42, 10, false);
        Accounts monitoring = Accounts.demo(42, 10, true);
        Accounts.Caller east = plain.caller(signed("AKIDANY", "us-east-1", "", "").get("Authorization"));
        Accounts.Caller west = plain.caller(signed("AKIDANY", Accounts.DEMO_SECOND_REGION, "", "").get("Authorization"));

        assertThat(plain.fleet(east).clusters()).extracting(SimCluster::name).contains("storage-prod", "catalogue");
        assertThat(plain.fleet(west).clusters()).extracting(SimCluster::name).containsExactly("checkout-eu", "media-eu");
        assertThat(plain.fleet(west).clusterArn("media-eu")).isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/media-eu");
        Accounts.Caller mon = monitoring.caller(signed("AKIDANY", "us-east-1", "", "").get("Authorization"));
        assertThat(monitoring.visible(mon)).extracting(MetricsInsights.Source::account)
                .containsExactly(Fleet.ACCOUNT, Accounts.DEMO_SOURCE_ACCOUNT);
        assertThat(monitoring.fleet(mon).clusters()).extracting(SimCluster::name).doesNotContain("analytics-prod");
    }
}
