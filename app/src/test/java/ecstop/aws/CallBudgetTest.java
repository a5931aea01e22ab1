package ecstop.aws;

import ecstop.testfleet.Refs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import ecstop.domain.ClusterRef;
import ecstop.domain.Lookback;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.StoppedTasks;
import ecstop.domain.Target;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;

/**
 * Issue 5's guard: a refresh of N services costs ceil(N/100) ListServices,
 * ceil(N/10) DescribeServices and ceil(queries/500) GetMetricData, never per-service calls;
 * a list of C clusters costs ceil(C/100) ListClusters and DescribeClusters and ceil(2C/500)
 * GetMetricData for their reservations. Right-sizing (issue 12) adds one DescribeTaskDefinition
 * per distinct task definition for the life of the process, ceil(P/10)
 * DescribeScalingPolicies for P policies in the region every 5 minutes at most, and
 * ceil(products/100) GetProducts a day; a cluster's N stopped tasks cost ceil(N/100)
 * ListTasks (at least one) and ceil(N/100) DescribeTasks, never per service.
 */
class CallBudgetTest {
    static final int N = 1234;
    static final Instant NOW = Instant.parse("2026-11-20T12:34:56Z");

    @Test
    void aClusterOf1234ServicesTakesTheMinimumCalls() {
        FakeAws aws = new FakeAws();
        aws.services = FakeAws.names("svc-", N);
        SnapshotRequest request = new SnapshotRequest(Refs.cluster("prod"), Lookback.hours(24), Stat.MAX, NOW, Optional.of(Refs.service("prod", "svc-0007")), true);

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
        assertThat(s.info().orElseThrow()).hasSize(N);
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

    /**
     * Issue 10's guard: the fleet view of C clusters is 2 GetMetricData calls up to two weeks
     * back, and no ECS call once the cluster list was read (as the TUI reads it first).
     */
    @Test
    void aFleetOf1234ClustersIsTwoGetMetricDataCalls() {
        FakeAws aws = new FakeAws();
        aws.clusters = FakeAws.names("cluster-", N);
        aws.services = FakeAws.names("svc-", 3);
        AwsFleetReader reader = aws.reader();
        reader.clusters().get();
        org.mockito.Mockito.clearInvocations(aws.ecs, aws.cloudWatch);
        aws.metricRequests.clear();

        ecstop.domain.FleetSnapshot s = reader.fleet(new ecstop.domain.FleetRequest(Lookback.days(14), Stat.MAX, NOW, false)).get();

        verify(aws.cloudWatch, times(2)).getMetricData(any(GetMetricDataRequest.class));
        org.mockito.Mockito.verifyNoInteractions(aws.ecs);
        assertThat(aws.metricRequests).allSatisfy(r -> assertThat(r.metricDataQueries()).singleElement()
                .satisfies(q -> assertThat(q.expression()).startsWith("SELECT MAX(").contains("LIMIT 500")));
        assertThat(s.stats().totalCalls()).isEqualTo(2);
        assertThat(s.limits().capped()).hasSize(2);
    }

    /**
     * Issue 21: without a cluster list, a fleet capped at 500 reads one (ECS reads are not
     * billed: ceil(C/100) ListClusters and DescribeClusters, once) to count what its queries
     * were billed for; CloudWatch is still asked twice.
     */
    @Test
    void aCappedFleetWithoutAClusterListReadsOneOnceToCountTheBill() {
        FakeAws aws = new FakeAws();
        aws.clusters = FakeAws.names("cluster-", N);
        aws.services = FakeAws.names("svc-", 3);

        aws.reader().fleet(new ecstop.domain.FleetRequest(Lookback.days(14), Stat.MAX, NOW, false)).get();

        verify(aws.cloudWatch, times(2)).getMetricData(any(GetMetricDataRequest.class));
        int pages = (N + 99) / 100;
        verify(aws.ecs, times(pages)).listClusters(any(software.amazon.awssdk.services.ecs.model.ListClustersRequest.class));
        verify(aws.ecs, times(pages)).describeClusters(any(software.amazon.awssdk.services.ecs.model.DescribeClustersRequest.class));
        org.mockito.Mockito.verifyNoMoreInteractions(aws.ecs);
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

        Snapshot s = aws.reader().snapshot(new SnapshotRequest(Refs.cluster("prod"), Lookback.hours(6), Stat.AVG, NOW, Optional.empty(), false)).get();

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

        assertThat(aws.reader().snapshot(new SnapshotRequest(Refs.cluster("prod"), Lookback.hours(24), Stat.MAX, NOW, Optional.empty(), false))
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

        Snapshot full = aws.reader().snapshot(new SnapshotRequest(Refs.cluster("prod"), Lookback.hours(24), Stat.MAX, NOW, Optional.empty(), true), s -> {
            describesDoneWhenMetricsArrived[0] = describesDone.get();
            early.add(s);
            metricsPublished.countDown();
        }).get();

        assertThat(describesDoneWhenMetricsArrived[0]).isZero();
        assertThat(early).hasSize(1);
        assertThat(early.get(0).services()).hasSize(50);
        assertThat(early.get(0).info()).isEmpty();
        assertThat(full.info().orElseThrow()).hasSize(50);
        assertThat(full.services()).isEqualTo(early.get(0).services());
    }

    @Test
    void rightSizingReadsEachTaskDefinitionOnceAndListsPoliciesAndPricesRarely() {
        FakeAws aws = new FakeAws();
        var scaling = org.mockito.Mockito.mock(software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient.class);
        var pricing = org.mockito.Mockito.mock(software.amazon.awssdk.services.pricing.PricingClient.class);
        int policies = 57;
        org.mockito.Mockito.doAnswer(a -> {
            software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest r = a.getArgument(0);
            assertThat(r.maxResults()).isEqualTo(10);
            assertThat(r.resourceId()).isNull();
            int from = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
            int to = Math.min(policies, from + 10);
            java.util.List<software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy> page = new java.util.ArrayList<>();
            for (int i = from; i < to; i++) {
                page.add(software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy.builder()
                        .policyName("p" + i).resourceId("service/" + (i % 2 == 0 ? "prod" : "other") + "/svc-" + i)
                        .policyType("TargetTrackingScaling").build());
            }
            return software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesResponse.builder()
                    .scalingPolicies(page).nextToken(to < policies ? Integer.toString(to) : null).build();
        }).when(scaling).describeScalingPolicies(any(software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest.class));
        org.mockito.Mockito.doAnswer(a -> software.amazon.awssdk.services.pricing.model.GetProductsResponse.builder()
                .priceList(java.util.List.of(product("USE1-Fargate-vCPU-Hours:perCPU", "0.04048"),
                        product("USE1-Fargate-GB-Hours", "0.004445"))).build())
                .when(pricing).getProducts(any(software.amazon.awssdk.services.pricing.model.GetProductsRequest.class));
        org.mockito.Mockito.doAnswer(a -> {
            software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest r = a.getArgument(0);
            return software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse.builder().taskDefinition(
                    software.amazon.awssdk.services.ecs.model.TaskDefinition.builder().taskDefinitionArn(r.taskDefinition())
                            .cpu("256").memory("512").requiresCompatibilitiesWithStrings("FARGATE").build()).build();
        }).when(aws.ecs).describeTaskDefinition(any(software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest.class));
        AwsFleetReader reader = aws.reader(scaling, pricing);
        ecstop.domain.ClusterRef prod = new ecstop.domain.ClusterRef(ecstop.domain.Target.of("default", "us-east-1"), "prod");
        // N services on 300 distinct task definitions (services share families).
        java.util.List<String> arns = new java.util.ArrayList<>();
        for (int i = 0; i < N; i++) {
            arns.add(FakeAws.ACCOUNT + "task-definition/family-" + (i % 300) + ":1");
        }

        for (int refresh = 0; refresh < 10; refresh++) {
            assertThat(reader.taskDefinitions(prod, arns).get()).hasSize(300);
            assertThat(reader.scalingPolicies(prod).get()).hasSize(29);
            assertThat(reader.fargatePrices(prod).get().rate("X86_64")).isPresent();
        }
        // A new revision of one family is one more call.
        arns.set(0, FakeAws.ACCOUNT + "task-definition/family-0:2");
        reader.taskDefinitions(prod, arns);

        verify(aws.ecs, times(301)).describeTaskDefinition(any(software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest.class));
        verify(scaling, times((policies + 9) / 10)).describeScalingPolicies(
                any(software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingPoliciesRequest.class));
        verify(pricing, times(1)).getProducts(any(software.amazon.awssdk.services.pricing.model.GetProductsRequest.class));
        assertThat(reader.totals().calls("DescribeTaskDefinition")).isEqualTo(301);
        assertThat(reader.totals().calls("DescribeScalingPolicies")).isEqualTo(6);
        assertThat(reader.totals().calls("GetProducts")).isEqualTo(1);
    }

    private static String product(String usageType, String usd) {
        return "{\"product\":{\"productFamily\":\"Compute\",\"attributes\":{\"regionCode\":\"us-east-1\",\"usagetype\":\""
                + usageType + "\"}},\"terms\":{\"OnDemand\":{\"T\":{\"priceDimensions\":{\"D\":{\"pricePerUnit\":{\"USD\":\""
                + usd + "\"}}}}}}}";
    }

    @ParameterizedTest
    @CsvSource({"0, 1, 0", "1, 1, 1", "100, 1, 1", "101, 2, 2", "1234, 13, 13", "10000, 100, 100"})
    void stoppedTasksTakeAListTasksAndADescribeTasksPerHundredForTheWholeCluster(int n, int lists, int describes) {
        FakeAws aws = new FakeAws();
        aws.services = FakeAws.names("svc-", N);
        aws.stoppedTasks = FakeAws.names("task-", n);
        AwsFleetReader reader = aws.reader();

        StoppedTasks s = reader.stoppedTasks(new ClusterRef(Target.of("default", "us-east-1"), "prod")).get();

        assertThat(lists).isEqualTo(Math.max(1, (n + 99) / 100));
        assertThat(describes).isEqualTo((n + 99) / 100);
        verify(aws.ecs, times(lists)).listTasks(any(ListTasksRequest.class));
        verify(aws.ecs, times(describes)).describeTasks(any(DescribeTasksRequest.class));
        verify(aws.ecs, times(0)).listServices(any(ListServicesRequest.class));
        assertThat(aws.listTaskRequests).allSatisfy(r -> {
            assertThat(r.maxResults()).isEqualTo(100);
            assertThat(r.desiredStatus()).isEqualTo(DesiredStatus.STOPPED);
            assertThat(r.serviceName()).isNull();
            assertThat(r.cluster()).isEqualTo("prod");
        });
        assertThat(aws.describeTaskRequests).allSatisfy(r -> assertThat(r.tasks()).hasSizeBetween(1, 100));
        assertThat(s.tasks()).hasSize(n);
        assertThat(s.stats().calls("ListTasks")).isEqualTo(lists);
        assertThat(s.stats().calls("DescribeTasks")).isEqualTo(describes);
        assertThat(s.stats().totalCalls()).isEqualTo(lists + describes);
        assertThat(reader.totals().totalCalls()).isEqualTo(lists + describes);
    }

    /**
     * 10,000 stopped tasks are 200 calls: the first 95 spend ECS's burst (5 tokens stay, for
     * jitter), the rest wait for its refill of 20 a second, so the reader takes about 5 s of
     * (fake) time and is never throttled.
     */
    @Test
    void tenThousandStoppedTasksArePacedByEcssBucketForClusterResourceReads() {
        FakeAws aws = new FakeAws();
        aws.stoppedTasks = FakeAws.names("task-", 10_000);

        StoppedTasks s = aws.reader().stoppedTasks(new ClusterRef(Target.of("default", "us-east-1"), "prod")).get();

        assertThat(s.stats().totalCalls()).isEqualTo(200);
        assertThat(aws.clock.get()).isGreaterThanOrEqualTo((long) (5.24e9)).isLessThan((long) 6e9);
        assertThat(s.stats().throttled()).isZero();
    }
}
