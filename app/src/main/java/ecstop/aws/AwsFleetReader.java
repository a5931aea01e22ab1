package ecstop.aws;

import ecstop.config.WallClock;
import ecstop.config.Settings;
import ecstop.domain.Arns;
import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetLimits;
import ecstop.domain.FleetReader;
import ecstop.domain.FleetRequest;
import ecstop.domain.FleetRow;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.MetricKey;
import ecstop.domain.Periods;
import ecstop.domain.Series;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.StoppedTasks;
import ecstop.domain.Target;
import ecstop.domain.TimeWindow;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.ScalingPolicy;
import ecstop.domain.rightsize.TaskDefinition;
import java.util.Collection;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.ListClustersRequest;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;

/**
 * The fleet as ECS and CloudWatch describe it, with the fewest calls the APIs allow:
 * ListServices at 100 a page, GetMetricData at 500 queries a call started as each page
 * arrives, DescribeServices at 10 a call paced by ECS's own token bucket so that it never
 * throttles and never holds up the metric data. The cluster list comes with each cluster's
 * reservation, all clusters in one GetMetricData call per 250. See issue 5 for the budget
 * and CallBudgetTest for its guard.
 */
public final class AwsFleetReader implements FleetReader, AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AwsFleetReader.class);
    static final int PAGE = 100;
    static final int DESCRIBE_BATCH = 10;
    static final int DESCRIBE_CLUSTERS_BATCH = 100;
    /** Tokens DescribeServices leaves in the service-read bucket for ListServices pages. */
    static final double LISTING_RESERVE = 10;
    private static final int METRIC_THREADS = 4;
    /**
     * Enough that 100 DescribeServices (a 1,000-service cluster) finish about when the
     * listing does; the token bucket, not the pool, is what keeps them within ECS's rate.
     */
    private static final int DESCRIBE_THREADS = 8;

    private final Supplier<EcsClient> ecs;
    private final Supplier<CloudWatchClient> cloudWatch;
    private final TokenBucket serviceReads;
    private final TokenBucket clusterReads;
    private final TokenBucket metricCalls;
    private final TokenBucket taskReads;
    private final Failures failures;
    private final ExecutorService metricPool = pool(METRIC_THREADS, "ecs-top-metrics");
    private final ExecutorService describePool = pool(DESCRIBE_THREADS, "ecs-top-describe");
    private final AtomicReference<CallStats> totals = new AtomicReference<>(CallStats.NONE);
    /** The services the last cluster list counted in this target's account; empty until one was read whole. */
    private final AtomicReference<OptionalLong> listedServices = new AtomicReference<>(OptionalLong.empty());
    private final AutoCloseable clients;
    private final Clock clock;
    private final Target target;
    private final Optional<RightsizeReads> rightsize;
    private final Optional<ScalingActivityReads> scalingActivities;
    private final ServiceSeriesReads serviceSeries;
    private final TaskReads tasks;
    private final ContainerLimitReads containerLimits;

    /**
     * What a reader is made of: its SDK clients (built on first call, closed with the reader),
     * the target it reads, the profile its failures name, "now" for the cluster list's
     * reservation metrics (a snapshot's is in its request), the token buckets its calls draw on
     * (ECS's service reads, cluster reads and cluster-resource reads for ListTasks and
     * DescribeTasks; CloudWatch's GetMetricData), and the right-sizing reads (without them those
     * answer UNSUPPORTED). {@link #of} gives AWS's own rates; tests change what they need.
     */
    record Parts(Supplier<EcsClient> ecs, Supplier<CloudWatchClient> cloudWatch, AutoCloseable clients, Target target,
                 Optional<String> profile, Clock clock, TokenBucket serviceReads, TokenBucket clusterReads,
                 TokenBucket metricCalls, TokenBucket taskReads, Optional<RightsizeClients> sizing) {
        /** At AWS's rates, on the system clock, without the right-sizing reads. */
        static Parts of(Supplier<EcsClient> ecs, Supplier<CloudWatchClient> cloudWatch, AutoCloseable clients,
                        Optional<String> profile, String region) {
            return new Parts(ecs, cloudWatch, clients, Target.of(profile.orElse(Targets.DEFAULT_PROFILE), region), profile,
                    WallClock.utc(), TokenBucket.ecsServiceReads(), TokenBucket.ecsClusterReads(), TokenBucket.getMetricData(),
                    TokenBucket.ecsClusterResourceReads(), Optional.empty());
        }

        Parts withBuckets(TokenBucket service, TokenBucket cluster, TokenBucket metrics) {
            return new Parts(ecs, cloudWatch, clients, target, profile, clock, service, cluster, metrics, taskReads, sizing);
        }

        Parts withTaskReads(TokenBucket tasks) {
            return new Parts(ecs, cloudWatch, clients, target, profile, clock, serviceReads, clusterReads, metricCalls, tasks,
                    sizing);
        }

        Parts withClock(Clock c) {
            return new Parts(ecs, cloudWatch, clients, target, profile, c, serviceReads, clusterReads, metricCalls, taskReads,
                    sizing);
        }

        Parts withTarget(Target t) {
            return new Parts(ecs, cloudWatch, clients, t, profile, clock, serviceReads, clusterReads, metricCalls, taskReads,
                    sizing);
        }

        Parts withSizing(RightsizeClients r) {
            return new Parts(ecs, cloudWatch, clients, target, profile, clock, serviceReads, clusterReads, metricCalls, taskReads,
                    Optional.of(r));
        }
    }

    AwsFleetReader(Parts parts) {
        this.target = parts.target();
        this.ecs = parts.ecs();
        this.cloudWatch = parts.cloudWatch();
        this.serviceReads = parts.serviceReads();
        this.clusterReads = parts.clusterReads();
        this.metricCalls = parts.metricCalls();
        this.taskReads = parts.taskReads();
        this.failures = new Failures(parts.profile());
        this.clients = parts.clients();
        this.clock = parts.clock();
        this.rightsize = parts.sizing().map(r -> new RightsizeReads(ecs, r.scaling(), r.pricing(), r.taskDefinitionReads(),
                failures, spent -> totals.accumulateAndGet(spent, CallStats::plus), r.prices(), clock));
        Consumer<CallStats> spent = c -> totals.accumulateAndGet(c, CallStats::plus);
        this.scalingActivities = parts.sizing().map(r -> new ScalingActivityReads(r.scaling(), failures, spent));
        this.serviceSeries = new ServiceSeriesReads(cloudWatch, metricCalls, failures, spent);
        this.tasks = new TaskReads(ecs, cloudWatch, clusterReads, taskReads, metricCalls, failures, spent);
        this.containerLimits = new ContainerLimitReads(cloudWatch, metricCalls, failures, spent);
    }

    /**
     * A reader for the AWS the target names. The region is resolved now (a missing one is
     * Left, a one-line configuration error); the SDK clients are built on first call.
     */
    public static Either<String, AwsFleetReader> create(AwsTarget target) {
        return create(target, WallClock.utc());
    }

    private static Either<String, AwsFleetReader> create(AwsTarget target, Clock clock) {
        return create(target, System.getenv(), clock);
    }

    private static Either<String, AwsFleetReader> create(AwsTarget target, Map<String, String> env, Clock clock) {
        return AwsClients.create(target, env).map(c -> new AwsFleetReader(Parts.of(c::ecs, c::cloudWatch, c, target.profile(),
                c.region().id()).withClock(clock).withSizing(RightsizeClients.of(c, target))));
    }

    public static Either<String, AwsFleetReader> fromSettings(Settings settings) {
        return fromSettings(settings, System.getenv());
    }

    /** As {@link #fromSettings(Settings)}, with the proxy, CA bundle and retry variables read from {@code env}. */
    public static Either<String, AwsFleetReader> fromSettings(Settings settings, Map<String, String> env) {
        return create(AwsTarget.from(settings), env, WallClock.utc());
    }

    /** A reader for a local endpoint (the emulator): static dummy credentials, region us-east-1. */
    public static AwsFleetReader forEndpoint(URI endpoint) {
        return forEndpoint(endpoint, WallClock.utc());
    }

    /** As {@link #forEndpoint(URI)}, for another of the emulator's regions. */
    public static AwsFleetReader forEndpoint(URI endpoint, String region) {
        return create(AwsTarget.emulator(endpoint, region), WallClock.utc()).get();
    }

    /**
     * As {@link #forEndpoint(URI, String)}, the target named after {@code profile}; Left (one
     * line) for a region AWS would not take either.
     */
    public static Either<String, AwsFleetReader> forEndpoint(URI endpoint, Optional<String> profile, String region) {
        return create(AwsTarget.emulator(endpoint, profile, region), WallClock.utc());
    }

    /** As {@link #forEndpoint(URI, String)}, on an emulator whose clock is fixed (see {@link #forEndpoint(URI, Clock)}). */
    public static AwsFleetReader forEndpoint(URI endpoint, String region, Clock clock) {
        return create(AwsTarget.emulator(endpoint, region), clock).get();
    }

    /** As {@link #forEndpoint(URI)}, on an emulator whose clock is fixed: the reservations are read as of {@code clock}. */
    public static AwsFleetReader forEndpoint(URI endpoint, Clock clock) {
        return create(AwsTarget.emulator(endpoint), clock).get();
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public CallStats totals() {
        return totals.get();
    }

    @Override
    public Either<Failure, Map<String, TaskDefinition>> taskDefinitions(ClusterRef cluster, Collection<String> arns) {
        return rightsize.map(r -> r.taskDefinitions(cluster, arns)).orElseGet(() -> FleetReader.super.taskDefinitions(cluster, arns));
    }

    @Override
    public Either<Failure, Map<String, List<ScalingPolicy>>> scalingPolicies(ClusterRef cluster) {
        return rightsize.map(r -> r.scalingPolicies(cluster)).orElseGet(() -> FleetReader.super.scalingPolicies(cluster));
    }

    @Override
    public Either<Failure, FargatePrices> fargatePrices(ClusterRef cluster) {
        return rightsize.map(r -> r.fargatePrices(cluster)).orElseGet(() -> FleetReader.super.fargatePrices(cluster));
    }

    @Override
    public Either<Failure, ecstop.domain.timeline.ServiceSeries> serviceSeries(ServiceRef service, TimeWindow window,
                                                                              boolean withMinimum) {
        return serviceSeries.read(service, window, withMinimum);
    }

    @Override
    public Either<Failure, Map<ServiceRef, ecstop.domain.timeline.ServiceSeries>> serviceSeries(List<ServiceRef> services,
                                                                                             TimeWindow window,
                                                                                             boolean withMinimum) {
        return serviceSeries.read(services, window, withMinimum);
    }

    @Override
    public Either<Failure, List<ecstop.domain.task.ScalingActivity>> scalingActivities(ServiceRef service, Instant since) {
        return scalingActivities.map(r -> r.activities(service, since))
                .orElseGet(() -> FleetReader.super.scalingActivities(service, since));
    }

    @Override
    public Either<Failure, ecstop.domain.task.InsightsLevel> insightsLevel(ClusterRef cluster) {
        return tasks.insights(cluster);
    }

    @Override
    public Either<Failure, List<ecstop.domain.task.RunningTask>> runningTasks(ClusterRef cluster, Optional<String> service) {
        return tasks.running(cluster, service);
    }

    @Override
    public Either<Failure, ecstop.domain.task.TaskUsages> taskUsage(ServiceRef service,
                                                                  List<ecstop.domain.task.RunningTask> running,
                                                                  TimeWindow window) {
        return tasks.usage(service, running, window);
    }

    @Override
    public Either<Failure, ecstop.domain.task.ContainerLimits> containerLimits(Optional<ClusterRef> only, TimeWindow window) {
        return containerLimits.read(target, only, window);
    }

    @Override
    public Either<Failure, List<Cluster>> clusters() {
        CallTally tally = new CallTally();
        try {
            List<Cluster> out = describedClusters(tally);
            out.sort(Comparator.comparing(Cluster::name));
            return Either.right(withReservations(out, tally));
        } catch (FailureException e) {
            return Either.left(failure(e, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs:ListClusters", "interrupted"));
        } finally {
            totals.accumulateAndGet(tally.stats(), CallStats::plus);
        }
    }

    /**
     * Every cluster, described (services and tasks, no reservation); also remembered as the
     * number of services the fleet's Metrics Insights queries match ({@link InsightsFleet#analysed}).
     */
    private List<Cluster> describedClusters(CallTally tally) throws InterruptedException {
        List<String> arns = clusterArns(tally);
        Map<String, Cluster> byArn = new LinkedHashMap<>();
        arns.forEach(a -> byArn.put(a, Cluster.named(new ClusterRef(target, Arns.lastSegment(a)), a)));
        for (List<String> batch : chunks(arns, DESCRIBE_CLUSTERS_BATCH)) {
            clusterReads.acquire();
            tally.call("DescribeClusters");
            DescribeClustersResponse r = call("ecs:DescribeClusters", () -> ecs.get().describeClusters(DescribeClustersRequest.builder()
                    .clusters(batch).overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
            r.clusters().forEach(c -> byArn.put(c.clusterArn(), new Cluster(new ClusterRef(target, c.clusterName()), c.clusterArn(),
                    c.activeServicesCount(), c.runningTasksCount(), c.pendingTasksCount(),
                    OptionalDouble.empty(), OptionalDouble.empty())));
        }
        List<Cluster> out = new ArrayList<>(byArn.values());
        // A cluster ECS did not describe (-1) leaves the count unknown rather than short.
        listedServices.set(out.stream().anyMatch(c -> c.activeServices() < 0) ? OptionalLong.empty()
                : OptionalLong.of(out.stream().mapToLong(Cluster::activeServices).sum()));
        return out;
    }

    /** Every cluster's ARN, all pages. */
    private List<String> clusterArns(CallTally tally) throws InterruptedException {
        List<String> arns = new ArrayList<>();
        String token = null;
        do {
            clusterReads.acquire();
            tally.call("ListClusters");
            String t = token;
            ListClustersResponse r = call("ecs:ListClusters", () -> ecs.get().listClusters(ListClustersRequest.builder()
                    .maxResults(PAGE).nextToken(t).overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
            arns.addAll(r.clusterArns());
            token = r.nextToken();
        } while (token != null && !token.isEmpty());
        return arns;
    }

    /** Calls {@code page} with each page of the cluster's service ARNs as it arrives. */
    private void servicePages(String cluster, CallTally tally, Consumer<List<String>> page) throws InterruptedException {
        String token = null;
        do {
            serviceReads.acquire();
            tally.call("ListServices");
            String t = token;
            ListServicesResponse r = call("ecs:ListServices", () -> ecs.get().listServices(ListServicesRequest.builder()
                    .cluster(cluster).maxResults(PAGE).nextToken(t)
                    .overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
            page.accept(r.serviceArns());
            token = r.nextToken();
        } while (token != null && !token.isEmpty());
    }

    /**
     * Each cluster's CPU and memory reservation now: the latest one-minute Maximum of the
     * last hour, two queries a cluster, so ceil(2C/500) calls for C clusters. Fargate-only
     * clusters publish none and stay empty. If CloudWatch fails, the clusters come without
     * reservations rather than not at all: the picker is how one gets anywhere; the
     * snapshot's own metric calls will show the error.
     */
    private List<Cluster> withReservations(List<Cluster> clusters, CallTally tally) throws InterruptedException {
        if (clusters.isEmpty()) {
            return List.of();
        }
        MetricBatches metrics = null;
        try {
            metrics = new MetricBatches("the cluster list", Periods.window(Lookback.hours(1), clock.instant()),
                    call("cloudwatch:GetMetricData", cloudWatch), metricCalls, metricPool, tally);
            for (Cluster c : clusters) {
                metrics.add(QuerySpec.cluster(c.name(), QuerySpec.CPU_RESERVATION, Stat.MAX));
                metrics.add(QuerySpec.cluster(c.name(), QuerySpec.MEMORY_RESERVATION, Stat.MAX));
            }
            metrics.flush();
            Map<Integer, Series> points = metrics.await();
            List<Cluster> out = new ArrayList<>(clusters.size());
            for (int i = 0; i < clusters.size(); i++) {
                out.add(clusters.get(i).withReservation(latest(points, 2 * i), latest(points, 2 * i + 1)));
            }
            return List.copyOf(out);
        } catch (FailureException | ExecutionException e) {
            LOG.warn("cluster reservations unavailable: {}", e.getCause() != null ? e.getCause().toString() : e.toString());
            return List.copyOf(clusters);
        } finally {
            if (metrics != null) {
                metrics.cancel();
            }
        }
    }

    private static OptionalDouble latest(Map<Integer, Series> points, int query) {
        return points.getOrDefault(query, Series.EMPTY).last();
    }

    @Override
    public Either<Failure, Snapshot> snapshot(SnapshotRequest request) {
        return snapshot(request, s -> { });
    }

    @Override
    public Either<Failure, Snapshot> snapshot(SnapshotRequest request, Consumer<Snapshot> metricsReady) {
        CallTally tally = new CallTally();
        TimeWindow window = Periods.window(request.lookback(), request.now());
        String cluster = request.cluster().name();
        Stat stat = request.stat();
        List<Future<List<ServiceInfo>>> describes = new ArrayList<>();
        MetricBatches metrics = null;
        try {
            // Building the client can fail too (a broken profile file): report it like a call.
            metrics = new MetricBatches("cluster " + cluster, window, call("cloudwatch:GetMetricData", cloudWatch),
                    metricCalls, metricPool, tally);
            // as the picker shows it: the latest Maximum, whichever statistic the panels show
            metrics.add(QuerySpec.cluster(cluster, QuerySpec.CPU_RESERVATION, Stat.MAX));
            metrics.add(QuerySpec.cluster(cluster, QuerySpec.MEMORY_RESERVATION, Stat.MAX));
            List<String> names = new ArrayList<>();
            MetricBatches batches = metrics;
            servicePages(cluster, tally, page -> {
                for (String arn : page) {
                    String name = Arns.lastSegment(arn);
                    names.add(name);
                    for (Stat s : request.detailService().filter(d -> d.name().equals(name)).isPresent()
                            ? List.of(stat, stat.other()) : List.of(stat)) {
                        batches.add(QuerySpec.service(cluster, name, Metric.CPU, s));
                        batches.add(QuerySpec.service(cluster, name, Metric.MEMORY, s));
                    }
                }
                if (request.withServiceInfo()) {
                    for (List<String> batch : chunks(page, DESCRIBE_BATCH)) {
                        describes.add(describePool.submit(() -> describe(cluster, batch, request.now(), tally)));
                    }
                }
            });
            metrics.flush();

            Map<Integer, Series> points = metrics.await();
            if (request.withServiceInfo()) {
                metricsReady.accept(assemble(request, window, names, metrics.specs(), points, Optional.empty(), tally.stats()));
            }
            Map<ServiceRef, ServiceInfo> info = new HashMap<>();
            for (Future<List<ServiceInfo>> f : describes) {
                f.get().forEach(s -> info.put(new ServiceRef(request.cluster(), s.name()), s));
            }
            return Either.right(assemble(request, window, names, metrics.specs(), points,
                    request.withServiceInfo() ? Optional.of(info) : Optional.empty(), tally.stats()));
        } catch (FailureException e) {
            return Either.left(failure(e, cluster));
        } catch (ExecutionException e) {
            return Either.left(failure(e, "ecs-top", cluster));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs:ListServices", "interrupted"));
        } finally {
            if (metrics != null) {
                metrics.cancel();
            }
            describes.forEach(f -> f.cancel(true));
            totals.accumulateAndGet(tally.stats(), CallStats::plus);
        }
    }

    /**
     * The fleet: up to two weeks back one Metrics Insights query per metric (2 GetMetricData
     * calls however many clusters, made in parallel); beyond, every cluster's services listed
     * and their metrics asked for in MetricStat batches of 500 across clusters.
     */
    @Override
    public Either<Failure, FleetSnapshot> fleet(FleetRequest request) {
        CallTally tally = new CallTally();
        TimeWindow window = Periods.window(request.lookback(), request.now());
        MetricBatches[] batches = new MetricBatches[1];
        List<Future<InsightsFleet.Answer>> answers = new ArrayList<>();
        try {
            CloudWatchClient cw = call("cloudwatch:GetMetricData", cloudWatch);
            boolean insights = InsightsFleet.serves(window, request.now());
            // In the order CloudWatch ranked them: busiest CPU first, then services only memory ranked.
            Map<ServiceRef, Map<MetricKey, Series>> rows = new LinkedHashMap<>();
            FleetLimits limits = FleetLimits.NONE;
            if (insights) {
                for (Metric m : Metric.values()) {
                    answers.add(metricPool.submit(() -> InsightsFleet.fetch(cw, metricCalls, tally, window, m,
                            request.stat(), request.byAccount())));
                }
                for (int i = 0; i < answers.size(); i++) {
                    InsightsFleet.Answer a = answers.get(i).get();
                    count(a, request.byAccount(), tally);
                    limits = limits.plus(a.limits());
                    MetricKey key = MetricKey.of(Metric.values()[i], request.stat());
                    a.series().forEach((k, points) -> row(rows, new ServiceRef(new ClusterRef(k.account()
                            .map(target::withAccount).orElse(target), k.cluster()), k.service())).put(key, points));
                }
            } else {
                batches[0] = new MetricBatches("the fleet", window, cw, metricCalls, metricPool, tally);
                MetricBatches metrics = batches[0];
                for (String arn : clusterArns(tally)) {
                    String cluster = Arns.lastSegment(arn);
                    servicePages(cluster, tally, page -> page.forEach(service -> {
                        for (Metric m : Metric.values()) {
                            metrics.add(QuerySpec.service(cluster, Arns.lastSegment(service), m, request.stat()));
                        }
                    }));
                }
                metrics.flush();
                Map<Integer, Series> points = metrics.await();
                List<QuerySpec> specs = metrics.specs();
                for (int i = 0; i < specs.size(); i++) {
                    QuerySpec q = specs.get(i);
                    row(rows, new ServiceRef(new ClusterRef(target, q.cluster()), q.service()))
                            .put(MetricKey.of(q.metric(), q.stat()), points.getOrDefault(i, Series.EMPTY));
                }
            }
            List<FleetRow> out = new ArrayList<>();
            rows.forEach((service, series) -> out.add(new FleetRow(service.cluster(), new ServiceUsage(service, series))));
            return Either.right(new FleetSnapshot(target, request.lookback(), request.stat(), window, request.now(), out,
                    insights ? FleetSnapshot.Source.METRICS_INSIGHTS : FleetSnapshot.Source.PER_CLUSTER, limits,
                    tally.stats()));
        } catch (FailureException e) {
            return Either.left(failure(e, null));
        } catch (ExecutionException e) {
            return Either.left(failure(e, "ecs-top", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "cloudwatch:GetMetricData", "interrupted"));
        } finally {
            if (batches[0] != null) {
                batches[0].cancel();
            }
            // The other metric's call may be on the wire when one fails: let it end, so that
            // what it cost is counted (two calls at most, each bounded by the call timeout).
            answers.forEach(AwsFleetReader::awaitQuietly);
            totals.accumulateAndGet(tally.stats(), CallStats::plus);
        }
    }

    /**
     * Counts the metrics {@code a}'s query was billed for. Only a query capped at 500 needs the
     * cluster list; without one read yet (a fleet asked for first, as {@code --once} does) it
     * is read here: ECS reads are not billed, and two calls (ListClusters, DescribeClusters, per
     * 100 clusters) turn "at least 500" into the count.
     */
    private void count(InsightsFleet.Answer a, boolean byAccount, CallTally tally) throws InterruptedException {
        boolean open = !a.limits().capped().isEmpty() && a.limits().sampled().isEmpty();
        if (open && listedServices.get().isEmpty()) {
            try {
                describedClusters(tally);
            } catch (FailureException e) {
                // The fleet stands without it; the meter says "at least".
                LOG.warn("cluster list for the fleet's metric count failed: {}", Failures.oneLine(e.getMessage()));
            }
        }
        InsightsFleet.Analysed n = InsightsFleet.analysed(a, listedServices.get(), byAccount);
        tally.metrics((long) a.calls() * n.least(), (long) a.calls() * n.most());
    }

    private static Map<MetricKey, Series> row(Map<ServiceRef, Map<MetricKey, Series>> rows, ServiceRef service) {
        return rows.computeIfAbsent(service, s -> new HashMap<>());
    }

    /**
     * DescribeServices for the fleet rows that need task counts, 10 a call per cluster, paced
     * by the same client-side copy of ECS's service-read bucket as the cluster view. Rows of
     * another profile or region are not this reader's to ask about; rows of a linked source
     * account (seen through a monitoring account's metrics) are not visible to ECS here, and
     * their clusters answer ClusterNotFoundException: both are left out of the answer.
     */
    @Override
    public Either<Failure, Map<ServiceRef, ServiceInfo>> serviceInfo(Collection<ServiceRef> services) {
        CallTally tally = new CallTally();
        Map<ClusterRef, List<String>> byCluster = new LinkedHashMap<>();
        for (ServiceRef s : services) {
            Target t = s.cluster().target();
            if (t.profile().equals(target.profile()) && t.region().equals(target.region())) {
                byCluster.computeIfAbsent(s.cluster(), c -> new ArrayList<>()).add(s.name());
            }
        }
        Map<ClusterRef, List<Future<List<ServiceInfo>>>> calls = new LinkedHashMap<>();
        try {
            byCluster.forEach((cluster, names) -> chunks(names, DESCRIBE_BATCH).forEach(batch -> calls
                    .computeIfAbsent(cluster, c -> new ArrayList<>())
                    .add(describePool.submit(() -> describe(cluster.name(), batch, clock.instant(), tally)))));
            Map<ServiceRef, ServiceInfo> out = new LinkedHashMap<>();
            for (Map.Entry<ClusterRef, List<Future<List<ServiceInfo>>>> e : calls.entrySet()) {
                for (Future<List<ServiceInfo>> f : e.getValue()) {
                    try {
                        f.get().forEach(i -> out.put(new ServiceRef(e.getKey(), i.name()), i));
                    } catch (ExecutionException x) {
                        Failure failure = failure(x, "ecs:DescribeServices", e.getKey().name());
                        if (failure.kind() != Failure.Kind.NOT_FOUND) {
                            return Either.left(failure);
                        }
                    }
                }
            }
            return Either.right(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs:DescribeServices", "interrupted"));
        } finally {
            calls.values().forEach(list -> list.forEach(f -> f.cancel(true)));
            totals.accumulateAndGet(tally.stats(), CallStats::plus);
        }
    }

    private List<ServiceInfo> describe(String cluster, List<String> arns, Instant now, CallTally tally)
            throws InterruptedException {
        serviceReads.acquire(LISTING_RESERVE);
        tally.call("DescribeServices");
        DescribeServicesResponse r = call("ecs:DescribeServices", () -> ecs.get().describeServices(DescribeServicesRequest.builder()
                .cluster(cluster).services(arns).overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
        // Services deleted between the listing and now come back in failures[] (MISSING): skip them.
        List<ServiceInfo> out = new ArrayList<>();
        for (software.amazon.awssdk.services.ecs.model.Service s : r.services()) {
            String rollout = s.deployments().stream()
                    .filter(d -> "PRIMARY".equals(d.status()))
                    .map(d -> d.rolloutStateAsString() == null ? "" : d.rolloutStateAsString())
                    .findFirst().orElse("");
            out.add(new ServiceInfo(s.serviceName(), s.serviceArn(), s.status(),
                    intOf(s.desiredCount()), intOf(s.runningCount()), intOf(s.pendingCount()),
                    launchType(s), s.taskDefinition() == null ? "" : s.taskDefinition(), rollout,
                    ServiceHealths.of(s, now)));
        }
        return out;
    }

    private static void awaitQuietly(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // its failure is already the answer, or another one is
        }
    }

    @Override
    public Either<Failure, StoppedTasks> stoppedTasks(ClusterRef cluster) {
        return stopped(cluster, Optional.empty());
    }

    @Override
    public Either<Failure, StoppedTasks> stoppedTasks(ServiceRef service) {
        return stopped(service.cluster(), Optional.of(service.name()));
    }

    private Either<Failure, StoppedTasks> stopped(ClusterRef cluster, Optional<String> service) {
        CallTally tally = new CallTally();
        try {
            return Either.right(new StoppedTaskReads(ecs, taskReads, tally).read(cluster, service, clock.instant()));
        } catch (FailureException e) {
            return Either.left(failure(e, cluster.name()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs:ListTasks", "interrupted"));
        } finally {
            totals.accumulateAndGet(tally.stats(), CallStats::plus);
        }
    }

    /** A service on capacity providers has no launch type; Fargate's providers still say what it runs on. */
    static String launchType(software.amazon.awssdk.services.ecs.model.Service s) {
        if (s.launchTypeAsString() != null) {
            return s.launchTypeAsString();
        }
        List<CapacityProviderStrategyItem> cps = s.capacityProviderStrategy();
        if (cps.isEmpty()) {
            return "";
        }
        boolean fargate = cps.stream().allMatch(c -> c.capacityProvider() != null && c.capacityProvider().startsWith("FARGATE"));
        return fargate ? "FARGATE" : "CAPACITY_PROVIDER";
    }

    private static Snapshot assemble(SnapshotRequest request, TimeWindow window, List<String> names, List<QuerySpec> specs,
                                     Map<Integer, Series> points, Optional<Map<ServiceRef, ServiceInfo>> info,
                                     CallStats stats) {
        Map<String, Map<MetricKey, Series>> byService = new LinkedHashMap<>();
        names.forEach(n -> byService.put(n, new HashMap<>()));
        OptionalDouble cpuReservation = OptionalDouble.empty();
        OptionalDouble memoryReservation = OptionalDouble.empty();
        for (int i = 0; i < specs.size(); i++) {
            QuerySpec spec = specs.get(i);
            Series series = points.getOrDefault(i, Series.EMPTY);
            if (spec.service() != null) {
                byService.get(spec.service()).put(MetricKey.of(spec.metric(), spec.stat()), series);
            } else if (QuerySpec.CPU_RESERVATION.equals(spec.metricName())) {
                cpuReservation = series.last();
            } else {
                memoryReservation = series.last();
            }
        }
        List<ServiceUsage> services = new ArrayList<>(byService.size());
        byService.forEach((n, s) -> services.add(new ServiceUsage(new ServiceRef(request.cluster(), n), s)));
        return new Snapshot(request.scope(), request.lookback(), request.stat(), window, request.now(),
                services, info, Optional.of(Cluster.named(request.cluster(), "").withReservation(cpuReservation, memoryReservation)),
                stats);
    }

    private Failure failure(FailureException e, String cluster) {
        return e.failure != null ? e.failure : failures.of(e.getCause(), e.operation, cluster);
    }

    /** What a worker thread met; {@code operation} names it when the thread did not say. */
    private Failure failure(ExecutionException e, String operation, String cluster) {
        return e.getCause() instanceof FailureException f ? failure(f, cluster) : failures.of(e.getCause(), operation, cluster);
    }

    /** Runs one SDK call, tagging anything it throws with the operation for the error line. */
    static <T> T call(String operation, Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (RuntimeException e) {
            throw new FailureException(operation, e);
        }
    }

    private static int intOf(Integer i) {
        return i == null ? 0 : i;
    }

    static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(List.copyOf(list.subList(i, Math.min(list.size(), i + size))));
        }
        return out;
    }

    /** Daemon threads that end after 30 s idle, so a TUI between refreshes holds none. */
    private static ExecutorService pool(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public void close() {
        metricPool.shutdownNow();
        describePool.shutdownNow();
        try {
            clients.close();
        } catch (Exception e) {
            LOG.warn("closing the AWS clients", e);
        }
    }
}
