package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.Metric;
import ecstop.domain.Target;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.ScalingPolicy;
import ecstop.domain.rightsize.TaskDefinition;
import ecstop.emulator.Faults;
import ecstop.testing.EmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three right-sizing reads through ecs-top's reader, the real SDK clients and real HTTP
 * against the emulator. The pricing module is 2.40.2 and applicationautoscaling 2.49.3 (the
 * newest the registry serves) on the BOM's 2.59.1 core: GetProducts and
 * DescribeScalingPolicies answering here are the proof that the pairs work.
 */
class RightsizeSdkWireTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:17:42Z");
    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/";
    static final ClusterRef STORAGE = new ClusterRef(Target.of("default", "us-east-1"), "storage-prod");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().at(NOW);

    @TempDir
    Path cache;

    AwsFleetReader reader;

    @BeforeEach
    void open() {
        reader = reader(Optional.of(cache), NOW);
    }

    @AfterEach
    void close() {
        reader.close();
    }

    /** The production wiring with the price cache in a temporary directory and the clock at {@code now}. */
    AwsFleetReader reader(Optional<Path> cacheDir, Instant now) {
        AwsTarget target = AwsTarget.emulator(emulator.endpoint());
        AwsClients c = AwsClients.create(target).get();
        RightsizeClients production = RightsizeClients.of(c, target);
        RightsizeClients sizing = new RightsizeClients(production.scaling(), production.pricing(),
                production.taskDefinitionReads(), new PriceCache(cacheDir));
        return new AwsFleetReader(AwsFleetReader.Parts.of(c::ecs, c::cloudWatch, c, Optional.empty(), c.region().id())
                .withClock(Clock.fixed(now, ZoneOffset.UTC)).withSizing(sizing));
    }

    static ClusterRef in(String region, String cluster) {
        return new ClusterRef(Target.of("default", region), cluster);
    }

    @Test
    void taskDefinitionsAreReadOncePerArn() {
        List<String> arns = List.of(ARN + "storage-prod_bags-api:1", ARN + "storage-prod_bag-verifier:1",
                ARN + "storage-prod_bags-api:1");

        Map<String, TaskDefinition> first = reader.taskDefinitions(STORAGE, arns).get();
        Map<String, TaskDefinition> again = reader.taskDefinitions(STORAGE, arns).get();

        assertThat(first).containsOnlyKeys(ARN + "storage-prod_bags-api:1", ARN + "storage-prod_bag-verifier:1");
        assertThat(again).isEqualTo(first);
        assertThat(emulator.log().snapshot().calls("DescribeTaskDefinition")).isEqualTo(2);
        assertThat(reader.totals().calls("DescribeTaskDefinition")).isEqualTo(2);
        TaskDefinition fargate = first.get(ARN + "storage-prod_bags-api:1");
        assertThat(fargate.requiresCompatibilities()).containsExactly("FARGATE");
        assertThat(fargate.cpu()).isPresent();
        assertThat(fargate.memory()).isPresent();
        TaskDefinition soft = first.get(ARN + "storage-prod_bag-verifier:1");
        assertThat(soft.cpu()).isEmpty();
        assertThat(soft.softMemoryLimit()).isTrue();
        assertThat(soft.reserved(Metric.CPU)).isPresent();
    }

    @Test
    void aTaskDefinitionEcsCannotDescribeIsLeftOutNotAFailure() {
        var r = reader.taskDefinitions(STORAGE, List.of(ARN + "ghost:3", ARN + "storage-prod_register:1"));

        assertThat(r.get()).containsOnlyKeys(ARN + "storage-prod_register:1");
    }

    @Test
    void deniedTaskDefinitionsAreAFailureNamingTheAction() {
        emulator.faults(Faults.NONE.withDenied("ecs:DescribeTaskDefinition"));

        Failure f = reader.taskDefinitions(STORAGE, List.of(ARN + "storage-prod_register:1")).getLeft();

        assertThat(f.kind()).isEqualTo(Failure.Kind.ACCESS_DENIED);
        assertThat(f.line()).contains("ecs:DescribeTaskDefinition");
    }

    @Test
    void scalingPoliciesAreListedOnceForTheRegionAndFilteredToTheCluster() {
        Map<String, List<ScalingPolicy>> storage = reader.scalingPolicies(STORAGE).get();
        Map<String, List<ScalingPolicy>> pipeline = reader.scalingPolicies(in("us-east-1", "data-pipeline")).get();
        Map<String, List<ScalingPolicy>> archivematica = reader.scalingPolicies(in("us-east-1", "archivematica")).get();

        assertThat(storage).containsOnlyKeys("storage-prod_bags-api");
        assertThat(storage.get("storage-prod_bags-api").get(0).tracks()).contains(Metric.CPU);
        assertThat(pipeline.get("transform")).extracting(p -> p.tracks().orElseThrow())
                .containsExactlyInAnyOrder(Metric.CPU, Metric.MEMORY);
        assertThat(archivematica.get("am-fits").get(0).tracks()).contains(Metric.MEMORY);
        assertThat(archivematica.get("am-nginx").get(0).tracks()).isEmpty();
        assertThat(archivematica.get("am-mcp-client").get(0).type()).isEqualTo("StepScaling");
        int policies = emulator.fleet().scalingPolicies().size();
        long pages = (policies + 9) / 10;
        assertThat(emulator.log().snapshot().calls("DescribeScalingPolicies")).isEqualTo(pages);
        assertThat(reader.totals().calls("DescribeScalingPolicies")).isEqualTo((int) pages);
    }

    @Test
    void pricesComeFromThePriceListApiAndAreCachedOnDiskForADay() throws Exception {
        FargatePrices p = reader.fargatePrices(STORAGE).get();

        assertThat(p.source()).isEqualTo(FargatePrices.Source.PRICE_LIST_API);
        assertThat(p.rate("X86_64")).contains(new FargatePrices.Rate(0.04048, 0.004445));
        assertThat(p.rate("ARM64")).contains(new FargatePrices.Rate(0.03238, 0.00356));
        assertThat(p.asOf()).isEqualTo(NOW.toString());
        assertThat(emulator.log().snapshot().calls("GetProducts")).isEqualTo(1);
        Path file = cache.resolve("fargate-prices-us-east-1.json");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("0.04048");
        try (Stream<Path> left = Files.list(cache)) {
            assertThat(left).containsExactly(file);
        }

        // A new process within the day reads the file, not the API.
        try (AwsFleetReader later = reader(Optional.of(cache), NOW.plusSeconds(23 * 3600))) {
            FargatePrices cached = later.fargatePrices(STORAGE).get();
            assertThat(cached.source()).isEqualTo(FargatePrices.Source.CACHE);
            assertThat(cached.rates()).isEqualTo(p.rates());
        }
        assertThat(emulator.log().snapshot().calls("GetProducts")).isEqualTo(1);

        // A day later it asks again.
        try (AwsFleetReader tomorrow = reader(Optional.of(cache), NOW.plusSeconds(24 * 3600 + 1))) {
            assertThat(tomorrow.fargatePrices(STORAGE).get().source()).isEqualTo(FargatePrices.Source.PRICE_LIST_API);
        }
        assertThat(emulator.log().snapshot().calls("GetProducts")).isEqualTo(2);
    }

    @Test
    void deniedPricesFallBackToTheBundledTableAndSayWhy() {
        emulator.faults(Faults.NONE.withDenied("pricing:GetProducts"));

        FargatePrices p = reader.fargatePrices(in("us-east-1", "storage-prod")).get();
        Failure f = reader.fargatePrices(in("xx-nowhere-1", "c")).getLeft();

        assertThat(p.source()).isEqualTo(FargatePrices.Source.BUNDLED);
        assertThat(p.note()).contains("access denied to pricing:GetProducts");
        assertThat(p.rate("X86_64")).contains(new FargatePrices.Rate(0.04048, 0.004445));
        assertThat(f.kind()).isEqualTo(Failure.Kind.ACCESS_DENIED);
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    void aRegionThePriceListDoesNotKnowIsNotFoundAndNotCached() {
        Failure f = reader.fargatePrices(in("xx-nowhere-1", "c")).getLeft();

        assertThat(f.kind()).isEqualTo(Failure.Kind.NOT_FOUND);
        assertThat(f.line()).contains("no Fargate prices for xx-nowhere-1");
        assertThat(reader.totals().calls("GetProducts")).isEqualTo(1);
    }

    @Test
    void theReaderKnowsItsTarget() {
        assertThat(reader.target()).isEqualTo(Target.of("default", "us-east-1"));
    }
}
