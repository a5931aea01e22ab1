package ecstop.domain.rightsize;

import ecstop.domain.rightsize.FargatePrices.Rate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dated Fargate price table shipped in the jar (fargate-prices.csv beside this class),
 * for when the Price List API cannot be reached or is denied. Read once. Columns are found by
 * the header's names (region, architecture, vcpu_hour, gb_hour, and an optional source), in
 * any order; lines starting with # are comments. A row whose source is {@value #DERIVED} was
 * computed by the rule the file states, not published: a region priced from one says so.
 */
public final class BundledPrices {
    static final String RESOURCE = "fargate-prices.csv";
    /** The source of a row computed from the region's x86 price, not published. */
    public static final String DERIVED = "derived";

    private static final Table TABLE = load();

    /** One row: a region's price for one architecture and where it comes from. */
    public record Row(String region, String architecture, Rate rate, String source) {
        public boolean derived() {
            return DERIVED.equals(source);
        }
    }

    record Table(String asOf, List<Row> rows) {}

    private BundledPrices() {}

    /** The table's date, e.g. 2026-11-25. */
    public static String asOf() {
        return TABLE.asOf;
    }

    /** Every row, in the file's order. */
    public static List<Row> rows() {
        return TABLE.rows;
    }

    /**
     * The region's prices from the table, or empty when the table does not cover it. Where a
     * row is derived, the prices' note says which architecture, so every figure from it says so.
     */
    public static Optional<FargatePrices> forRegion(String region) {
        Map<String, Rate> rates = new HashMap<>();
        Set<String> derived = new TreeSet<>();
        for (Row r : TABLE.rows) {
            if (r.region().equals(region)) {
                rates.put(r.architecture(), r.rate());
                if (r.derived()) {
                    derived.add(r.architecture());
                }
            }
        }
        String note = derived.isEmpty() ? ""
                : String.join(", ", derived) + " derived from X86_64 x 0.8, not published";
        return rates.isEmpty() ? Optional.empty()
                : Optional.of(new FargatePrices(region, rates, FargatePrices.Source.BUNDLED, TABLE.asOf, note));
    }

    /** Every region the table covers. */
    public static Set<String> regions() {
        Set<String> out = new TreeSet<>();
        TABLE.rows.forEach(r -> out.add(r.region()));
        return out;
    }

    private static Table load() {
        try (InputStream in = BundledPrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table in {@code in}: an as-of line, a header naming the columns, then rows. */
    static Table parse(BufferedReader in) throws IOException {
        String asOf = "";
        Map<String, Integer> columns = null;
        List<Row> rows = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split(",", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            if (f[0].equalsIgnoreCase("as-of")) {
                asOf = f[1];
            } else if (columns == null) {
                columns = header(f);
            } else {
                int source = columns.getOrDefault("source", -1);
                rows.add(new Row(f[columns.get("region")], f[columns.get("architecture")].toUpperCase(Locale.ROOT),
                        new Rate(Double.parseDouble(f[columns.get("vcpu_hour")]), Double.parseDouble(f[columns.get("gb_hour")])),
                        source >= 0 && source < f.length ? f[source] : ""));
            }
        }
        return new Table(asOf, List.copyOf(rows));
    }

    private static Map<String, Integer> header(String[] names) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].toLowerCase(Locale.ROOT), i);
        }
        for (String needed : List.of("region", "architecture", "vcpu_hour", "gb_hour")) {
            if (!columns.containsKey(needed)) {
                throw new IllegalStateException(RESOURCE + ": the header has no '" + needed + "' column: " + String.join(",", names));
            }
        }
        return columns;
    }
}
