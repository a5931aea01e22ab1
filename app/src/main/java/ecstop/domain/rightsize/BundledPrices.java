package ecstop.domain.rightsize;

import ecstop.domain.rightsize.FargatePrices.Rate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dated Fargate price table shipped in the jar (fargate-prices.csv beside this class),
 * for when the Price List API cannot be reached or is denied. Read once.
 */
public final class BundledPrices {
    static final String RESOURCE = "fargate-prices.csv";

    private static final Table TABLE = load();

    private record Table(String asOf, Map<String, Map<String, Rate>> byRegion) {}

    private BundledPrices() {}

    /** The table's date, e.g. 2026-11-25. */
    public static String asOf() {
        return TABLE.asOf;
    }

    /** The region's prices from the table, or empty when the table does not cover it. */
    public static Optional<FargatePrices> forRegion(String region) {
        Map<String, Rate> rates = TABLE.byRegion.get(region);
        return rates == null ? Optional.empty()
                : Optional.of(new FargatePrices(region, rates, FargatePrices.Source.BUNDLED, TABLE.asOf, ""));
    }

    /** Every region the table covers. */
    public static java.util.Set<String> regions() {
        return TABLE.byRegion.keySet();
    }

    private static Table load() {
        try (InputStream in = BundledPrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            String asOf = "";
            Map<String, Map<String, Rate>> byRegion = new LinkedHashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.strip().split(",");
                if (line.isBlank() || line.startsWith("#") || f[0].equals("region")) {
                    continue;
                }
                if (f[0].equals("as-of")) {
                    asOf = f[1];
                    continue;
                }
                byRegion.computeIfAbsent(f[0], k -> new HashMap<>())
                        .put(f[1], new Rate(Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
            return new Table(asOf, byRegion);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
