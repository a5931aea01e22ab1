package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Application Auto Scaling's DescribeScalingActivities on the wire (awsJson1_1): the demo's
 * scaling services scale out when their load passes the policy's target and back in after,
 * newest first, within six weeks, at most 50 a page.
 */
class ScalingActivitiesProtocolTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().at(NOW);

    static RawHttp.Response activities(String json) {
        return RawHttp.json11(emulator.endpoint(), Route.AUTOSCALING_PREFIX, "DescribeScalingActivities", json);
    }

    static List<JsonNode> all(String resourceId) {
        List<JsonNode> out = new ArrayList<>();
        String token = "";
        do {
            JsonNode page = activities("{\"ServiceNamespace\":\"ecs\"" + (resourceId == null ? "" : ",\"ResourceId\":\"" + resourceId + "\"")
                    + (token.isEmpty() ? "" : ",\"NextToken\":\"" + token + "\"") + "}").json();
            assertThat(page.path("ScalingActivities").size()).isLessThanOrEqualTo(50);
            page.path("ScalingActivities").forEach(out::add);
            token = page.path("NextToken").asText();
        } while (!token.isEmpty());
        return out;
    }

    @Test
    void aTrackedServiceScalesOutAboveItsTargetAndBackInNewestFirst() {
        List<JsonNode> bags = all("service/storage-prod/storage-prod_bags-api");

        assertThat(bags).isNotEmpty().hasSizeLessThan(2 * 42 * 24);
        Instant previous = Instant.MAX;
        for (JsonNode a : bags) {
            Instant start = Instant.ofEpochMilli((long) (a.path("StartTime").asDouble() * 1000));
            Instant end = Instant.ofEpochMilli((long) (a.path("EndTime").asDouble() * 1000));
            assertThat(start).isBeforeOrEqualTo(previous).isAfter(NOW.minus(Duration.ofDays(42)));
            assertThat(end).isAfter(start).isBeforeOrEqualTo(NOW);
            previous = start;
            assertThat(a.path("ServiceNamespace").asText()).isEqualTo("ecs");
            assertThat(a.path("ResourceId").asText()).isEqualTo("service/storage-prod/storage-prod_bags-api");
            assertThat(a.path("ScalableDimension").asText()).isEqualTo("ecs:service:DesiredCount");
            assertThat(a.path("StatusCode").asText()).isEqualTo("Successful");
            assertThat(a.path("ActivityId").asText()).matches("[0-9a-f-]{36}");
            assertThat(a.path("Description").asText()).matches("Setting desired count to \\d+\\.");
            assertThat(a.path("Cause").asText()).matches("monitor alarm TargetTracking-service/storage-prod/storage-prod_bags-api"
                    + "-Alarm(High|Low)-[0-9a-f-]{36} in state ALARM triggered policy storage-prod_bags-api-ECSServiceAverageCPUUtilization");
        }
        // the newest is a scale-in back to the service's desired count (3): DescribeServices stays right
        assertThat(bags.get(0).path("Description").asText()).isEqualTo("Setting desired count to 3.");
        assertThat(bags.get(1).path("Description").asText()).isEqualTo("Setting desired count to 4.");
        assertThat(bags.get(0).path("StatusMessage").asText())
                .isEqualTo("Successfully set desired count to 3. Change successfully fulfilled by ecs.");
    }

    @Test
    void theNamespacePagesByFiftyAndChecksItsInput() {
        List<JsonNode> everything = all(null);
        JsonNode two = activities("{\"ServiceNamespace\":\"ecs\",\"MaxResults\":2}").json();

        assertThat(everything.stream().map(a -> a.path("ResourceId").asText()).distinct().toList())
                .contains("service/storage-prod/storage-prod_bags-api", "service/data-pipeline/transform");
        assertThat(everything).hasSizeGreaterThan(50);
        assertThat(two.path("ScalingActivities")).hasSize(2);
        assertThat(activities("{\"ServiceNamespace\":\"dynamodb\"}").json().path("ScalingActivities")).isEmpty();
        assertThat(activities("{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/sandbox/none\"}").json()
                .path("ScalingActivities")).isEmpty();
        assertThat(activities("{}").json().path("__type").asText()).isEqualTo("ValidationException");
        assertThat(activities("{\"ServiceNamespace\":\"ecs\",\"MaxResults\":51}").json().path("__type").asText())
                .isEqualTo("ValidationException");
        assertThat(activities("{\"ServiceNamespace\":\"ecs\",\"NextToken\":\"nope\"}").status()).isEqualTo(400);
        assertThat(emulator.log().snapshot().calls("DescribeScalingActivities")).isGreaterThan(4);
    }
}
