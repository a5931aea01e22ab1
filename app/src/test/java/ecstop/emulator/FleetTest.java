package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The simulated fleet: deterministic from its seed, and holding every case the UI must draw. */
class FleetTest {
    static final long HOUR = Instant.parse("2026-11-21T00:00:00Z").getEpochSecond() / 3600;

    static Map<String, String> service(String cluster, String service) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("ClusterName", cluster);
        dims.put("ServiceName", service);
        return dims;
    }

    static LoadModel cpu(Fleet fleet, String cluster, String service) {
        return fleet.series("AWS/ECS", "CPUUtilization", service(cluster, service)).orElseThrow();
    }

    @Test
    void theSameSeedGivesTheSameFleetAndTheSameValues() {
        Fleet a = Fleet.demo(7);
        Fleet b = Fleet.demo(7);

        assertThat(a.clusters()).extracting(SimCluster::name).isEqualTo(b.clusters().stream().map(SimCluster::name).toList());
        assertThat(a.cluster("catalogue").orElseThrow().services()).isEqualTo(b.cluster("catalogue").orElseThrow().services());
        for (long h = HOUR - 48; h < HOUR; h++) {
            assertThat(cpu(a, "catalogue", "orders-api").hour(h)).isEqualTo(cpu(b, "catalogue", "orders-api").hour(h));
            assertThat(cpu(a, "catalogue", "orders-api").minute(h * 60 + 17)).isEqualTo(cpu(b, "catalogue", "orders-api").minute(h * 60 + 17));
        }
    }

    @Test
    void anotherSeedGivesOtherValues() {
        Fleet a = Fleet.demo(7);
        Fleet b = Fleet.demo(8);

        int differ = 0;
        for (long h = HOUR - 24; h < HOUR; h++) {
            if (!cpu(a, "storage-prod", "storage-prod_register").hour(h).equals(cpu(b, "storage-prod", "storage-prod_register").hour(h))) {
                differ++;
            }
        }
        assertThat(differ).isEqualTo(24);
    }

    @Test
    void theDemoHasAPrefixClusterABigClusterAndAnEmptyOne() {
        Fleet fleet = Fleet.demo(42);

        assertThat(fleet.clusters()).extracting(SimCluster::name)
                .containsExactly("storage-prod", "catalogue", "archivematica", "data-pipeline", "sandbox");
        assertThat(fleet.cluster("storage-prod").orElseThrow().services()).extracting(SimService::name)
                .allMatch(n -> n.startsWith("storage-prod_"))
                .contains("storage-prod_register", "storage-prod_replicator", "storage-prod_ingests", "storage-prod_bag-verifier");
        assertThat(fleet.cluster("catalogue").orElseThrow().services()).hasSize(Fleet.DEFAULT_BIG_CLUSTER_SERVICES);
        assertThat(fleet.cluster("sandbox").orElseThrow().services()).isEmpty();
        assertThat(fleet.cluster("arn:aws:ecs:us-east-1:123456789012:cluster/sandbox")).isPresent();
    }

    @Test
    void theBigClusterGrowsToFiveThousandDistinctNames() {
        List<SimService> services = Fleet.demo(42, 5000).cluster("catalogue").orElseThrow().services();

        assertThat(services).hasSize(5000);
        assertThat(services.stream().map(SimService::name).distinct().count()).isEqualTo(5000);
    }

    @Test
    void theDemoHasIdleServicesDeploymentsAndBothLaunchTypes() {
        List<SimService> all = Fleet.demo(42).clusters().stream().flatMap(c -> c.services().stream()).toList();

        assertThat(all).anyMatch(s -> s.running() == 0 && s.desired() == 0);
        assertThat(all).anyMatch(s -> s.running() == 0 && s.pending() > 0);
        assertThat(all).anyMatch(s -> s.deploying() && s.pending() > 0);
        assertThat(all).extracting(SimService::launchType).contains(SimService.EC2, SimService.FARGATE);
    }

    @Test
    void idleServicesHaveNoDatapointsAtAll() {
        Fleet fleet = Fleet.demo(42);

        assertThat(fleet.series("AWS/ECS", "CPUUtilization", service("storage-prod", "storage-prod_ingests"))).isEmpty();
        assertThat(fleet.series("AWS/ECS", "MemoryUtilization", service("storage-prod", "storage-prod_ingests-tracker"))).isEmpty();
        assertThat(fleet.series("AWS/ECS", "CPUUtilization", service("storage-prod", "no-such-service"))).isEmpty();
        assertThat(fleet.series("AWS/EC2", "CPUUtilization", service("storage-prod", "storage-prod_register"))).isEmpty();
    }

    @Test
    void reservationIsPublishedForEc2ClustersOnly() {
        Fleet fleet = Fleet.demo(42);

        assertThat(fleet.series("AWS/ECS", "CPUReservation", Map.of("ClusterName", "storage-prod"))).isPresent();
        assertThat(fleet.series("AWS/ECS", "MemoryReservation", Map.of("ClusterName", "archivematica"))).isPresent();
        assertThat(fleet.series("AWS/ECS", "CPUReservation", Map.of("ClusterName", "catalogue"))).isEmpty();
        assertThat(fleet.series("AWS/ECS", "CPUReservation", service("storage-prod", "storage-prod_register"))).isEmpty();
    }

    @Test
    void maximumIsNeverBelowAverageAnywhereInTheDemo() {
        Fleet fleet = Fleet.demo(42);
        for (SimCluster c : fleet.clusters()) {
            for (SimService s : c.services()) {
                for (String metric : List.of("CPUUtilization", "MemoryUtilization")) {
                    Optional<LoadModel> m = fleet.series("AWS/ECS", metric, service(c.name(), s.name()));
                    m.ifPresent(model -> {
                        for (long h = HOUR - 24; h < HOUR; h++) {
                            Aggregate a = model.hour(h);
                            assertThat(a.maximum()).isGreaterThanOrEqualTo(a.average());
                            assertThat(a.average()).isGreaterThanOrEqualTo(a.minimum());
                            assertThat(a.minimum()).isGreaterThanOrEqualTo(0);
                        }
                    });
                }
            }
        }
    }

    @Test
    void theDemoBurstsPastAHundredPercentEveryDay() {
        Fleet fleet = Fleet.demo(42);
        for (long day = 0; day < 7; day++) {
            double cpuPeak = 0;
            double memoryPeak = 0;
            for (long h = HOUR - 24 * (day + 1); h < HOUR - 24 * day; h++) {
                cpuPeak = Math.max(cpuPeak, cpu(fleet, "storage-prod", "storage-prod_replicator").hour(h).maximum());
                memoryPeak = Math.max(memoryPeak, fleet.series("AWS/ECS", "MemoryUtilization",
                        service("storage-prod", "storage-prod_bag-verifier")).orElseThrow().hour(h).maximum());
            }
            assertThat(cpuPeak).as("CPU peak on day -%d", day).isGreaterThan(100);
            assertThat(memoryPeak).as("memory peak on day -%d", day).isGreaterThan(100);
        }
    }

    @Test
    void aNightlyBatchPassesAHundredPercentWhateverTheSeed() {
        for (long seed = 0; seed < 20; seed++) {
            LoadModel batch = cpu(Fleet.demo(seed), "data-pipeline", "extract");
            double peak = 0;
            for (long h = HOUR - 24; h < HOUR; h++) {
                peak = Math.max(peak, batch.hour(h).maximum());
            }
            assertThat(peak).as("seed %d", seed).isGreaterThan(100);
        }
    }

    @Test
    void fleetOfBuildsExactSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("a", 0);
        sizes.put("b", 1234);
        Fleet fleet = Fleet.of(sizes, 1);

        assertThat(fleet.cluster("a").orElseThrow().services()).isEmpty();
        assertThat(fleet.cluster("b").orElseThrow().services()).hasSize(1234)
                .allMatch(s -> s.running() >= 1 && s.running() <= 3);
        assertThat(fleet.cluster("b").orElseThrow().services().get(1233).name()).isEqualTo("svc-1233");
    }
}
