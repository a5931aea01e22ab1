package ecstop.aws;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Mockito-mocked ECS and CloudWatch clients that page and answer like AWS does: pages of
 * at most maxResults with an offset NextToken, DescribeServices failures[] for unknown
 * services, GetMetricData answers per query Id from {@link #data}. Records every request.
 */
final class FakeAws {
    static final String ACCOUNT = "arn:aws:ecs:us-east-1:123456789012:";
    /** "Now" for the reader's cluster reservations. */
    static final Instant NOW = Instant.parse("2026-11-20T12:34:56Z");

    final EcsClient ecs = mock(EcsClient.class);
    final CloudWatchClient cloudWatch = mock(CloudWatchClient.class);
    final List<GetMetricDataRequest> metricRequests = new CopyOnWriteArrayList<>();
    final List<ListServicesRequest> listRequests = new CopyOnWriteArrayList<>();
    final List<DescribeServicesRequest> describeRequests = new CopyOnWriteArrayList<>();
    /** A fake clock the limiters run on: sleeping moves it, so no test waits. */
    final AtomicLong clock = new AtomicLong();

    List<String> clusters = List.of();
    List<String> services = List.of();
    Set<String> vanished = Set.of();
    /** Values for (service or null for the cluster, metric name, stat name, cluster); empty = no datapoints. */
    Function<String[], List<Double>> data = key -> List.of(50.0);
    /** When set, every GetMetricData answer is split: first half PartialData + NextToken, then the rest. */
    boolean partial;
    final Map<String, Service> serviceOverrides = new ConcurrentHashMap<>();
    /** Stopped task ids; each is OOM-killed, of the service named by {@link #stoppedTaskGroup}. */
    List<String> stoppedTasks = List.of();
    Function<String, String> stoppedTaskGroup = id -> "service:svc-" + id.substring(id.length() - 1);
    /** Stopped tasks that vanish between ListTasks and DescribeTasks (ECS dropped them). */
    Set<String> expired = Set.of();
    final List<ListTasksRequest> listTaskRequests = new CopyOnWriteArrayList<>();
    final List<DescribeTasksRequest> describeTaskRequests = new CopyOnWriteArrayList<>();

    FakeAws() {
        when(ecs.listServices(any(ListServicesRequest.class))).thenAnswer(a -> {
            ListServicesRequest r = a.getArgument(0);
            listRequests.add(r);
            return ListServicesResponse.builder()
                    .serviceArns(page(services, r.nextToken(), r.maxResults()).stream()
                            .map(s -> ACCOUNT + "service/" + r.cluster() + "/" + s).toList())
                    .nextToken(next(services, r.nextToken(), r.maxResults()))
                    .build();
        });
        when(ecs.describeServices(any(DescribeServicesRequest.class))).thenAnswer(a -> {
            DescribeServicesRequest r = a.getArgument(0);
            describeRequests.add(r);
            if (r.services().size() > 10) {
                throw new IllegalArgumentException("DescribeServices takes at most 10 services");
            }
            DescribeServicesResponse.Builder b = DescribeServicesResponse.builder();
            List<Service> found = new ArrayList<>();
            List<software.amazon.awssdk.services.ecs.model.Failure> missing = new ArrayList<>();
            for (String arn : r.services()) {
                String name = arn.substring(arn.lastIndexOf('/') + 1);
                if (vanished.contains(name)) {
                    missing.add(software.amazon.awssdk.services.ecs.model.Failure.builder().arn(arn).reason("MISSING").build());
                } else {
                    found.add(serviceOverrides.getOrDefault(name, Service.builder()
                            .serviceName(name).serviceArn(arn).status("ACTIVE")
                            .desiredCount(3).runningCount(2).pendingCount(1).launchType("FARGATE")
                            .taskDefinition(ACCOUNT + "task-definition/" + name + ":7")
                            .deployments(Deployment.builder().status("PRIMARY").rolloutState("COMPLETED").build())
                            .build()));
                }
            }
            return b.services(found).failures(missing).build();
        });
        when(ecs.listTasks(any(ListTasksRequest.class))).thenAnswer(a -> {
            ListTasksRequest r = a.getArgument(0);
            listTaskRequests.add(r);
            if (r.maxResults() != null && r.maxResults() > 100) {
                throw new IllegalArgumentException("ListTasks takes maxResults up to 100");
            }
            int size = r.maxResults() == null ? 100 : r.maxResults();
            return ListTasksResponse.builder()
                    .taskArns(page(stoppedTasks, r.nextToken(), size).stream().map(t -> taskArn(r.cluster(), t)).toList())
                    .nextToken(next(stoppedTasks, r.nextToken(), size))
                    .build();
        });
        when(ecs.describeTasks(any(DescribeTasksRequest.class))).thenAnswer(a -> {
            DescribeTasksRequest r = a.getArgument(0);
            describeTaskRequests.add(r);
            if (r.tasks().size() > 100) {
                throw new IllegalArgumentException("DescribeTasks takes at most 100 tasks");
            }
            List<Task> found = new ArrayList<>();
            List<software.amazon.awssdk.services.ecs.model.Failure> missing = new ArrayList<>();
            for (String arn : r.tasks()) {
                String id = arn.substring(arn.lastIndexOf('/') + 1);
                if (expired.contains(id)) {
                    missing.add(software.amazon.awssdk.services.ecs.model.Failure.builder().arn(arn).reason("MISSING").build());
                    continue;
                }
                found.add(Task.builder().taskArn(arn).group(stoppedTaskGroup.apply(id)).lastStatus("STOPPED")
                        .desiredStatus("STOPPED").stopCode("EssentialContainerExited")
                        .stoppedReason("Essential container in task exited").stoppedAt(NOW.minusSeconds(60))
                        .containers(Container.builder().name("app").exitCode(137)
                                .reason("OutOfMemoryError: Container killed due to memory usage").build())
                        .build());
            }
            return DescribeTasksResponse.builder().tasks(found).failures(missing).build();
        });
        when(ecs.listClusters(any(ListClustersRequest.class))).thenAnswer(a -> {
            ListClustersRequest r = a.getArgument(0);
            return ListClustersResponse.builder()
                    .clusterArns(page(clusters, r.nextToken(), r.maxResults()).stream().map(c -> ACCOUNT + "cluster/" + c).toList())
                    .nextToken(next(clusters, r.nextToken(), r.maxResults()))
                    .build();
        });
        when(ecs.describeClusters(any(DescribeClustersRequest.class))).thenAnswer(a -> {
            DescribeClustersRequest r = a.getArgument(0);
            if (r.clusters().size() > 100) {
                throw new IllegalArgumentException("DescribeClusters takes at most 100 clusters");
            }
            return DescribeClustersResponse.builder().clusters(r.clusters().stream().map(arn ->
                    software.amazon.awssdk.services.ecs.model.Cluster.builder()
                            .clusterArn(arn).clusterName(arn.substring(arn.lastIndexOf('/') + 1))
                            .activeServicesCount(4).runningTasksCount(9).pendingTasksCount(1).build()).toList()).build();
        });
        when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(a -> {
            GetMetricDataRequest r = a.getArgument(0);
            metricRequests.add(r);
            if (r.metricDataQueries().size() > 500) {
                throw new IllegalArgumentException("GetMetricData takes at most 500 queries");
            }
            boolean first = r.nextToken() == null;
            List<MetricDataResult> results = new ArrayList<>();
            for (MetricDataQuery q : r.metricDataQueries()) {
                if (q.expression() != null) {
                    results.addAll(insights(q));
                    continue;
                }
                var dims = q.metricStat().metric().dimensions();
                String service = dims.stream().filter(d -> d.name().equals("ServiceName")).map(d -> d.value()).findFirst().orElse(null);
                String cluster = dims.stream().filter(d -> d.name().equals("ClusterName")).map(d -> d.value()).findFirst().orElse(null);
                List<Double> values = data.apply(new String[] {service, q.metricStat().metric().metricName(), q.metricStat().stat(), cluster});
                int from = 0;
                int to = values.size();
                if (partial) {
                    int half = values.size() / 2;
                    from = first ? 0 : half;
                    to = first ? half : values.size();
                }
                List<Instant> times = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    times.add(r.startTime().plus(r.metricDataQueries().get(0).metricStat().period() * (long) i, java.time.temporal.ChronoUnit.SECONDS));
                }
                results.add(MetricDataResult.builder().id(q.id()).label(q.id())
                        .timestamps(times).values(values.subList(from, to))
                        .statusCode(partial && first ? StatusCode.PARTIAL_DATA : StatusCode.COMPLETE).build());
            }
            return GetMetricDataResponse.builder().metricDataResults(results)
                    .nextToken(partial && first ? "more" : null).build();
        });
    }

    /** A Metrics Insights query over every cluster's services: the first 500 as CloudWatch labels them. */
    private List<MetricDataResult> insights(MetricDataQuery q) {
        List<MetricDataResult> out = new ArrayList<>();
        for (String c : clusters) {
            for (String svc : services) {
                if (out.size() < 500) {
                    out.add(MetricDataResult.builder().id(q.id()).label(c + " " + svc)
                            .timestamps(NOW).values(50.0).statusCode(StatusCode.COMPLETE).build());
                }
            }
        }
        return out;
    }

    static String taskArn(String cluster, String id) {
        return ACCOUNT + "task/" + cluster + "/" + id;
    }

    static List<String> names(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("%s%04d", prefix, i));
        }
        return out;
    }

    private static <T> List<T> page(List<T> all, String token, Integer max) {
        int from = token == null ? 0 : Integer.parseInt(token);
        int size = max == null ? 10 : max;
        return all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
    }

    private static String next(List<?> all, String token, Integer max) {
        int from = token == null ? 0 : Integer.parseInt(token);
        int to = from + (max == null ? 10 : max);
        return to < all.size() ? Integer.toString(to) : null;
    }

    TokenBucket bucket(double burst, double perSecond) {
        return new TokenBucket(burst, perSecond, clock::get, clock::addAndGet);
    }

    AwsFleetReader reader() {
        return reader(Optional.empty());
    }

    /** With the right-sizing reads on the given clients, prices cached in memory only. */
    AwsFleetReader reader(software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient scaling,
                          software.amazon.awssdk.services.pricing.PricingClient pricing) {
        return new AwsFleetReader(AwsFleetReader.Parts.of(() -> ecs, () -> cloudWatch, () -> { }, Optional.empty(), "us-east-1")
                .withBuckets(bucket(100, 20), bucket(50, 20), bucket(50, 50))
                .withClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                .withSizing(new RightsizeClients(() -> scaling, () -> pricing, bucket(50, 20), new PriceCache(Optional.empty()))));
    }

    AwsFleetReader reader(Optional<String> profile) {
        return new AwsFleetReader(AwsFleetReader.Parts.of(() -> ecs, () -> cloudWatch, () -> { }, profile, "us-east-1")
                .withBuckets(bucket(100, 20), bucket(50, 20), bucket(50, 50)).withTaskReads(bucket(100, 20))
                .withClock(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC)));
    }
}
