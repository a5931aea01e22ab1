package ecstop.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecstop.config.AtomicFile;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.FargatePrices.Rate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Fargate prices read from the Price List API, kept for a day: in memory for this process
 * and, when there is a directory, on disk ($XDG_CACHE_HOME/ecs-top, else ~/.cache/ecs-top),
 * one small JSON file per region, written to a temporary file and renamed so a reader never
 * sees half of one. An unreadable or stale file is simply not used.
 */
final class PriceCache {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PriceCache.class);
    static final Duration MAX_AGE = Duration.ofDays(1);
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> directory;
    private final Map<String, FargatePrices> memory = new ConcurrentHashMap<>();

    PriceCache(Optional<Path> directory) {
        this.directory = directory;
    }

    /** The user's cache directory by the XDG rules (a relative XDG_CACHE_HOME is ignored). */
    static Path defaultDirectory(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("ecs-top");
    }

    /** Prices read less than a day before {@code now}, marked as from the cache; else empty. */
    Optional<FargatePrices> fresh(String region, Instant now) {
        FargatePrices held = memory.computeIfAbsent(region, r -> readFile(r).orElse(null));
        if (held == null || !freshAt(held, now)) {
            return Optional.empty();
        }
        return Optional.of(held.withSource(FargatePrices.Source.CACHE, ""));
    }

    void put(FargatePrices prices) {
        memory.put(prices.region(), prices);
        directory.ifPresent(d -> write(d, prices));
    }

    private static boolean freshAt(FargatePrices p, Instant now) {
        try {
            Instant at = Instant.parse(p.asOf());
            return !at.isAfter(now) && Duration.between(at, now).compareTo(MAX_AGE) < 0;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    Optional<Path> file(String region) {
        return REGION.matcher(region).matches()
                ? directory.map(d -> d.resolve("fargate-prices-" + region + ".json")) : Optional.empty();
    }

    private Optional<FargatePrices> readFile(String region) {
        Optional<Path> f = file(region).filter(Files::isRegularFile);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode doc = JSON.readTree(Files.readString(f.get(), StandardCharsets.UTF_8));
            Map<String, Rate> rates = new HashMap<>();
            doc.path("rates").fields().forEachRemaining(e -> rates.put(e.getKey(),
                    new Rate(e.getValue().path("vcpuHour").asDouble(), e.getValue().path("gbHour").asDouble())));
            if (!region.equals(doc.path("region").asText()) || rates.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new FargatePrices(region, rates, FargatePrices.Source.PRICE_LIST_API,
                    doc.path("fetchedAt").asText(), ""));
        } catch (IOException | RuntimeException e) {
            LOG.info("ignoring the price cache {}: {}", f.get(), e.toString());
            return Optional.empty();
        }
    }

    private void write(Path dir, FargatePrices prices) {
        Optional<Path> target = file(prices.region());
        if (target.isEmpty()) {
            return;
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("region", prices.region());
        doc.put("fetchedAt", prices.asOf());
        doc.put("source", "pricing:GetProducts");
        ObjectNode rates = doc.putObject("rates");
        prices.rates().forEach((arch, r) -> rates.putObject(arch).put("vcpuHour", r.vcpuHour()).put("gbHour", r.gbHour()));
        try {
            AtomicFile.write(target.get(), out -> out.write(
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // A cache that cannot be written costs one more call tomorrow, nothing more.
            LOG.warn("cannot write the price cache in {}: {}", dir, e.toString());
        }
    }
}
