package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GetMetricData's semantics, asked directly: window edges, order, ReturnData, validation. */
class CloudWatchApiTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");
    static final CloudWatchApi API = new CloudWatchApi(Fleet.demo(42), Clock.fixed(NOW, ZoneOffset.UTC));
    static final ObjectMapper JSON = new ObjectMapper();

    static CloudWatchApi.Reply call(String json) throws Exception {
        return API.call("GetMetricData", new Inputs(JSON.readTree(json), AwsError.VALIDATION));
    }

    static String query(String id, String stat, int period, String extra) {
        return "{\"Id\":\"" + id + "\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"AWS/ECS\",\"MetricName\":\"CPUUtilization\","
                + "\"Dimensions\":[{\"Name\":\"ClusterName\",\"Value\":\"storage-prod\"},"
                + "{\"Name\":\"ServiceName\",\"Value\":\"storage-prod_register\"}]},\"Period\":" + period
                + ",\"Stat\":\"" + stat + "\"}" + extra + "}";
    }

    static String request(String start, String end, String extra, String... queries) {
        return "{\"MetricDataQueries\":[" + String.join(",", queries) + "],\"StartTime\":\"" + start
                + "\",\"EndTime\":\"" + end + "\"" + extra + "}";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> result(CloudWatchApi.Reply r, int i) {
        return (Map<String, Object>) ((List<Object>) r.body().get("MetricDataResults")).get(i);
    }

    @Test
    void startTimeIsInclusiveAndEndTimeExclusive() throws Exception {
        CloudWatchApi.Reply r = call(request("2026-11-21T12:00:00Z", "2026-11-21T12:05:00Z",
                ",\"ScanBy\":\"TimestampAscending\"", query("a", "Average", 60, "")));

        assertThat(result(r, 0).get("Timestamps")).isEqualTo(List.of(
                Instant.parse("2026-11-21T12:00:00Z"), Instant.parse("2026-11-21T12:01:00Z"),
                Instant.parse("2026-11-21T12:02:00Z"), Instant.parse("2026-11-21T12:03:00Z"),
                Instant.parse("2026-11-21T12:04:00Z")));
    }

    @Test
    void newestFirstUnlessAskedOtherwise() throws Exception {
        CloudWatchApi.Reply r = call(request("2026-11-21T12:00:00Z", "2026-11-21T12:03:00Z", "", query("a", "Sum", 60, "")));

        assertThat(result(r, 0).get("Timestamps")).isEqualTo(List.of(
                Instant.parse("2026-11-21T12:02:00Z"), Instant.parse("2026-11-21T12:01:00Z"),
                Instant.parse("2026-11-21T12:00:00Z")));
    }

    @Test
    void theStillFillingMinuteAndTheFutureHaveNoDatapoints() throws Exception {
        CloudWatchApi.Reply r = call(request("2026-11-21T12:30:00Z", "2026-11-21T13:00:00Z", "", query("a", "Maximum", 60, "")));

        assertThat((List<?>) result(r, 0).get("Values")).hasSize(4);
    }

    @Test
    void queriesWithoutReturnDataAreBilledButNotAnswered() throws Exception {
        CloudWatchApi.Reply r = call(request("2026-11-21T10:00:00Z", "2026-11-21T12:00:00Z", "",
                query("a", "Maximum", 3600, ""), query("b", "Minimum", 3600, ",\"ReturnData\":false")));

        assertThat((List<?>) r.body().get("MetricDataResults")).hasSize(1);
        assertThat(r.metrics()).isEqualTo(2);
        assertThat(r.datapoints()).isEqualTo(2);
    }

    @Test
    void thirtyDaysAtSixHoursIsAHundredAndTwentyPoints() throws Exception {
        CloudWatchApi.Reply r = call(request("2026-10-22T12:00:00Z", "2026-11-21T12:00:00Z", "", query("a", "Maximum", 21_600, "")));

        assertThat((List<?>) result(r, 0).get("Values")).hasSize(120);
    }

    @Test
    void nothingIsKeptPastFourHundredFiftyFiveDays() throws Exception {
        CloudWatchApi.Reply r = call(request("2025-01-01T00:00:00Z", "2025-01-02T00:00:00Z", "", query("a", "Maximum", 3600, "")));

        assertThat((List<?>) result(r, 0).get("Values")).isEmpty();
    }

    @Test
    void expressionsAreAnsweredAsUnsupportedNotSilentlyEmpty() throws Exception {
        CloudWatchApi.Reply r = call(request("2026-11-21T10:00:00Z", "2026-11-21T12:00:00Z", "",
                "{\"Id\":\"e\",\"Expression\":\"SEARCH('{AWS/ECS} CPUUtilization', 'Maximum', 3600)\"}"));

        assertThat(result(r, 0).get("StatusCode")).isEqualTo("InternalError");
    }

    @Test
    void idsMustBeValidAndUnique() {
        assertThatThrownBy(() -> call(request("2026-11-21T10:00:00Z", "2026-11-21T12:00:00Z", "",
                query("A", "Maximum", 3600, "")))).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error).isEqualTo(AwsError.VALIDATION));
        assertThatThrownBy(() -> call(request("2026-11-21T10:00:00Z", "2026-11-21T12:00:00Z", "",
                query("a", "Maximum", 3600, ""), query("a", "Average", 3600, "")))).isInstanceOf(ApiException.class);
    }

    @Test
    void periodsMustBeMinutesAndTheWindowMustBeForward() {
        assertThatThrownBy(() -> call(request("2026-11-21T10:00:00Z", "2026-11-21T12:00:00Z", "",
                query("a", "Maximum", 90, "")))).hasMessageContaining("multiple of 60");
        assertThatThrownBy(() -> call(request("2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z", "",
                query("a", "Maximum", 60, "")))).hasMessageContaining("StartTime must be less than");
    }
}
