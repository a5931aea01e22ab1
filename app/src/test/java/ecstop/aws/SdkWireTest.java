package ecstop.aws;

import ecstop.testfleet.Refs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import ecstop.domain.Cluster;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real SDK clients against a minimal loopback stub (awsJson1_1 for ECS,
 * rpc-v2-cbor for CloudWatch): checks the wiring the Mockito tests cannot see, namely
 * endpoint override, dummy credentials, the protocols, and that retried and throttled
 * attempts reach CallStats through the SDK's metric publisher. The full emulator tests
 * come with issue 3.
 */
class SdkWireTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper cbor = new ObjectMapper(new CBORFactory());
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private HttpServer server;
    private AwsFleetReader reader;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        reader = AwsFleetReader.forEndpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        reader.close();
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String target = x.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            String op = target.substring(target.indexOf('.') + 1);
            int n = requests.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
            JsonNode in = json.readTree(body);
            String out;
            int status = 200;
            switch (op) {
                case "ListServices" -> {
                    if (n == 1) {
                        status = 400;
                        out = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}";
                    } else {
                        assertThat(in.get("maxResults").asInt()).isEqualTo(100);
                        out = "{\"serviceArns\":[\"arn:aws:ecs:us-east-1:1:service/prod/web\",\"arn:aws:ecs:us-east-1:1:service/prod/idle\"]}";
                    }
                }
                case "DescribeServices" -> out = "{\"services\":[{\"serviceName\":\"web\",\"serviceArn\":\"arn:aws:ecs:us-east-1:1:service/prod/web\","
                        + "\"desiredCount\":2,\"runningCount\":2,\"pendingCount\":0,\"launchType\":\"FARGATE\","
                        + "\"deployments\":[{\"status\":\"PRIMARY\",\"rolloutState\":\"COMPLETED\"}]}],"
                        + "\"failures\":[{\"arn\":\"arn:aws:ecs:us-east-1:1:service/prod/idle\",\"reason\":\"MISSING\"}]}";
                case "ListClusters" -> out = "{\"clusterArns\":[\"arn:aws:ecs:us-east-1:1:cluster/prod\"]}";
                case "DescribeClusters" -> out = "{\"clusters\":[{\"clusterName\":\"prod\",\"clusterArn\":\"arn:aws:ecs:us-east-1:1:cluster/prod\","
                        + "\"activeServicesCount\":2,\"runningTasksCount\":2,\"pendingTasksCount\":0}]}";
                default -> {
                    status = 400;
                    out = "{\"__type\":\"InvalidParameterException\",\"message\":\"unexpected " + op + "\"}";
                }
            }
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            x.sendResponseHeaders(status, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
            return;
        }
        requests.computeIfAbsent("GetMetricData", k -> new AtomicInteger()).incrementAndGet();
        assertThat(x.getRequestURI().getPath()).isEqualTo("/service/GraniteServiceVersion20100801/operation/GetMetricData");
        JsonNode in = cbor.readTree(body);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (CBORGenerator g = (CBORGenerator) cbor.getFactory().createGenerator(buf)) {
            g.writeStartObject();
            g.writeFieldName("MetricDataResults");
            g.writeStartArray();
            for (JsonNode q : in.get("MetricDataQueries")) {
                String service = null;
                for (JsonNode d : q.get("MetricStat").get("Metric").get("Dimensions")) {
                    if (d.get("Name").asText().equals("ServiceName")) {
                        service = d.get("Value").asText();
                    }
                }
                boolean data = !"idle".equals(service);
                g.writeStartObject();
                g.writeStringField("Id", q.get("Id").asText());
                g.writeStringField("Label", q.get("Id").asText());
                g.writeFieldName("Timestamps");
                g.writeStartArray();
                if (data) {
                    g.writeTag(1);
                    g.writeNumber(1_763_640_000.0);
                }
                g.writeEndArray();
                g.writeFieldName("Values");
                g.writeStartArray();
                if (data) {
                    g.writeNumber("CPUUtilization".equals(q.get("MetricStat").get("Metric").get("MetricName").asText()) ? 123.5 : 42.0);
                }
                g.writeEndArray();
                g.writeStringField("StatusCode", "Complete");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        byte[] bytes = buf.toByteArray();
        x.getResponseHeaders().add("Content-Type", "application/cbor");
        x.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
        x.sendResponseHeaders(200, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void theRealClientsSpeakBothProtocolsAndCountRetriedThrottledAttempts() {
        Snapshot s = reader.snapshot(new SnapshotRequest(Refs.cluster("prod"), Lookback.hours(3), Stat.MAX,
                Instant.parse("2025-11-20T12:00:00Z"), Optional.empty(), true)).get();

        assertThat(s.services()).hasSize(2);
        assertThat(s.services().get(0).value(Metric.CPU, Stat.MAX)).hasValue(123.5);
        assertThat(s.services().get(0).value(Metric.MEMORY, Stat.MAX)).hasValue(42.0);
        assertThat(s.services().get(1).value(Metric.CPU, Stat.MAX)).isEmpty();
        assertThat(Refs.infoNames(s)).containsOnly("web");
        assertThat(Refs.info(s, "web").rolloutState()).isEqualTo("COMPLETED");
        assertThat(s.clusterInfo().orElseThrow().cpuReservation()).hasValue(42.0);

        // The throttled first ListServices was retried by the SDK: AWS saw two requests.
        assertThat(requests.get("ListServices").get()).isEqualTo(2);
        assertThat(s.stats().calls("ListServices")).isEqualTo(2);
        assertThat(s.stats().throttled()).isEqualTo(1);
        assertThat(s.stats().calls("GetMetricData")).isEqualTo(requests.get("GetMetricData").get()).isEqualTo(1);
        assertThat(s.stats().calls("DescribeServices")).isEqualTo(1);
        assertThat(s.stats().metricsRequested()).isEqualTo(6);

        List<Cluster> clusters = reader.clusters().get();
        assertThat(clusters).extracting(Cluster::name).containsExactly("prod");
        assertThat(clusters.get(0).activeServices()).isEqualTo(2);
        assertThat(reader.totals().calls("ListClusters")).isEqualTo(1);
    }
}
