package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecstop.emulator.Faults;
import ecstop.emulator.Fleet;
import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AccessDeniedException;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * The fault knobs as the real SDK sees them: throttling and server errors are retried (the
 * request log counts every attempt), access denied and expired credentials are not, and
 * each surfaces as the SDK's exception with AWS's error code.
 */
class EmulatorFaultsSdkTest {
    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(Map.of("shop", 3), 5));
    static EcsClient ecs;
    static CloudWatchClient cloudWatch;

    @BeforeAll
    static void clients() {
        ecs = emulator.closing(EmulatorClients.ecs(emulator.emulator()));
        cloudWatch = emulator.closing(EmulatorClients.cloudWatch(emulator.emulator()));
    }

    static GetMetricDataResponse metricData() {
        Instant end = ecstop.config.WallClock.utc().instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return cloudWatch.getMetricData(b -> b.startTime(end.minus(Duration.ofHours(3))).endTime(end)
                .metricDataQueries(q -> q.id("m").metricStat(s -> s.period(3600).stat("Maximum")
                        .metric(m -> m.namespace("AWS/ECS").metricName("CPUUtilization").dimensions(
                                Dimension.builder().name("ClusterName").value("shop").build(),
                                Dimension.builder().name("ServiceName").value("svc-0001").build())))));
    }

    @Test
    void aThrottledEcsCallIsRetriedAndThenSucceeds() {
        emulator.throttleNext(1);

        assertThat(ecs.listServices(b -> b.cluster("shop")).serviceArns()).hasSize(3);
        var counts = emulator.log().snapshot();
        assertThat(counts.calls("ListServices")).isEqualTo(2);
        assertThat(counts.throttled()).isEqualTo(1);
        assertThat(counts.errors("ThrottlingException")).isEqualTo(1);
    }

    @Test
    void aThrottledCloudWatchCallIsRetriedAndThenSucceeds() {
        emulator.throttleNext(2);

        assertThat(metricData().metricDataResults().get(0).values()).hasSize(3);
        assertThat(emulator.log().snapshot().calls("GetMetricData")).isEqualTo(3);
        assertThat(emulator.log().snapshot().errors("Throttling")).isEqualTo(2);
    }

    @Test
    void throttlingThatNeverStopsExhaustsTheRetriesAsAThrottlingException() {
        emulator.faults(Faults.NONE.withThrottleRate(1.0));

        assertThatThrownBy(() -> ecs.listClusters())
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                });
        assertThatThrownBy(EmulatorFaultsSdkTest::metricData)
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
                });
        assertThat(emulator.log().snapshot().calls("ListClusters")).isEqualTo(EmulatorClients.ATTEMPTS);
        assertThat(emulator.log().snapshot().calls("GetMetricData")).isEqualTo(EmulatorClients.ATTEMPTS);
    }

    @Test
    void serverErrorsAreRetried() {
        emulator.faults(Faults.NONE.withErrorRate(1.0));

        assertThatThrownBy(() -> ecs.listClusters())
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThatThrownBy(EmulatorFaultsSdkTest::metricData)
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                });
        assertThat(emulator.log().snapshot().calls("ListClusters")).isEqualTo(EmulatorClients.ATTEMPTS);
        assertThat(emulator.log().snapshot().calls("GetMetricData")).isEqualTo(EmulatorClients.ATTEMPTS);
    }

    @Test
    void accessDeniedOnCloudWatchOnlyIsNotRetriedAndLeavesEcsAlone() {
        emulator.faults(Faults.NONE.withDenied("cloudwatch:GetMetricData"));

        assertThat(ecs.listServices(b -> b.cluster("shop")).serviceArns()).hasSize(3);
        assertThatThrownBy(EmulatorFaultsSdkTest::metricData)
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.isThrottlingException()).isFalse();
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("cloudwatch:GetMetricData");
                });
        assertThat(emulator.log().snapshot().calls("GetMetricData")).isEqualTo(1);
    }

    @Test
    void accessDeniedOnEcsIsTheModelledException() {
        emulator.faults(Faults.NONE.withDenied("ListServices"));

        assertThatThrownBy(() -> ecs.listServices(b -> b.cluster("shop")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        assertThat(emulator.log().snapshot().calls("ListServices")).isEqualTo(1);
    }

    @Test
    void expiredCredentialsAreNotRetriedAndSayExpiredToken() {
        emulator.faults(Faults.NONE.withExpiredCredentials(true));

        assertThatThrownBy(() -> ecs.listClusters())
                .isInstanceOfSatisfying(EcsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
                });
        assertThatThrownBy(EmulatorFaultsSdkTest::metricData)
                .isInstanceOfSatisfying(CloudWatchException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
        assertThat(emulator.log().snapshot().calls("ListClusters")).isEqualTo(1);
        assertThat(emulator.log().snapshot().calls("GetMetricData")).isEqualTo(1);
    }

    @Test
    void aServiceUnavailableOutageIsRetriedAsA503AndThenLifts() {
        emulator.faults(Faults.NONE.withOutage(Faults.Outage.unavailable()));

        assertThatThrownBy(() -> ecs.listClusters())
                .isInstanceOfSatisfying(EcsException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        emulator.faults(Faults.NONE);

        assertThat(ecs.listClusters().clusterArns()).hasSize(1);
        assertThat(emulator.log().snapshot().calls("ListClusters")).isEqualTo(EmulatorClients.ATTEMPTS + 1);
    }

    @Test
    void refusedConnectionsAreANetworkErrorUntilTheOutageEnds() {
        emulator.faults(Faults.NONE.withOutage(Faults.Outage.refused()));

        assertThatThrownBy(() -> ecs.listClusters())
                .isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
        emulator.faults(Faults.NONE);

        assertThat(ecs.listClusters().clusterArns()).hasSize(1);
        assertThat(emulator.log().snapshot().calls("ListClusters")).isEqualTo(1);
    }

    @Test
    void droppedConnectionsAreRetriedAsIoErrors() {
        emulator.faults(Faults.NONE.withDropRate(1.0));

        assertThatThrownBy(() -> ecs.listClusters()).isInstanceOf(SdkClientException.class);
        assertThat(emulator.log().snapshot().dropped()).isEqualTo(EmulatorClients.ATTEMPTS);
    }
}
