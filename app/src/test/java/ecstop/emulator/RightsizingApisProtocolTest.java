package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecstop.testing.EmulatorExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reads right-sizing needs, as they look on the wire: ECS DescribeTaskDefinition,
 * Application Auto Scaling DescribeScalingPolicies and the Price List's GetProducts, all
 * awsJson1_1, with their limits, paging and errors.
 */
class RightsizingApisProtocolTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().at(NOW);

    static RawHttp.Response scaling(String json) {
        return RawHttp.json11(emulator.endpoint(), Route.AUTOSCALING_PREFIX, "DescribeScalingPolicies", json);
    }

    static RawHttp.Response products(String json) {
        return RawHttp.json11(emulator.endpoint(), Route.PRICING_PREFIX, "GetProducts", json);
    }

    @Test
    void aFargateTaskDefinitionHasTaskLevelSizesAsStrings() {
        RawHttp.Response r = RawHttp.ecs(emulator.endpoint(), "DescribeTaskDefinition",
                "{\"taskDefinition\":\"storage-prod_bags-api\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/x-amz-json-1.1");
        JsonNode td = r.json().path("taskDefinition");
        assertThat(td.path("taskDefinitionArn").asText())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/storage-prod_bags-api:1");
        assertThat(td.path("requiresCompatibilities").get(0).asText()).isEqualTo("FARGATE");
        assertThat(td.path("cpu").isTextual()).isTrue();
        assertThat(td.path("memory").isTextual()).isTrue();
        assertThat(td.path("runtimePlatform").path("cpuArchitecture").asText()).isIn("X86_64", "ARM64");
        assertThat(td.path("registeredAt").isNumber()).isTrue();
        assertThat(r.json().path("tags").isArray()).isTrue();
    }

    @Test
    void anEc2TaskDefinitionWithASoftLimitSizesItsContainers() {
        JsonNode td = RawHttp.ecs(emulator.endpoint(), "DescribeTaskDefinition",
                "{\"taskDefinition\":\"arn:aws:ecs:us-east-1:123456789012:task-definition/storage-prod_bag-verifier:1\"}")
                .json().path("taskDefinition");

        assertThat(td.has("cpu")).isFalse();
        assertThat(td.has("memory")).isFalse();
        JsonNode app = td.path("containerDefinitions").get(0);
        assertThat(app.path("cpu").isInt()).isTrue();
        assertThat(app.path("memoryReservation").asInt()).isPositive();
        assertThat(app.has("memory")).isFalse();
    }

    @Test
    void revisionsUpToTheServicesAreDescribableAndOthersAreAClientException() {
        // storage-prod_bag-unpacker is deploying revision 2 over revision 1.
        assertThat(RawHttp.ecs(emulator.endpoint(), "DescribeTaskDefinition", "{\"taskDefinition\":\"storage-prod_bag-unpacker:1\"}")
                .json().path("taskDefinition").path("revision").asInt()).isEqualTo(1);
        assertThat(RawHttp.ecs(emulator.endpoint(), "DescribeTaskDefinition", "{\"taskDefinition\":\"storage-prod_bag-unpacker\"}")
                .json().path("taskDefinition").path("revision").asInt()).isEqualTo(2);

        RawHttp.Response missing = RawHttp.ecs(emulator.endpoint(), "DescribeTaskDefinition", "{\"taskDefinition\":\"ghost:1\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("__type").asText()).isEqualTo("ClientException");
        assertThat(missing.json().path("message").asText()).isEqualTo("Unable to describe task definition.");
        assertThat(RawHttp.ecs(emulator.endpoint(), "DescribeTaskDefinition", "{\"taskDefinition\":\"storage-prod_register:9\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void scalingPoliciesFilterByResourceAndDescribeTargetTracking() {
        JsonNode r = scaling("{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/data-pipeline/transform\"}").json();

        List<String> metrics = new ArrayList<>();
        r.path("ScalingPolicies").forEach(p -> metrics.add(p.path("TargetTrackingScalingPolicyConfiguration")
                .path("PredefinedMetricSpecification").path("PredefinedMetricType").asText()));
        assertThat(metrics).containsExactlyInAnyOrder("ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization");
        JsonNode first = r.path("ScalingPolicies").get(0);
        assertThat(first.path("PolicyType").asText()).isEqualTo("TargetTrackingScaling");
        assertThat(first.path("ScalableDimension").asText()).isEqualTo("ecs:service:DesiredCount");
        assertThat(first.path("PolicyARN").asText()).startsWith("arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:");
        assertThat(first.path("CreationTime").isNumber()).isTrue();
        assertThat(r.has("NextToken")).isFalse();
    }

    @Test
    void scalingPoliciesPageByTenAndNeedANamespace() {
        JsonNode page = scaling("{\"ServiceNamespace\":\"ecs\",\"MaxResults\":2}").json();
        String token = page.path("NextToken").asText();
        List<String> ids = new ArrayList<>();
        page.path("ScalingPolicies").forEach(p -> ids.add(p.path("PolicyName").asText()));
        while (!token.isEmpty()) {
            JsonNode next = scaling("{\"ServiceNamespace\":\"ecs\",\"MaxResults\":2,\"NextToken\":\"" + token + "\"}").json();
            next.path("ScalingPolicies").forEach(p -> ids.add(p.path("PolicyName").asText()));
            token = next.path("NextToken").asText();
        }
        assertThat(ids).hasSize(emulator.fleet().scalingPolicies().size()).doesNotHaveDuplicates();
        assertThat(scaling("{\"ServiceNamespace\":\"dynamodb\"}").json().path("ScalingPolicies")).isEmpty();

        RawHttp.Response noNamespace = scaling("{}");
        assertThat(noNamespace.status()).isEqualTo(400);
        assertThat(noNamespace.json().path("__type").asText()).isEqualTo("ValidationException");
        assertThat(scaling("{\"ServiceNamespace\":\"ecs\",\"MaxResults\":11}").json().path("__type").asText())
                .isEqualTo("ValidationException");
    }

    @Test
    void getProductsAnswersPriceListItemsAsJsonStrings() throws Exception {
        RawHttp.Response r = products("{\"ServiceCode\":\"AmazonECS\",\"FormatVersion\":\"aws_v1\","
                + "\"Filters\":[{\"Type\":\"TERM_MATCH\",\"Field\":\"regionCode\",\"Value\":\"us-east-1\"}]}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("FormatVersion").asText()).isEqualTo("aws_v1");
        JsonNode list = r.json().path("PriceList");
        assertThat(list.size()).isEqualTo(7);
        list.forEach(item -> assertThat(item.isTextual()).isTrue());
        JsonNode first = RawHttp.JSON.readTree(list.get(0).asText());
        assertThat(first.path("product").path("attributes").path("usagetype").asText()).isEqualTo("USE1-Fargate-vCPU-Hours:perCPU");
        assertThat(first.path("terms").path("OnDemand").elements().next().path("priceDimensions").elements().next()
                .path("pricePerUnit").path("USD").asText()).isEqualTo("0.0404800000");
    }

    @Test
    void getProductsPagesAndChecksItsInput() {
        JsonNode page = products("{\"ServiceCode\":\"AmazonECS\",\"MaxResults\":30}").json();
        assertThat(page.path("PriceList")).hasSize(30);
        assertThat(page.path("NextToken").asText()).isNotEmpty();
        assertThat(products("{\"ServiceCode\":\"AmazonEC2\"}").json().path("PriceList")).isEmpty();

        RawHttp.Response noCode = products("{}");
        assertThat(noCode.status()).isEqualTo(400);
        assertThat(noCode.json().path("__type").asText()).isEqualTo("InvalidParameterException");
        assertThat(products("{\"ServiceCode\":\"AmazonECS\",\"MaxResults\":101}").status()).isEqualTo(400);
        assertThat(products("{\"ServiceCode\":\"AmazonECS\",\"NextToken\":\"nope\"}").json().path("__type").asText())
                .isEqualTo("InvalidNextTokenException");
    }

    @Test
    void deniedActionsNameTheirIamPrefix() {
        emulator.faults(Faults.NONE.withDenied("pricing:GetProducts", "application-autoscaling:DescribeScalingPolicies"));

        RawHttp.Response p = products("{\"ServiceCode\":\"AmazonECS\"}");
        RawHttp.Response s = scaling("{\"ServiceNamespace\":\"ecs\"}");

        assertThat(p.json().path("__type").asText()).isEqualTo("AccessDeniedException");
        assertThat(p.json().path("message").asText()).contains("pricing:GetProducts");
        assertThat(s.json().path("message").asText()).contains("application-autoscaling:DescribeScalingPolicies");
        assertThat(emulator.log().snapshot().calls()).containsEntry("GetProducts", 1L).containsEntry("DescribeScalingPolicies", 1L);
    }
}
