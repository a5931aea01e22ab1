package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecstop.emulator.Fleet;
import ecstop.testing.EmulatorExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Service;

/** The real ECS client (awsJson1_1) against the emulator: paging at every edge, describes, errors. */
class EmulatorEcsSdkTest {
    static final int[] SIZES = {0, 1, 10, 100, 101, 1234};

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(clusters(SIZES), 1));
    static EcsClient ecs;

    /** One cluster of each size, named "c" and its size. */
    static Map<String, Integer> clusters(int... sizes) {
        Map<String, Integer> clusters = new LinkedHashMap<>();
        for (int n : sizes) {
            clusters.put("c" + n, n);
        }
        return clusters;
    }

    @BeforeAll
    static void client() {
        ecs = emulator.closing(EmulatorClients.ecs(emulator.emulator()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 10, 100, 101, 1234})
    void listServicesPagesThroughEveryServiceAHundredAtATime(int n) {
        List<String> arns = new ArrayList<>();
        ecs.listServicesPaginator(b -> b.cluster("c" + n).maxResults(100)).serviceArns().forEach(arns::add);

        assertThat(arns).hasSize(n).doesNotHaveDuplicates();
        if (n > 0) {
            assertThat(arns.get(n - 1)).isEqualTo(String.format("arn:aws:ecs:us-east-1:123456789012:service/c%d/svc-%04d", n, n - 1));
        }
        assertThat(emulator.log().snapshot().calls("ListServices")).isEqualTo(Math.max(1, (n + 99) / 100));
    }

    @Test
    void listServicesWithTheDefaultPageSizeTakesTenAPage() {
        List<String> arns = new ArrayList<>();
        ecs.listServicesPaginator(b -> b.cluster("c101")).serviceArns().forEach(arns::add);

        assertThat(arns).hasSize(101);
        assertThat(emulator.log().snapshot().calls("ListServices")).isEqualTo(11);
    }

    @Test
    void describeServicesTenAtATimeCoversTheCluster() {
        List<String> arns = new ArrayList<>();
        ecs.listServicesPaginator(b -> b.cluster("c1234").maxResults(100)).serviceArns().forEach(arns::add);
        List<Service> described = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += 10) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + 10));
            DescribeServicesResponse r = ecs.describeServices(b -> b.cluster("c1234").services(batch));
            assertThat(r.failures()).isEmpty();
            described.addAll(r.services());
        }

        assertThat(described).hasSize(1234);
        Service first = described.get(0);
        assertThat(first.serviceName()).isEqualTo("svc-0000");
        assertThat(first.launchType()).isEqualTo(LaunchType.FARGATE);
        assertThat(first.runningCount()).isBetween(1, 3);
        assertThat(first.createdAt()).isBefore(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(first.deployments()).singleElement()
                .satisfies(d -> assertThat(d.rolloutState()).isEqualTo(DeploymentRolloutState.COMPLETED));
        assertThat(emulator.log().snapshot().calls("DescribeServices")).isEqualTo(124);
    }

    @Test
    void unknownServicesComeBackAsFailures() {
        DescribeServicesResponse r = ecs.describeServices(b -> b.cluster("c10").services("svc-0003", "ghost"));

        assertThat(r.services()).extracting(Service::serviceName).containsExactly("svc-0003");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("MISSING");
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/c10/ghost");
        });
    }

    @Test
    void clustersListAndDescribe() {
        List<String> arns = new ArrayList<>();
        ecs.listClustersPaginator(b -> b.maxResults(2)).clusterArns().forEach(arns::add);
        var described = ecs.describeClusters(b -> b.clusters(arns)).clusters();

        assertThat(arns).hasSize(SIZES.length);
        assertThat(described).extracting(c -> c.activeServicesCount()).containsExactly(0, 1, 10, 100, 101, 1234);
        assertThat(emulator.log().snapshot().calls("ListClusters")).isEqualTo(3);
        assertThat(emulator.log().snapshot().protocols()).containsOnlyKeys("awsJson1_1");
    }

    @Test
    void anUnknownClusterIsTheSdksClusterNotFoundException() {
        assertThatThrownBy(() -> ecs.listServices(b -> b.cluster("nope")))
                .isInstanceOf(ClusterNotFoundException.class)
                .satisfies(e -> assertThat(((ClusterNotFoundException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ClusterNotFoundException"));
        assertThat(emulator.log().snapshot().calls("ListServices")).isEqualTo(1);
    }
}
