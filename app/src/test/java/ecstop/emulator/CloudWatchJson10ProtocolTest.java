package ecstop.emulator;

import static ecstop.emulator.CloudWatchFixture.END;
import static ecstop.emulator.CloudWatchFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecstop.testing.EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CloudWatch over awsJson1_0 (what awscli 1.x sends): epoch-second timestamps, query error header. */
class CloudWatchJson10ProtocolTest {
    @RegisterExtension
    static final EmulatorExtension emulator = CloudWatchFixture.emulator();

    static String metricData(String service, String extra) {
        return "{\"MetricDataQueries\":[{\"Id\":\"m\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"AWS/ECS\","
                + "\"MetricName\":\"MemoryUtilization\",\"Dimensions\":[{\"Name\":\"ClusterName\",\"Value\":\"shop\"},"
                + "{\"Name\":\"ServiceName\",\"Value\":\"" + service + "\"}]},\"Period\":3600,\"Stat\":\"Average\"}}],"
                + "\"StartTime\":" + START.getEpochSecond() + ",\"EndTime\":" + END.getEpochSecond() + extra + "}";
    }

    static String statistics(long start, int period) {
        return statistics(start, END.getEpochSecond(), period);
    }

    static String statistics(long start, long end, int period) {
        return "{\"Namespace\":\"AWS/ECS\",\"MetricName\":\"CPUUtilization\",\"Dimensions\":["
                + "{\"Name\":\"ClusterName\",\"Value\":\"shop\"},{\"Name\":\"ServiceName\",\"Value\":\"web\"}],"
                + "\"StartTime\":" + start + ",\"EndTime\":" + end + ",\"Period\":" + period
                + ",\"Statistics\":[\"Maximum\",\"Minimum\"]}";
    }

    @Test
    void getMetricDataAnswersJsonWithEpochSecondTimestamps() {
        RawHttp.Response r = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData",
                metricData("web", ",\"ScanBy\":\"TimestampAscending\""));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        JsonNode result = r.json().path("MetricDataResults").get(0);
        assertThat(result.path("Timestamps").get(0).isIntegralNumber()).isTrue();
        assertThat(result.path("Timestamps").get(0).asLong()).isEqualTo(START.getEpochSecond());
        assertThat(result.path("Values")).hasSize(24);
        assertThat(result.path("StatusCode").asText()).isEqualTo("Complete");
        assertThat(emulator.log().snapshot().protocols()).containsOnlyKeys("awsJson1_0");
    }

    @Test
    void anIdleServiceAnswersEmptyLists() {
        JsonNode result = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData", metricData("cron", ""))
                .json().path("MetricDataResults").get(0);

        assertThat(result.path("Timestamps").isArray()).isTrue();
        assertThat(result.path("Timestamps")).isEmpty();
        assertThat(result.path("Values")).isEmpty();
    }

    @Test
    void pagesWithNextToken() {
        JsonNode first = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData",
                metricData("web", ",\"MaxDatapoints\":20")).json();
        JsonNode second = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData",
                metricData("web", ",\"MaxDatapoints\":20,\"NextToken\":\"" + first.path("NextToken").asText() + "\"")).json();

        assertThat(first.path("MetricDataResults").get(0).path("StatusCode").asText()).isEqualTo("PartialData");
        assertThat(first.path("MetricDataResults").get(0).path("Values")).hasSize(20);
        assertThat(second.path("MetricDataResults").get(0).path("Values")).hasSize(4);
        assertThat(second.has("NextToken")).isFalse();
    }

    @Test
    void getMetricStatisticsAnswersTheAskedStatisticsOnly() {
        JsonNode r = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricStatistics",
                statistics(START.getEpochSecond(), 3600)).json();

        assertThat(r.path("Label").asText()).isEqualTo("CPUUtilization");
        assertThat(r.path("Datapoints")).hasSize(24);
        JsonNode d = r.path("Datapoints").get(0);
        assertThat(d.path("Maximum").asDouble()).isGreaterThanOrEqualTo(d.path("Minimum").asDouble());
        assertThat(d.has("Average")).isFalse();
        assertThat(d.path("Unit").asText()).isEqualTo("Percent");
    }

    @Test
    void getMetricStatisticsPastFourteenFortyIsInvalidParameterCombination() {
        RawHttp.Response ok = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricStatistics",
                statistics(END.getEpochSecond() - 1440 * 60, 60));
        RawHttp.Response tooMany = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricStatistics",
                statistics(END.getEpochSecond() - 1441 * 60, 60));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.header("x-amzn-query-error")).isEqualTo("InvalidParameterCombination;Sender");
        assertThat(tooMany.json().path("__type").asText())
                .isEqualTo("com.amazonaws.cloudwatch#InvalidParameterCombinationException");
    }

    @Test
    void aPeriodFinerThanTheDataKeptAtThatAgeGivesNoDatapointsNotAnError() {
        long twentyDaysAgo = END.getEpochSecond() - 20 * 86_400;
        long dayLater = twentyDaysAgo + 86_400;
        RawHttp.Response r = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricStatistics",
                statistics(twentyDaysAgo, dayLater, 120));
        RawHttp.Response fiveMinutes = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricStatistics",
                statistics(twentyDaysAgo, dayLater, 300));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("Datapoints")).isEmpty();
        assertThat(fiveMinutes.json().path("Datapoints")).hasSize(288);
    }

    @Test
    void aMissingParameterIsMissingParameter() {
        RawHttp.Response r = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricStatistics", "{\"Namespace\":\"AWS/ECS\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("x-amzn-query-error")).isEqualTo("MissingParameter;Sender");
    }

    @Test
    void accessDeniedNamesTheAction() {
        emulator.faults(Faults.NONE.withDenied("GetMetricData"));

        RawHttp.Response r = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData", metricData("web", ""));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("x-amzn-query-error")).isEqualTo("AccessDenied;Sender");
        assertThat(r.json().path("__type").asText()).isEqualTo("com.amazon.coral.service#AccessDeniedException");
        assertThat(r.json().path("message").asText()).contains("cloudwatch:GetMetricData");
    }

    @Test
    void aRequestWithoutAuthorizationIsRejected() {
        RawHttp.Response r = RawHttp.post(emulator.endpoint(), Map.of(
                "Content-Type", "application/x-amz-json-1.0",
                "X-Amz-Target", "GraniteServiceVersion20100801.GetMetricData"),
                metricData("web", "").getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("__type").asText()).isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
    }

    @Test
    void anUnknownOperationIsRejected() {
        RawHttp.Response r = RawHttp.cloudWatchJson(emulator.endpoint(), "DeleteAlarms", "{}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("__type").asText()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
    }
}
