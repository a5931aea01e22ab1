package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import ecstop.domain.Lookback;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;

/**
 * Issue 5's guard: a refresh of N services costs ceil(N/100) ListServices,
 * ceil(N/10) DescribeServices and ceil(queries/500) GetMetricData, never per-service calls;
 * a list of C clusters costs ceil(C/100) ListClusters and DescribeClusters and ceil(2C/500)
 * GetMetricData for their reservations.
 */
class CallBudgetTest {
    static final int N = 1234;
    static final Instant NOW = Instant.parse("2026-11-20T12:34:56Z");

    @Test
    void aClusterOf1234ServicesTakesTheMinimumCalls() {
        FakeAws aws = new FakeAws();
        aws.services = FakeAws.names("svc-", N);
        SnapshotRequest request = new SnapshotRequest("prod", Lookback.hours(24), Stat.MAX, NOW, Optional.of("svc-0007"), true);

        Snapshot s = aws.reader().snapshot(request).get();

        // services × {CPU, MEMORY} × stat, the detail service's other stat, the two cluster reservations.
        int queries = N * 2 + 2 + 2;
        int listCalls = (N + 99) / 100;
        int describeCalls = (N + 9) / 10;
        int metricCalls = (queries + 499) / 500;
        assertThat(listCalls).isEqualTo(13);
        assertThat(describeCalls).isEqualTo(124);
        assertThat(metricCalls).isEqualTo(5);

        verify(aws.ecs, times(listCalls)).listServices(any(ListServicesRequest.class));
        verify(aws.ecs, times(describeCalls)).describeServices(any(DescribeServicesRequest.class));
        verify(aws.cloudWatch, times(metricCalls)).getMetricData(any(GetMetricDataRequest.class));
        assertThat(aws.listRequests).allSatisfy(r -> assertThat(r.maxResults()).isEqualTo(100));

        assertThat(s.stats().calls("ListServices")).isEqualTo(listCalls);
        assertThat(s.stats().calls("DescribeServices")).isEqualTo(describeCalls);
        assertThat(s.stats().calls("GetMetricData")).isEqualTo(metricCalls);
        assertThat(s.stats().totalCalls()).isEqualTo(listCalls + describeCalls + metricCalls);
        assertThat(s.stats().metricsRequested()).isEqualTo(queries);
        assertThat(aws.metricRequests.stream().mapToInt(r -> r.metricDataQueries().size()).sum()).isEqualTo(queries);
        assertThat(s.services()).hasSize(N);
        assertThat(s.info()).hasSize(N);
    }

    @Test
    void aListOf1234ClustersTakesTheMinimumCallsReservationsIncluded() {
        FakeAws aws = new FakeAws();
        aws.clusters = FakeAws.names("cluster-", N);
        AwsFleetReader reader = aws.reader();

        assertThat(reader.clusters().get()).hasSize(N);

        int pages = (N + 99) / 100;
        int metricCalls = (2 * N + 499) / 500;
        assertThat(metricCalls).isEqualTo(5);
        verify(aws.ecs, times(pages)).listClusters(any(software.amazon.awssdk.services.ecs.model.ListClustersRequest.class));
        verify(aws.ecs, times(pages)).describeClusters(any(software.amazon.awssdk.services.ecs.model.DescribeClustersRequest.class));
        verify(aws.cloudWatch, times(metricCalls)).getMetricData(any(GetMetricDataRequest.class));
        assertThat(reader.totals().totalCalls()).isEqualTo(2 * pages + metricCalls);
        assertThat(reader.totals().metricsRequested()).isEqualTo(2L * N);
    }

    /** Issue 10's guard: the fleet view of C clusters is 2 GetMetricData calls up to two weeks back, and no ECS call. */
    @Test
    void aFleetOf1234ClustersIsTwoGetMetricDataCalls() {
        FakeAws aws = new FakeAws();
        aws.clusters = FakeAws.names("cluster-", N);
        aws.services = FakeAws.names("svc-", 3);

        ecstop.domain.FleetSnapshot s = aws.reader().fleet(new ecstop.domain.FleetRequest(Lookback.days(14), Stat.MAX, NOW, false)).get();

        verify(aws.cloudWatch, times(2)).getMetricData(any(GetMetricDataRequest.class));
        org.mockito.Mockito.verifyNoInteractions(aws.ecs);
        assertThat(aws.metricRequests).allSatisfy(r -> assertThat(r.metricDataQueries()).singleElement()
                .satisfies(q -> assertThat(q.expression()).startsWith("SELECT MAX(").contains("LIMIT 500")));
        assertThat(s.stats().totalCalls()).isEqualTo(2);
        assertThat(s.limits().capped()).hasSize(2);
    }

    /** Past two weeks: ceil(C/100) ListClusters, C × ceil(S/100) ListServices, ceil(2CS/500) GetMetricData. */
    @Test
    void aFleetPastTwoWeeksListsAndBatches() {
        FakeAws aws = new FakeAws();
        aws.clusters = FakeAws.names("cluster-", 123);
        aws.services = FakeAws.names("svc-", 7);

        ecstop.domain.FleetSnapshot s = aws.reader().fleet(new ecstop.domain.FleetRequest(Lookback.days(30), Stat.AVG, NOW, false)).get();

        verify(aws.ecs, times(2)).listClusters(any(software.amazon.awssdk.services.ecs.model.ListClustersRequest.class));
        verify(aws.ecs, times(123)).listServices(any(ListServicesRequest.class));
        verify(aws.ecs, times(0)).describeServices(any(DescribeServicesRequest.class));
        verify(aws.cloudWatch, times((2 * 123 * 7 + 499) / 500)).getMetricData(any(GetMetricDataRequest.class));
        assertThat(s.rows()).hasSize(123 * 7);
        assertThat(s.stats().metricsRequested()).isEqualTo(2L * 123 * 7);
    }

    @Test
    void withoutServiceInfoThereIsNoDescribeServices() {
        FakeAws aws = new FakeAws();
        aws.services = FakeAws.names("svc-", N);

        Snapshot s = aws.reader().snapshot(new SnapshotRequest("prod", Lookback.hours(6), Stat.AVG, NOW, Optional.empty(), false)).get();

        verify(aws.ecs, times(0)).describeServices(any(DescribeServicesRequest.class));
        assertThat(s.stats().calls("GetMetricData")).isEqualTo((N * 2 + 2 + 499) / 500);
        assertThat(s.info()).isEmpty();
    }

    /** The metric calls overlap the listing: the first one goes out before the last page is answered. */
    @Test
    void metricCallsStartWhileServicesAreStillBeingListed() throws Exception {
        FakeAws aws = new FakeAws();
        aws.services = FakeAws.names("svc-", N);
        CountDownLatch firstMetricCall = new CountDownLatch(1);
        boolean[] sawMetricCallBeforeLastPage = {false};
        org.mockito.Mockito.doAnswer(a -> {
            ListServicesRequest r = a.getArgument(0);
            if ("1200".equals(r.nextToken())) {
                sawMetricCallBeforeLastPage[0] = firstMetricCall.await(10, TimeUnit.SECONDS);
            }
            aws.listRequests.add(r);
            int from = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
            int to = Math.min(N, from + 100);
            return ListServicesResponse.builder()
                    .serviceArns(aws.services.subList(from, to).stream().map(n -> FakeAws.ACCOUNT + "service/prod/" + n).toList())
                    .nextToken(to < N ? Integer.toString(to) : null).build();
        }).when(aws.ecs).listServices(any(ListServicesRequest.class));
        org.mockito.Mockito.doAnswer(a -> {
            firstMetricCall.countDown();
            return software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse.builder().build();
        }).when(aws.cloudWatch).getMetricData(any(GetMetricDataRequest.class));

        assertThat(aws.reader().snapshot(new SnapshotRequest("prod", Lookback.hours(24), Stat.MAX, NOW, Optional.empty(), false))
                .isRight()).isTrue();
        assertThat(sawMetricCallBeforeLastPage[0]).isTrue();
    }

    /** Task details are paced by ECS's token bucket; the metric data is handed over without waiting for them. */
    @Test
    void metricDataIsHandedOverBeforeTaskDetailsArrive() {
        FakeAws aws = new FakeAws();
        aws.services = FakeAws.names("svc-", 50);
        CountDownLatch metricsPublished = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger describesDone = new java.util.concurrent.atomic.AtomicInteger();
        org.mockito.Mockito.doAnswer(a -> {
            metricsPublished.await(10, TimeUnit.SECONDS);
            describesDone.incrementAndGet();
            DescribeServicesRequest r = a.getArgument(0);
            return software.amazon.awssdk.services.ecs.model.DescribeServicesResponse.builder().services(r.services().stream()
                    .map(arn -> software.amazon.awssdk.services.ecs.model.Service.builder()
                            .serviceName(arn.substring(arn.lastIndexOf('/') + 1)).build()).toList()).build();
        }).when(aws.ecs).describeServices(any(DescribeServicesRequest.class));
        java.util.List<Snapshot> early = new java.util.ArrayList<>();
        int[] describesDoneWhenMetricsArrived = {-1};

        Snapshot full = aws.reader().snapshot(new SnapshotRequest("prod", Lookback.hours(24), Stat.MAX, NOW, Optional.empty(), true), s -> {
            describesDoneWhenMetricsArrived[0] = describesDone.get();
            early.add(s);
            metricsPublished.countDown();
        }).get();

        assertThat(describesDoneWhenMetricsArrived[0]).isZero();
        assertThat(early).hasSize(1);
        assertThat(early.get(0).services()).hasSize(50);
        assertThat(early.get(0).info()).isEmpty();
        assertThat(full.info()).hasSize(50);
        assertThat(full.services()).isEqualTo(early.get(0).services());
    }
}
