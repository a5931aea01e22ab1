package ecstop.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecstop.domain.CallStats;
import ecstop.domain.Prefixes;
import ecstop.domain.ServiceInfo;
import ecstop.domain.Snapshot;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The same data as the charts, for scripts: one JSON document with stable keys.
 * {@code null} is "no data" (or, for task counts, "not fetched"), never 0.
 */
final class JsonReport {
    private JsonReport() {}

    /**
     * JSON escapes C0 controls by itself; C1 controls and format characters (a bidi
     * override) it writes raw, and they act on a terminal. Escaped, the data is the same.
     */
    static final CharacterEscapes TERMINAL_SAFE = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return SafeText.unsafe(ch) ? new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04X", ch)) : null;
        }
    };

    /** A mapper whose output is safe on a terminal (see TERMINAL_SAFE). */
    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setCharacterEscapes(TERMINAL_SAFE);
        return mapper;
    }

    static String render(Snapshot s) {
        return render(OnceReport.of(s));
    }

    /**
     * With signals, each service gains "signals" (worst first, each with its horizon and
     * evidence) and the document a "signals" object saying what each source covers and
     * whether stopped tasks could be read; both are null when signals were not read.
     */
    static String render(OnceReport report) {
        Snapshot s = report.snapshot();
        ObjectMapper mapper = mapper();
        List<ReportRow> rows = ReportRow.of(s);
        ObjectNode root = mapper.createObjectNode();
        root.put("cluster", s.scope().name());
        root.put("lookback", s.lookback().label());
        root.put("stat", s.stat().key());
        ObjectNode window = root.putObject("window");
        window.put("start", s.window().start().toString());
        window.put("end", s.window().end().toString());
        window.put("periodSeconds", s.window().periodSeconds());
        root.put("fetchedAt", s.fetchedAt().toString());
        root.put("prefix", Prefixes.common(rows.stream().map(ReportRow::name).collect(Collectors.toList())));
        ObjectNode reservation = root.putObject("clusterReservation");
        number(reservation, "cpu", s.clusterInfo().map(c -> c.cpuReservation()).orElse(OptionalDouble.empty()));
        number(reservation, "memory", s.clusterInfo().map(c -> c.memoryReservation()).orElse(OptionalDouble.empty()));
        ArrayNode services = root.putArray("services");
        for (ReportRow r : rows) {
            ObjectNode o = services.addObject();
            o.put("name", r.name());
            number(o, "cpu", r.cpu());
            number(o, "memory", r.memory());
            ServiceInfo i = r.info().orElse(null);
            if (i == null) {
                for (String k : List.of("running", "desired", "pending", "launchType", "taskDefinition", "rolloutState")) {
                    o.putNull(k);
                }
            } else {
                o.put("running", i.running());
                o.put("desired", i.desired());
                o.put("pending", i.pending());
                o.put("launchType", i.launchType());
                o.put("taskDefinition", i.taskDefinitionShort());
                o.put("rolloutState", i.rolloutState());
            }
            if (report.signalsRead()) {
                SignalJson.signals(o.putArray("signals"), report.signals().of(r.name()));
            } else {
                o.putNull("signals");
            }
        }
        if (report.signalsRead()) {
            SignalJson.sources(root.putObject("signals"), report.signals());
        } else {
            root.putNull("signals");
        }
        ObjectNode calls = root.putObject("calls");
        new TreeMap<>(report.stats().calls()).forEach(calls::put);
        root.put("metricsRequested", report.stats().metricsRequested());
        root.put("throttled", report.stats().throttled());
        return pretty(mapper, root);
    }

    /**
     * The "aws" block every --once view ends with: the calls by operation, the metrics CloudWatch
     * bills, at most how many (equal unless a Metrics Insights query analysed series the app could
     * not count, "at least"), and what that costs.
     */
    static void aws(ObjectNode root, CallStats stats) {
        ObjectNode aws = root.putObject("aws");
        ObjectNode calls = aws.putObject("calls");
        new TreeMap<>(stats.calls()).forEach(calls::put);
        aws.put("metrics", stats.metricsRequested());
        aws.put("metricsAtMost", stats.metricsAtMost());
        aws.put("costUsd", stats.estimatedCostUsd());
    }

    /** The document, indented, with the newline a terminal wants after it. */
    static String pretty(ObjectMapper mapper, ObjectNode root) {
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void number(ObjectNode o, String key, OptionalDouble v) {
        if (v.isPresent()) {
            o.put(key, v.getAsDouble());
        } else {
            o.putNull(key);
        }
    }
}
