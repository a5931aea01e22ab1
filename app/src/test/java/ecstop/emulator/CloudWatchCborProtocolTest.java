package ecstop.emulator;

import static ecstop.emulator.CloudWatchFixture.END;
import static ecstop.emulator.CloudWatchFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import ecstop.testing.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CloudWatch over smithy-rpc-v2-cbor on the wire: tag-1 timestamps, paging, errors. */
class CloudWatchCborProtocolTest {
    @RegisterExtension
    static final EmulatorExtension emulator = CloudWatchFixture.emulator();

    static final CBORFactory CBOR = new CBORFactory();

    /** GetMetricData for shop/web, written the way the SDK writes it (timestamps under tag 1). */
    static byte[] getMetricData(int queries, Integer maxDatapoints, String nextToken) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName("MetricDataQueries");
            g.writeStartArray();
            for (int i = 0; i < queries; i++) {
                g.writeStartObject();
                g.writeStringField("Id", "q" + i);
                g.writeFieldName("MetricStat");
                g.writeStartObject();
                g.writeFieldName("Metric");
                g.writeStartObject();
                g.writeStringField("Namespace", "AWS/ECS");
                g.writeStringField("MetricName", "CPUUtilization");
                g.writeFieldName("Dimensions");
                g.writeStartArray();
                dimension(g, "ClusterName", "shop");
                dimension(g, "ServiceName", "web");
                g.writeEndArray();
                g.writeEndObject();
                g.writeNumberField("Period", 3600);
                g.writeStringField("Stat", i % 2 == 0 ? "Maximum" : "Average");
                g.writeEndObject();
                g.writeBooleanField("ReturnData", true);
                g.writeEndObject();
            }
            g.writeEndArray();
            timestamp(g, "StartTime", START);
            timestamp(g, "EndTime", END);
            if (maxDatapoints != null) {
                g.writeNumberField("MaxDatapoints", maxDatapoints);
            }
            if (nextToken != null) {
                g.writeStringField("NextToken", nextToken);
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void dimension(CBORGenerator g, String name, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", name);
        g.writeStringField("Value", value);
        g.writeEndObject();
    }

    private static void timestamp(CBORGenerator g, String field, Instant t) throws IOException {
        g.writeFieldName(field);
        g.writeTag(1);
        g.writeNumber(t.getEpochSecond() + 0.0);
    }

    @Test
    void answersCborWithTheProtocolHeader() throws IOException {
        RawHttp.Response r = RawHttp.cloudWatchCbor(emulator.endpoint(), "GetMetricData", getMetricData(2, null, null));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/cbor");
        assertThat(r.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        JsonNode results = r.cbor().path("MetricDataResults");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("Id").asText()).isEqualTo("q0");
        assertThat(results.get(0).path("StatusCode").asText()).isEqualTo("Complete");
        assertThat(results.get(0).path("Values")).hasSize(24);
        assertThat(results.get(0).path("Timestamps").get(0).asDouble())
                .isEqualTo(Instant.parse("2026-11-21T12:00:00Z").getEpochSecond());
        assertThat(emulator.log().snapshot().protocols()).containsOnlyKeys("rpc-v2-cbor");
    }

    @Test
    void everyTimestampIsTaggedAsEpochSeconds() throws IOException {
        byte[] body = RawHttp.cloudWatchCbor(emulator.endpoint(), "GetMetricData", getMetricData(1, null, null)).body();

        int tagged = 0;
        int untagged = 0;
        try (CBORParser p = CBOR.createParser(body)) {
            boolean inTimestamps = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    inTimestamps = p.currentName().equals("Timestamps");
                } else if (t == JsonToken.END_ARRAY) {
                    inTimestamps = false;
                } else if (inTimestamps && t.isNumeric()) {
                    if (p.getCurrentTag() == 1) {
                        tagged++;
                    } else {
                        untagged++;
                    }
                }
            }
        }
        assertThat(tagged).isEqualTo(24);
        assertThat(untagged).isZero();
    }

    @Test
    void pagesPastMaxDatapointsWithNextTokenAndPartialData() throws IOException {
        JsonNode first = RawHttp.cloudWatchCbor(emulator.endpoint(), "GetMetricData", getMetricData(2, 30, null)).cbor();
        String token = first.path("NextToken").asText();
        JsonNode second = RawHttp.cloudWatchCbor(emulator.endpoint(), "GetMetricData", getMetricData(2, 30, token)).cbor();

        assertThat(first.path("MetricDataResults").get(1).path("StatusCode").asText()).isEqualTo("PartialData");
        assertThat(first.path("MetricDataResults").get(1).path("Values")).hasSize(6);
        assertThat(second.path("MetricDataResults").get(0).path("Values")).isEmpty();
        assertThat(second.path("MetricDataResults").get(1).path("Values")).hasSize(18);
        assertThat(second.path("MetricDataResults").get(1).path("StatusCode").asText()).isEqualTo("Complete");
        assertThat(second.has("NextToken")).isFalse();
    }

    @Test
    void aForeignNextTokenIsInvalidNextToken() throws IOException {
        RawHttp.Response r = RawHttp.cloudWatchCbor(emulator.endpoint(), "GetMetricData", getMetricData(1, null, "bogus"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.cbor().path("__type").asText()).isEqualTo("com.amazonaws.cloudwatch#InvalidNextToken");
        assertThat(r.header("x-amzn-query-error")).isEqualTo("InvalidNextToken;Sender");
    }

    @Test
    void moreThanFiveHundredQueriesIsAValidationError() throws IOException {
        RawHttp.Response r = RawHttp.cloudWatchCbor(emulator.endpoint(), "GetMetricData", getMetricData(501, null, null));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("x-amzn-query-error")).isEqualTo("ValidationError;Sender");
        assertThat(r.cbor().path("message").asText()).contains("500");
    }

    @Test
    void throttlingCarriesTheQueryErrorHeaderTheSdkRetriesOn() throws IOException {
        emulator.faults(Faults.NONE.withThrottleRate(1));

        RawHttp.Response r = RawHttp.cloudWatchCbor(emulator.endpoint(), "GetMetricData", getMetricData(1, null, null));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        assertThat(r.header("x-amzn-query-error")).isEqualTo("Throttling;Sender");
        assertThat(r.cbor().path("__type").asText()).isEqualTo("com.amazon.coral.availability#ThrottlingException");
        assertThat(r.cbor().path("message").asText()).isEqualTo("Rate exceeded");
        assertThat(emulator.log().snapshot().throttled()).isEqualTo(1);
    }

    @Test
    void aRequestWithoutAuthorizationIsRejected() throws IOException {
        RawHttp.Response r = RawHttp.post(
                emulator.endpoint().resolve("/service/GraniteServiceVersion20100801/operation/GetMetricData"),
                Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor"), getMetricData(1, null, null));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("x-amzn-query-error")).isEqualTo("MissingAuthenticationToken;Sender");
        assertThat(r.cbor().path("__type").asText()).isEqualTo("com.amazon.coral.service#MissingAuthenticationTokenException");
    }

    @Test
    void anUnknownOperationIsRejected() {
        RawHttp.Response r = RawHttp.cloudWatchCbor(emulator.endpoint(), "PutMetricData", new byte[] {(byte) 0xa0});

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.cbor().path("__type").asText()).isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(emulator.log().snapshot().operations()).containsExactly("PutMetricData");
    }

    @Test
    void theNamespacedServiceNameRoutesTheSame() throws IOException {
        RawHttp.Response r = RawHttp.post(emulator.endpoint()
                        .resolve("/service/com.amazonaws.cloudwatch.GraniteServiceVersion20100801/operation/GetMetricData"),
                Map.of("Content-Type", "application/cbor", "smithy-protocol", "rpc-v2-cbor", "Authorization", RawHttp.SIGNED),
                getMetricData(1, null, null));

        assertThat(r.status()).isEqualTo(200);
    }
}
