package ecstop.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where every benchmark leaves its figures: one section each in target/bench/results.json
 * (stable keys, for scripts and for comparing runs) and in results.md (the tables the README
 * quotes), plus the same tables on stdout.
 */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {}

    public static Path dir() {
        Path dir = Path.of(System.getProperty("bench.out", "target/bench"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Replaces this section of results.json and results.md, keeping the others. */
    public static synchronized void section(String key, Object data, String markdown) {
        try {
            Path json = dir().resolve("results.json");
            ObjectNode root = Files.exists(json) ? (ObjectNode) JSON.readTree(json.toFile()) : JSON.createObjectNode();
            root.set(key, JSON.valueToTree(data));
            JSON.writeValue(json.toFile(), root);

            Path md = dir().resolve("md");
            Files.createDirectories(md);
            Files.writeString(md.resolve(key + ".md"), markdown, StandardCharsets.UTF_8);
            StringBuilder all = new StringBuilder("# ecs-top benchmark results\n\n");
            try (var files = Files.list(md)) {
                files.sorted().forEach(f -> {
                    try {
                        all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            Files.writeString(dir().resolve("results.md"), all.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println();
        System.out.println(markdown);
        System.out.flush();
    }

    /** A markdown table from a header and rows. */
    public static String table(String[] header, Iterable<String[]> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.length; i++) {
            sb.append(i == 0 ? "---|" : "---:|");
        }
        sb.append('\n');
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }

    public static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
