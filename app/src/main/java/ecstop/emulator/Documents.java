package ecstop.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Operations answer with plain documents (maps, lists, strings, numbers, booleans and
 * {@link Instant}s), written here as JSON or CBOR. The only difference that matters is the
 * timestamp: JSON protocols send epoch seconds as a number, rpcv2-cbor wraps epoch seconds
 * in CBOR tag 1. Requests of both are read into Jackson trees, where a tagged timestamp
 * arrives as its number.
 */
final class Documents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();
    private static final int EPOCH_TAG = 1;

    private Documents() {}

    static ObjectNode readJson(byte[] body) throws IOException {
        return asObject(body.length == 0 ? null : JSON.readTree(body));
    }

    static ObjectNode readCbor(byte[] body) throws IOException {
        return asObject(body.length == 0 ? null : CBOR.readTree(body));
    }

    static byte[] json(Map<String, ?> doc) {
        return write(JSON.getFactory(), doc);
    }

    static byte[] cbor(Map<String, ?> doc) {
        return write(CBOR.getFactory(), doc);
    }

    private static ObjectNode asObject(JsonNode node) throws IOException {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw new IOException("the body is not an object");
        }
        return (ObjectNode) node;
    }

    private static byte[] write(JsonFactory factory, Map<String, ?> doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            value(g, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Instant t) {
            timestamp(g, t);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() != null) {
                    g.writeFieldName((String) e.getKey());
                    value(g, e.getValue());
                }
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                value(g, o);
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a document value: " + v.getClass());
        }
    }

    private static void timestamp(JsonGenerator g, Instant t) throws IOException {
        if (g instanceof CBORGenerator cbor) {
            cbor.writeTag(EPOCH_TAG);
            cbor.writeNumber(t.toEpochMilli() / 1000.0);
        } else if (t.getNano() == 0) {
            g.writeNumber(t.getEpochSecond());
        } else {
            // Plain decimal, never an exponent: 1700000000.123.
            g.writeNumber(BigDecimal.valueOf(t.toEpochMilli(), 3));
        }
    }
}
