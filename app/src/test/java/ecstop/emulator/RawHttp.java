package ecstop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A bare HTTP client for protocol tests: what goes on the wire, nothing from the SDK. */
final class RawHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final CBORMapper CBOR = new CBORMapper();
    static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/ecs/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Response(int status, java.net.http.HttpHeaders headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonNode cbor() {
            try {
                return CBOR.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private RawHttp() {}

    static Response post(URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** ECS awsJson1_1, signed (the emulator only checks that a signature is there). */
    static Response ecs(URI endpoint, String operation, String json) {
        return post(endpoint, Map.of(
                "Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation,
                "Authorization", SIGNED), json.getBytes(StandardCharsets.UTF_8));
    }

    /** Any awsJson1_1 service by its target prefix: Application Auto Scaling, the Price List. */
    static Response json11(URI endpoint, String targetPrefix, String operation, String json) {
        return post(endpoint, Map.of(
                "Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", targetPrefix + "." + operation,
                "Authorization", SIGNED), json.getBytes(StandardCharsets.UTF_8));
    }

    /** CloudWatch awsJson1_0. */
    static Response cloudWatchJson(URI endpoint, String operation, String json) {
        return cloudWatchJson(endpoint, operation, json, "us-east-1");
    }

    /** CloudWatch awsJson1_0, signed for {@code region} (an emulator of several regions answers with that one's fleet). */
    static Response cloudWatchJson(URI endpoint, String operation, String json, String region) {
        return post(endpoint, Map.of(
                "Content-Type", "application/x-amz-json-1.0",
                "X-Amz-Target", "GraniteServiceVersion20100801." + operation,
                "x-amzn-query-mode", "true",
                "Authorization", signedFor(region)), json.getBytes(StandardCharsets.UTF_8));
    }

    /** ECS awsJson1_1 signed for {@code region}. */
    static Response ecs(URI endpoint, String operation, String json, String region) {
        return post(endpoint, Map.of(
                "Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", "AmazonEC2ContainerServiceV20141113." + operation,
                "Authorization", signedFor(region)), json.getBytes(StandardCharsets.UTF_8));
    }

    /** CloudWatch awsQuery signed for {@code region}. */
    static Response cloudWatchQuery(URI endpoint, String form, String region) {
        return post(endpoint, Map.of(
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                "Authorization", signedFor(region)), form.getBytes(StandardCharsets.UTF_8));
    }

    static String signedFor(String region) {
        return SIGNED.replace("/us-east-1/", "/" + region + "/");
    }

    /** CloudWatch smithy-rpc-v2-cbor. */
    static Response cloudWatchCbor(URI endpoint, String operation, byte[] cbor) {
        return post(endpoint.resolve("/service/GraniteServiceVersion20100801/operation/" + operation), Map.of(
                "Content-Type", "application/cbor",
                "Accept", "application/cbor",
                "smithy-protocol", "rpc-v2-cbor",
                "x-amzn-query-mode", "true",
                "Authorization", SIGNED), cbor);
    }

    /** CloudWatch awsQuery: a form post. */
    static Response cloudWatchQuery(URI endpoint, String form) {
        return post(endpoint, Map.of(
                "Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                "Authorization", SIGNED), form.getBytes(StandardCharsets.UTF_8));
    }
}
