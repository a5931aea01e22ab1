package ecstop.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads operation inputs from a request tree, whichever protocol built it: numbers may come
 * as numbers (JSON, CBOR) or strings (query), timestamps as epoch seconds or ISO 8601.
 * A malformed value is answered with {@code bad}, the caller's validation error.
 */
final class Inputs {
    private final JsonNode node;
    private final AwsError bad;

    Inputs(JsonNode node, AwsError bad) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.bad = bad;
    }

    Inputs at(String field) {
        return new Inputs(node.path(field), bad);
    }

    boolean present(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    Optional<String> text(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    Optional<Integer> integer(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return Optional.of(v.intValue());
        }
        if (v.isTextual()) {
            try {
                return Optional.of(Integer.parseInt(v.asText().trim()));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw bad.with("Invalid value for " + field + ": " + v.asText());
    }

    Optional<Boolean> bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isBoolean()) {
            return Optional.of(v.booleanValue());
        }
        String t = v.asText().trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(t));
        }
        throw bad.with("Invalid value for " + field + ": " + t);
    }

    Optional<Instant> instant(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(epochSeconds(v.decimalValue()));
        }
        String t = v.asText().trim();
        try {
            if (!t.isEmpty() && t.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                return Optional.of(epochSeconds(new BigDecimal(t)));
            }
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException | NumberFormatException e) {
            try {
                return Optional.of(Instant.parse(t));
            } catch (DateTimeParseException e2) {
                throw bad.with("Invalid timestamp for " + field + ": " + t);
            }
        }
    }

    /** The list's elements; a query-encoded empty list ("X=") reads as empty. */
    List<Inputs> list(String field) {
        JsonNode v = node.get(field);
        List<Inputs> out = new ArrayList<>();
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            return out;
        }
        if (!v.isArray()) {
            throw bad.with("Invalid value for " + field + ": expected a list");
        }
        for (JsonNode e : v) {
            out.add(new Inputs(e, bad));
        }
        return out;
    }

    List<String> texts(String field) {
        List<String> out = new ArrayList<>();
        for (Inputs e : list(field)) {
            out.add(e.node.isNull() ? "" : e.node.asText());
        }
        return out;
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        BigDecimal millis = seconds.movePointRight(3);
        return Instant.ofEpochMilli(millis.longValue());
    }
}
