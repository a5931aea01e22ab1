package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import ecstop.testing.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Metrics Insights inside GetMetricData, on the wire of each protocol CloudWatch speaks: one
 * result per group, labelled with the group's values, ordered over the whole window before
 * LIMIT, billed per series analysed; malformed queries and a second query per call are
 * CloudWatch's validation error; the limits come back as messages.
 */
class MetricsInsightsWireTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");
    static final Instant END = Instant.parse("2026-11-21T13:00:00Z");
    static final Instant START = Instant.parse("2026-11-20T13:00:00Z");
    static final String FLEET_CPU = "SELECT MAX(CPUUtilization) FROM SCHEMA(\"AWS/ECS\", ClusterName, ServiceName) "
            + "GROUP BY ClusterName, ServiceName ORDER BY MAX() DESC LIMIT 500";
    static final String NS = CloudWatchQueryProtocolTest.NS;

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(fleet()).at(NOW);

    /** Two clusters: one on EC2 with an idle service, one on Fargate. */
    static Fleet fleet() {
        return Fleet.builder(5)
                .cluster("shop", 2, List.of(
                        SimService.running("web", SimService.EC2, 3),
                        SimService.running("cron", SimService.EC2, 1).idle(0, 0),
                        SimService.running("api", SimService.EC2, 2)))
                .cluster("data", 0, List.of(
                        SimService.running("etl", SimService.FARGATE, 1),
                        SimService.running("load", SimService.FARGATE, 2)))
                .build();
    }

    static String json(String expression, int period, Instant start, String extraQueries) {
        return "{\"MetricDataQueries\":[{\"Id\":\"fleet\",\"Expression\":" + RawHttp.JSON.valueToTree(expression)
                + ",\"Period\":" + period + "}" + extraQueries + "],\"StartTime\":" + start.getEpochSecond()
                + ",\"EndTime\":" + END.getEpochSecond() + ",\"ScanBy\":\"TimestampAscending\"}";
    }

    static JsonNode jsonOk(String expression) {
        RawHttp.Response r = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData", json(expression, 3600, START, ""));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static List<String> labels(JsonNode response) {
        List<String> out = new ArrayList<>();
        response.path("MetricDataResults").forEach(r -> out.add(r.path("Label").asText()));
        return out;
    }

    static double max(JsonNode result) {
        double m = Double.NEGATIVE_INFINITY;
        for (JsonNode v : result.path("Values")) {
            m = Math.max(m, v.asDouble());
        }
        return m;
    }

    @Test
    void cborAnswersOneResultPerServiceLabelledClusterSpaceServiceBusiestFirst() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = new CBORFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("MetricDataQueries");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("Id", "cpu");
            g.writeStringField("Expression", FLEET_CPU);
            g.writeNumberField("Period", 3600);
            g.writeEndObject();
            g.writeEndArray();
            for (Map.Entry<String, Instant> t : Map.of("StartTime", START, "EndTime", END).entrySet()) {
                g.writeFieldName(t.getKey());
                g.writeTag(1);
                g.writeNumber(t.getValue().getEpochSecond() + 0.0);
            }
            g.writeEndObject();
        }

        RawHttp.Response r = RawHttp.cloudWatchCbor(emulator.endpoint(), "GetMetricData", out.toByteArray());

        assertThat(r.status()).isEqualTo(200);
        JsonNode results = r.cbor().path("MetricDataResults");
        List<String> labels = labels(r.cbor());
        // cron has no running task: it publishes nothing, so it is neither analysed nor returned.
        assertThat(labels).containsExactlyInAnyOrder("shop web", "shop api", "data etl", "data load");
        assertThat(results).allSatisfy(x -> {
            assertThat(x.path("Id").asText()).isEqualTo("cpu");
            assertThat(x.path("StatusCode").asText()).isEqualTo("Complete");
            assertThat(x.path("Values")).hasSize(24);
        });
        List<Double> peaks = new ArrayList<>();
        results.forEach(x -> peaks.add(max(x)));
        assertThat(peaks).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        RequestLog.Counts counts = emulator.log().snapshot();
        assertThat(counts.metricsAnalysed()).isEqualTo(4);
        assertThat(counts.metricsRequested()).isEqualTo(4);
        assertThat(counts.protocols()).containsOnlyKeys("rpc-v2-cbor");
    }

    @Test
    void aGroupsValuesAreTheMetricStatStatisticOfThatService() {
        JsonNode insights = jsonOk(FLEET_CPU);
        JsonNode stat = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData",
                CloudWatchJson10ProtocolTest.metricData("web", ",\"ScanBy\":\"TimestampAscending\"")
                        .replace("MemoryUtilization", "CPUUtilization").replace("Average", "Maximum")).json();

        JsonNode web = null;
        for (JsonNode x : insights.path("MetricDataResults")) {
            if (x.path("Label").asText().equals("shop web")) {
                web = x;
            }
        }
        assertThat(web).isNotNull();
        assertThat(web.path("Values")).isEqualTo(stat.path("MetricDataResults").get(0).path("Values"));
        assertThat(web.path("Timestamps")).isEqualTo(stat.path("MetricDataResults").get(0).path("Timestamps"));
    }

    @Test
    void json10OrdersTheWholeWindowThenLimits() {
        JsonNode all = jsonOk(FLEET_CPU.replace("LIMIT 500", ""));
        JsonNode top2 = jsonOk(FLEET_CPU.replace("LIMIT 500", "LIMIT 2"));
        JsonNode bottom1 = jsonOk(FLEET_CPU.replace("DESC LIMIT 500", "ASC LIMIT 1"));

        assertThat(labels(top2)).containsExactlyElementsOf(labels(all).subList(0, 2));
        assertThat(labels(bottom1)).containsExactly(labels(all).get(3));
        // LIMIT cuts what comes back, not what is analysed (and billed).
        assertThat(emulator.log().snapshot().metricsAnalysed()).isEqualTo(12);
    }

    @Test
    void whereFiltersAndSchemaKeepsClusterLevelSeriesOut() {
        JsonNode shop = jsonOk("SELECT AVG(CPUUtilization) FROM SCHEMA(\"AWS/ECS\", ClusterName, ServiceName) "
                + "WHERE ClusterName = 'shop' AND ServiceName != 'api' GROUP BY ClusterName, ServiceName");
        JsonNode noSchema = jsonOk("SELECT MAX(CPUUtilization) FROM \"AWS/ECS\" GROUP BY ClusterName, ServiceName");
        JsonNode byCluster = jsonOk("select count(CPUUtilization) from schema(\"AWS/ECS\", ClusterName, ServiceName) "
                + "group by ClusterName order by sum() desc");

        assertThat(labels(shop)).containsExactly("shop web");
        // shop runs on EC2, so it also publishes a cluster-level series, which has no ServiceName.
        assertThat(labels(noSchema)).contains("shop Other").hasSize(5);
        assertThat(labels(byCluster)).containsExactlyInAnyOrder("shop", "data");
        JsonNode count = byCluster.path("MetricDataResults").get(0);
        // web runs 3 tasks and api 2: 5 observations a minute, 300 an hour.
        double perHour = labels(byCluster).get(0).equals("shop") ? 300 : 180;
        assertThat(count.path("Values").get(0).asDouble()).isEqualTo(perHour);
    }

    @Test
    void awsQueryCarriesTheExpressionAndListsEveryGroupAsAMember() throws Exception {
        String q = "MetricDataQueries.member.1.";
        String form = "Action=GetMetricData&Version=2010-08-01&" + q + "Id=mem&" + q + "Expression="
                + URLEncoder.encode(FLEET_CPU.replace("CPU", "Memory"), StandardCharsets.UTF_8) + "&" + q + "Period=3600"
                + "&StartTime=" + START + "&EndTime=" + END;

        RawHttp.Response r = RawHttp.cloudWatchQuery(emulator.endpoint(), form);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Document xml = CloudWatchQueryProtocolTest.xml(r);
        Element results = (Element) xml.getElementsByTagNameNS(NS, "MetricDataResults").item(0);
        NodeList members = results.getChildNodes();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < members.getLength(); i++) {
            Element m = (Element) members.item(i);
            labels.add(m.getElementsByTagNameNS(NS, "Label").item(0).getTextContent());
            assertThat(m.getElementsByTagNameNS(NS, "Id").item(0).getTextContent()).isEqualTo("mem");
        }
        assertThat(labels).containsExactlyInAnyOrder("shop web", "shop api", "data etl", "data load");
        assertThat(emulator.log().snapshot().protocols()).containsOnlyKeys("awsQuery");
    }

    @Test
    void aMalformedQueryIsAValidationErrorInEveryProtocol() throws Exception {
        String bad = "SELECT PERCENTILE(CPUUtilization) FROM \"AWS/ECS\"";

        RawHttp.Response json = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData", json(bad, 3600, START, ""));
        RawHttp.Response cbor = RawHttp.cloudWatchCbor(emulator.endpoint(), "GetMetricData",
                RawHttp.CBOR.writeValueAsBytes(RawHttp.JSON.readTree(json(bad, 3600, START, ""))));
        RawHttp.Response query = RawHttp.cloudWatchQuery(emulator.endpoint(), "Action=GetMetricData&Version=2010-08-01"
                + "&MetricDataQueries.member.1.Id=q&MetricDataQueries.member.1.Period=60&MetricDataQueries.member.1.Expression="
                + URLEncoder.encode(bad, StandardCharsets.UTF_8) + "&StartTime=" + START + "&EndTime=" + END);

        for (RawHttp.Response r : List.of(json, cbor)) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("x-amzn-query-error")).isEqualTo("ValidationError;Sender");
        }
        assertThat(json.json().path("__type").asText()).isEqualTo("com.amazon.coral.validate#ValidationException");
        assertThat(json.json().path("message").asText()).contains("MetricDataQueries.member.1.Expression")
                .contains("PERCENTILE");
        assertThat(query.status()).isEqualTo(400);
        assertThat(texts(CloudWatchQueryProtocolTest.xml(query).getDocumentElement(), "Code")).containsExactly("ValidationError");
    }

    @Test
    void theParserSaysWhatItExpected() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("SELECT MAX(CPUUtilization) FROM AWS/ECS", "unexpected character '/'");
        cases.put("SELECT MAX(CPUUtilization)", "expected FROM");
        cases.put(FLEET_CPU.replace("LIMIT 500", "LIMIT 501"), "LIMIT takes a whole number from 1 to 500");
        cases.put("SELECT MAX(CPUUtilization) FROM \"AWS/ECS\" WHERE ClusterName LIKE 'a%'", "expected = or !=");
        cases.put("SELECT MAX(CPUUtilization) FROM \"AWS/ECS\" WHERE ClusterName = 'a' OR ClusterName = 'b'", "OR is not supported");
        cases.put("SELECT MAX(CPUUtilization) FROM \"AWS/ECS\" ORDER BY MAX() SIDEWAYS", "unexpected 'SIDEWAYS'");
        cases.forEach((expression, expected) -> {
            RawHttp.Response r = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData", json(expression, 60, START, ""));
            assertThat(r.status()).as(expression).isEqualTo(400);
            assertThat(r.json().path("message").asText()).as(expression).contains(expected);
        });
    }

    @Test
    void oneMetricsInsightsQueryPerCallAndItNeedsAPeriod() {
        String second = ",{\"Id\":\"mem\",\"Expression\":" + RawHttp.JSON.valueToTree(FLEET_CPU.replace("CPU", "Memory"))
                + ",\"Period\":3600}";
        RawHttp.Response two = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData", json(FLEET_CPU, 3600, START, second));
        RawHttp.Response noPeriod = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData",
                json(FLEET_CPU, 3600, START, "").replace(",\"Period\":3600", ""));

        assertThat(two.status()).isEqualTo(400);
        assertThat(two.json().path("message").asText()).contains("only one Metrics Insights query");
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(noPeriod.json().path("message").asText()).contains("Period is required");
    }

    @Test
    void aWindowOlderThanTwoWeeksIsCutToTwoWeeksWithAMessage() {
        Instant start = END.minusSeconds(20L * 86_400);
        JsonNode r = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData", json(FLEET_CPU, 21_600, start, "")).json();

        assertThat(r.path("Messages").get(0).path("Code").asText()).isEqualTo("MaxQueryTimeRangeExceeded");
        long first = r.path("MetricDataResults").get(0).path("Timestamps").get(0).asLong();
        assertThat(first).isGreaterThanOrEqualTo(NOW.minusSeconds(14L * 86_400).getEpochSecond());
        assertThat(r.path("MetricDataResults").get(0).path("Values")).hasSize(14 * 4);
    }

    static List<String> texts(Element parent, String name) {
        return CloudWatchQueryProtocolTest.texts(parent, name);
    }
}
