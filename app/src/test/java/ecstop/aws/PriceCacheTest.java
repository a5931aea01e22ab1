package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.rightsize.FargatePrices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceCacheTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    static FargatePrices prices(String region, Instant at) {
        return new FargatePrices(region, Map.of("X86_64", new FargatePrices.Rate(0.04048, 0.004445)),
                FargatePrices.Source.PRICE_LIST_API, at.toString(), "");
    }

    @Test
    void theDirectoryFollowsXdgAndIgnoresARelativeOne() {
        Path home = Path.of("/home/u");
        assertThat(PriceCache.defaultDirectory(Map.of(), home)).isEqualTo(Path.of("/home/u/.cache/ecs-top"));
        assertThat(PriceCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "/var/c"), home)).isEqualTo(Path.of("/var/c/ecs-top"));
        assertThat(PriceCache.defaultDirectory(Map.of("XDG_CACHE_HOME", "rel"), home)).isEqualTo(Path.of("/home/u/.cache/ecs-top"));
    }

    @Test
    void aWrittenFileIsReadBackByAnotherCacheUntilADayHasPassed() {
        new PriceCache(Optional.of(dir.resolve("ecs-top"))).put(prices("eu-west-1", NOW));

        PriceCache other = new PriceCache(Optional.of(dir.resolve("ecs-top")));
        assertThat(other.fresh("eu-west-1", NOW.plusSeconds(3600))).get()
                .satisfies(p -> assertThat(p.source()).isEqualTo(FargatePrices.Source.CACHE));
        assertThat(new PriceCache(Optional.of(dir.resolve("ecs-top"))).fresh("eu-west-1", NOW.plusSeconds(86_400))).isEmpty();
        assertThat(other.fresh("us-east-1", NOW)).isEmpty();
    }

    @Test
    void aBrokenOrForeignFileIsIgnored() throws Exception {
        PriceCache cache = new PriceCache(Optional.of(dir));
        Files.writeString(dir.resolve("fargate-prices-eu-west-1.json"), "{not json", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("fargate-prices-us-east-1.json"),
                "{\"region\":\"eu-west-1\",\"fetchedAt\":\"" + NOW + "\",\"rates\":{\"X86_64\":{\"vcpuHour\":1,\"gbHour\":1}}}",
                StandardCharsets.UTF_8);

        assertThat(cache.fresh("eu-west-1", NOW)).isEmpty();
        assertThat(cache.fresh("us-east-1", NOW)).isEmpty();
        assertThat(cache.file("../../etc/passwd")).isEmpty();
    }

    @Test
    void withoutADirectoryItKeepsPricesInMemoryOnly() {
        PriceCache cache = new PriceCache(Optional.empty());
        cache.put(prices("us-east-1", NOW));

        assertThat(cache.fresh("us-east-1", NOW.plusSeconds(60))).isPresent();
        assertThat(cache.file("us-east-1")).isEmpty();
    }
}
