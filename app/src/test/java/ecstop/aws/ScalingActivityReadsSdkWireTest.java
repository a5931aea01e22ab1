package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.ServiceRef;
import ecstop.domain.Target;
import ecstop.domain.task.ScalingActivity;
import ecstop.emulator.Faults;
import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DescribeScalingActivities through the real Application Auto Scaling client against the emulator, calls counted. */
class ScalingActivityReadsSdkWireTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final ServiceRef BAGS = new ServiceRef(new ClusterRef(Target.of("default", "us-east-1"), "storage-prod"),
            "storage-prod_bags-api");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().at(NOW);

    final AtomicReference<CallStats> spent = new AtomicReference<>(CallStats.NONE);
    AwsClients clients;
    ScalingActivityReads reads;

    @BeforeEach
    void open() {
        clients = AwsClients.create(AwsTarget.emulator(emulator.endpoint())).get();
        reads = new ScalingActivityReads(clients::scaling, new Failures(Optional.empty()),
                s -> spent.accumulateAndGet(s, CallStats::plus));
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void theServicesActivitiesSinceAnInstantNewestFirstEveryPageCounted() {
        List<ScalingActivity> sixWeeks = reads.activities(BAGS, NOW.minus(Duration.ofDays(42))).get();
        long pages = emulator.log().snapshot().calls("DescribeScalingActivities");
        List<ScalingActivity> lastWeek = reads.activities(BAGS, NOW.minus(Duration.ofDays(7))).get();

        assertThat(sixWeeks).isNotEmpty();
        assertThat(pages).isEqualTo((sixWeeks.size() + 49) / 50);
        assertThat(lastWeek).isEqualTo(sixWeeks.stream().filter(a -> !a.start().isBefore(NOW.minus(Duration.ofDays(7)))).toList());
        assertThat(sixWeeks).isSortedAccordingTo((a, b) -> b.start().compareTo(a.start()));
        ScalingActivity newest = sixWeeks.get(0);
        assertThat(newest.resourceId()).isEqualTo("service/storage-prod/storage-prod_bags-api");
        assertThat(newest.scalableDimension()).isEqualTo("ecs:service:DesiredCount");
        assertThat(newest.statusCode()).isEqualTo("Successful");
        assertThat(newest.description()).isEqualTo("Setting desired count to 3.");
        assertThat(newest.desiredCount()).hasValue(3);
        assertThat(newest.end()).hasValueSatisfying(e -> assertThat(e).isAfter(newest.start()));
        assertThat(newest.cause()).startsWith("monitor alarm TargetTracking-service/storage-prod/storage-prod_bags-api-AlarmLow-");
        assertThat(spent.get().calls("DescribeScalingActivities")).isEqualTo((int) (2 * pages));
        assertThat(emulator.log().snapshot().calls("DescribeScalingActivities")).isEqualTo(2 * pages);
    }

    @Test
    void aServiceWithoutPoliciesHasNoneAndADeniedReadNamesTheAction() {
        ServiceRef register = new ServiceRef(BAGS.cluster(), "storage-prod_register");
        assertThat(reads.activities(register, NOW.minus(Duration.ofDays(42))).get()).isEmpty();

        emulator.faults(Faults.NONE.withDenied("application-autoscaling:DescribeScalingActivities"));
        Failure f = reads.activities(BAGS, NOW.minus(Duration.ofDays(1))).getLeft();

        assertThat(f.kind()).isEqualTo(Failure.Kind.ACCESS_DENIED);
        assertThat(f.line()).contains("application-autoscaling:DescribeScalingActivities");
    }
}
