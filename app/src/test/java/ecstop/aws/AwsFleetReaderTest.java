package ecstop.aws;

import ecstop.testfleet.Refs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import ecstop.domain.Cluster;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Periods;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.TimeWindow;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.Service;

class AwsFleetReaderTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:34:56Z");

    private static SnapshotRequest request(boolean info) {
        return new SnapshotRequest(Refs.cluster("prod"), Lookback.hours(24), Stat.MAX, NOW, Optional.empty(), info);
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 0, 1", "1, 1, 1, 1", "100, 1, 10, 1", "101, 2, 11, 1", "249, 3, 25, 1", "250, 3, 25, 2"})
    void servicesArePagedAtAHundredAndDescribedInTens(int n, int lists, int describes, int metricCalls) {
        FakeAws aws = new FakeAws();
        aws.services = FakeAws.names("svc-", n);

        Snapshot s = aws.reader().snapshot(request(true)).get();

        verify(aws.ecs, times(lists)).listServices(any(ListServicesRequest.class));
        verify(aws.ecs, times(describes)).describeServices(any(DescribeServicesRequest.class));
        verify(aws.cloudWatch, times(metricCalls)).getMetricData(any(GetMetricDataRequest.class));
        assertThat(s.services()).extracting(ServiceUsage::name).containsExactlyElementsOf(aws.services);
        assertThat(Refs.infoNames(s)).containsExactlyInAnyOrderElementsOf(aws.services);
        assertThat(s.stats().metricsRequested()).isEqualTo(2L * n + 2);
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 0, 0", "1, 1, 1, 1", "100, 1, 1, 1", "101, 2, 2, 1", "250, 3, 3, 1", "251, 3, 3, 2"})
    void clustersArePagedAndDescribedInHundredsWithTheirReservationsInFiveHundredQueryCalls(
            int n, int lists, int describes, int metricCalls) {
        FakeAws aws = new FakeAws();
        aws.clusters = FakeAws.names("cluster-", n);
        AwsFleetReader reader = aws.reader();

        List<Cluster> clusters = reader.clusters().get();

        verify(aws.ecs, times(lists)).listClusters(any(ListClustersRequest.class));
        verify(aws.ecs, times(describes)).describeClusters(any(DescribeClustersRequest.class));
        verify(aws.cloudWatch, times(metricCalls)).getMetricData(any(GetMetricDataRequest.class));
        assertThat(reader.totals().calls("GetMetricData")).isEqualTo(metricCalls);
        assertThat(reader.totals().metricsRequested()).isEqualTo(2L * n);
        assertThat(clusters).extracting(Cluster::name).containsExactlyElementsOf(aws.clusters);
        if (n > 0) {
            Cluster c = clusters.get(0);
            assertThat(c.arn()).isEqualTo(FakeAws.ACCOUNT + "cluster/cluster-0000");
            assertThat(List.of(c.activeServices(), c.runningTasks(), c.pendingTasks())).containsExactly(4, 9, 1);
        }
    }

    @Test
    void eachClusterHasItsLatestReservationAndFargateOnlyClustersNone() {
        FakeAws aws = new FakeAws();
        aws.clusters = List.of("ec2", "fargate");
        aws.data = k -> k[0] != null || "fargate".equals(k[3]) ? List.of()
                : "CPUReservation".equals(k[1]) ? List.of(10.0, 90.0, 35.5) : List.of(50.0, 60.0);

        List<Cluster> clusters = aws.reader().clusters().get();

        assertThat(clusters.get(0).cpuReservation()).hasValue(35.5);
        assertThat(clusters.get(0).memoryReservation()).hasValue(60.0);
        assertThat(clusters.get(1).cpuReservation()).isEmpty();
        assertThat(clusters.get(1).memoryReservation()).isEmpty();
        GetMetricDataRequest sent = aws.metricRequests.get(0);
        TimeWindow lastHour = Periods.window(Lookback.hours(1), FakeAws.NOW);
        assertThat(sent.startTime()).isEqualTo(lastHour.start());
        assertThat(sent.endTime()).isEqualTo(lastHour.end());
        assertThat(sent.metricDataQueries()).allSatisfy(q -> {
            assertThat(q.metricStat().stat()).isEqualTo("Maximum");
            assertThat(q.metricStat().period()).isEqualTo(60);
            assertThat(q.metricStat().metric().dimensions()).singleElement()
                    .satisfies(d -> assertThat(d.name()).isEqualTo("ClusterName"));
        });
        assertThat(sent.metricDataQueries()).extracting(q -> q.metricStat().metric().dimensions().get(0).value()
                + "/" + q.metricStat().metric().metricName())
                .containsExactly("ec2/CPUReservation", "ec2/MemoryReservation",
                        "fargate/CPUReservation", "fargate/MemoryReservation");
    }

    @Test
    void whenCloudWatchFailsTheClustersComeWithoutReservationsAndTheCallIsCounted() {
        FakeAws aws = new FakeAws();
        aws.clusters = List.of("ec2");
        org.mockito.Mockito.doThrow(software.amazon.awssdk.services.cloudwatch.model.CloudWatchException.builder()
                        .message("denied").statusCode(403).build())
                .when(aws.cloudWatch).getMetricData(any(GetMetricDataRequest.class));
        AwsFleetReader reader = aws.reader();

        List<Cluster> clusters = reader.clusters().get();

        assertThat(clusters).extracting(Cluster::name).containsExactly("ec2");
        assertThat(clusters.get(0).cpuReservation()).isEmpty();
        assertThat(clusters.get(0).activeServices()).isEqualTo(4);
        assertThat(reader.totals().calls()).containsEntry("GetMetricData", 1).containsEntry("ListClusters", 1);
    }

    @Test
    void aServiceWithoutDatapointsIsNoDataAndValuesAbove100AreKept() {
        FakeAws aws = new FakeAws();
        aws.services = List.of("idle", "busy");
        aws.data = k -> "idle".equals(k[0]) ? List.of()
                : "CPUUtilization".equals(k[1]) ? List.of(120.0, 340.5, 80.0)
                : k[0] == null ? List.of(30.0) : List.of(40.0);

        Snapshot s = aws.reader().snapshot(request(false)).get();

        ServiceUsage idle = s.services().get(0);
        ServiceUsage busy = s.services().get(1);
        assertThat(idle.series(Metric.CPU, Stat.MAX).isEmpty()).isTrue();
        assertThat(idle.value(Metric.CPU, Stat.MAX)).isEmpty();
        assertThat(idle.value(Metric.MEMORY, Stat.MAX)).isEmpty();
        assertThat(busy.value(Metric.CPU, Stat.MAX)).hasValue(340.5);
        assertThat(busy.series(Metric.CPU, Stat.MAX).points()).hasSize(3);
        assertThat(busy.value(Metric.MEMORY, Stat.MAX)).hasValue(40.0);
        assertThat(s.clusterInfo().orElseThrow().cpuReservation()).hasValue(30.0);
        assertThat(s.clusterInfo().orElseThrow().memoryReservation()).hasValue(30.0);
    }

    @Test
    void nextTokenAndPartialDataAreFollowedAndEveryCallIsBilled() {
        FakeAws aws = new FakeAws();
        aws.services = List.of("a", "b");
        aws.partial = true;
        aws.data = k -> List.of(1.0, 2.0, 3.0, 4.0);

        Snapshot s = aws.reader().snapshot(request(false)).get();

        verify(aws.cloudWatch, times(2)).getMetricData(any(GetMetricDataRequest.class));
        assertThat(aws.metricRequests.get(1).nextToken()).isEqualTo("more");
        assertThat(aws.metricRequests.get(1).metricDataQueries()).isEqualTo(aws.metricRequests.get(0).metricDataQueries());
        assertThat(s.services().get(0).series(Metric.CPU, Stat.MAX).points()).hasSize(4);
        assertThat(s.stats().calls("GetMetricData")).isEqualTo(2);
        assertThat(s.stats().metricsRequested()).isEqualTo(2 * 6);
    }

    @Test
    void queriesAreExplicitMetricStatsWithIndexIdsOverTheAlignedWindow() {
        FakeAws aws = new FakeAws();
        aws.services = List.of("web.v2", "api-Ä");
        SnapshotRequest r = new SnapshotRequest(Refs.cluster("prod"), Lookback.days(3), Stat.AVG, NOW, Optional.of(Refs.service("prod", "api-Ä")), false);

        Snapshot s = aws.reader().snapshot(r).get();

        TimeWindow w = Periods.window(Lookback.days(3), NOW);
        GetMetricDataRequest sent = aws.metricRequests.get(0);
        assertThat(sent.startTime()).isEqualTo(w.start());
        assertThat(sent.endTime()).isEqualTo(w.end());
        assertThat(s.window()).isEqualTo(w);
        List<MetricDataQuery> qs = sent.metricDataQueries();
        assertThat(qs).hasSize(2 + 2 + 4);
        Set<String> ids = new HashSet<>();
        for (MetricDataQuery q : qs) {
            assertThat(q.id()).matches("^[a-z][a-zA-Z0-9_]*$");
            assertThat(ids.add(q.id())).isTrue();
            assertThat(q.metricStat().period()).isEqualTo((int) w.periodSeconds());
            assertThat(q.metricStat().metric().namespace()).isEqualTo("AWS/ECS");
            assertThat(q.metricStat().metric().dimensions().get(0).value()).isEqualTo("prod");
        }
        assertThat(qs.stream().filter(q -> q.metricStat().metric().dimensions().size() == 1)
                .map(q -> q.metricStat().metric().metricName())).containsExactly("CPUReservation", "MemoryReservation");
        // The detail service has both statistics, the others only the requested one.
        assertThat(qs.stream().filter(q -> q.metricStat().metric().dimensions().size() == 2
                        && q.metricStat().metric().dimensions().get(1).value().equals("api-Ä"))
                .map(q -> q.metricStat().metric().metricName() + "/" + q.metricStat().stat()))
                .containsExactlyInAnyOrder("CPUUtilization/Average", "MemoryUtilization/Average",
                        "CPUUtilization/Maximum", "MemoryUtilization/Maximum");
        assertThat(s.services().get(1).series(Metric.CPU, Stat.MAX).isEmpty()).isFalse();
        assertThat(s.services().get(0).series(Metric.CPU, Stat.MAX).isEmpty()).isTrue();
    }

    @Test
    void answersMapBackByIdWhateverOrderTheyComeIn() {
        FakeAws aws = new FakeAws();
        aws.services = FakeAws.names("svc-", 30);
        aws.data = k -> k[0] == null ? List.of() : List.of((double) Integer.parseInt(k[0].substring(4))
                + ("CPUUtilization".equals(k[1]) ? 0.25 : 0.5));

        Snapshot s = aws.reader().snapshot(request(false)).get();

        for (ServiceUsage u : s.services()) {
            double n = Integer.parseInt(u.name().substring(4));
            assertThat(u.value(Metric.CPU, Stat.MAX)).hasValue(n + 0.25);
            assertThat(u.value(Metric.MEMORY, Stat.MAX)).hasValue(n + 0.5);
        }
    }

    @Test
    void describeServicesGivesCountsLaunchTypeAndRolloutAndSkipsVanishedServices() {
        FakeAws aws = new FakeAws();
        aws.services = List.of("a", "gone", "cp", "spot");
        aws.vanished = Set.of("gone");
        aws.serviceOverrides.put("cp", Service.builder().serviceName("cp").serviceArn("arn/cp").status("ACTIVE")
                .desiredCount(5).runningCount(5).pendingCount(0)
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("my-asg").weight(1).build())
                .deployments(Deployment.builder().status("ACTIVE").rolloutState("COMPLETED").build(),
                        Deployment.builder().status("PRIMARY").rolloutState("IN_PROGRESS").build())
                .taskDefinition("arn:aws:ecs:us-east-1:1:task-definition/cp:3").build());
        aws.serviceOverrides.put("spot", Service.builder().serviceName("spot").serviceArn("arn/spot")
                .capacityProviderStrategy(CapacityProviderStrategyItem.builder().capacityProvider("FARGATE_SPOT").build(),
                        CapacityProviderStrategyItem.builder().capacityProvider("FARGATE").build())
                .build());

        Snapshot s = aws.reader().snapshot(request(true)).get();

        assertThat(Refs.infoNames(s)).containsExactlyInAnyOrder("a", "cp", "spot");
        ServiceInfo a = Refs.info(s, "a");
        assertThat(List.of(a.desired(), a.running(), a.pending())).containsExactly(3, 2, 1);
        assertThat(a.launchType()).isEqualTo("FARGATE");
        assertThat(a.rolloutState()).isEqualTo("COMPLETED");
        assertThat(a.taskDefinitionShort()).isEqualTo("a:7");
        ServiceInfo cp = Refs.info(s, "cp");
        assertThat(cp.launchType()).isEqualTo("CAPACITY_PROVIDER");
        assertThat(cp.rolloutState()).isEqualTo("IN_PROGRESS");
        assertThat(Refs.info(s, "spot").launchType()).isEqualTo("FARGATE");
        assertThat(Refs.info(s, "spot").rolloutState()).isEmpty();
    }

    @Test
    void describeServicesNeverThrottlesAThousandServiceClusterAndCallsAreCountedAcrossFetches() {
        FakeAws aws = new FakeAws();
        aws.services = FakeAws.names("svc-", 1000);
        // AWS's own bucket for service reads, on the same fake clock: it must never run dry.
        TokenBucket server = aws.bucket(100, 20);
        org.mockito.Mockito.doAnswer(a -> {
            assertThat(server.tryAcquire(0)).as("AWS would throttle this DescribeServices").isZero();
            DescribeServicesRequest r = a.getArgument(0);
            return software.amazon.awssdk.services.ecs.model.DescribeServicesResponse.builder().services(
                    r.services().stream().map(arn -> Service.builder().serviceName(arn.substring(arn.lastIndexOf('/') + 1)).build()).toList()).build();
        }).when(aws.ecs).describeServices(any(DescribeServicesRequest.class));
        var listing = new FakeAws();
        listing.services = aws.services;
        org.mockito.Mockito.doAnswer(a -> {
            assertThat(server.tryAcquire(0)).as("AWS would throttle this ListServices").isZero();
            return listing.ecs.listServices((ListServicesRequest) a.getArgument(0));
        }).when(aws.ecs).listServices(any(ListServicesRequest.class));
        AwsFleetReader reader = aws.reader();

        Snapshot first = reader.snapshot(request(true)).get();
        Snapshot second = reader.snapshot(request(true)).get();

        assertThat(first.info().orElseThrow()).hasSize(1000);
        assertThat(second.info().orElseThrow()).hasSize(1000);
        assertThat(reader.totals().calls("DescribeServices")).isEqualTo(200);
        assertThat(reader.totals().calls("ListServices")).isEqualTo(20);
    }
}
