package ecstop.aws;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.ServiceRef;
import ecstop.domain.TimeWindow;
import ecstop.domain.task.ContainerMetric;
import ecstop.domain.task.ContainerUsage;
import ecstop.domain.task.InsightsLevel;
import ecstop.domain.task.RunningTask;
import ecstop.domain.task.TaskContainer;
import ecstop.domain.task.TaskMetric;
import ecstop.domain.task.TaskUsage;
import ecstop.domain.task.TaskUsages;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterSetting;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The reads the tasks pane needs, each one method, each counted:
 * <ul>
 * <li>{@link #insights}: one DescribeClusters with include SETTINGS, for where per-task
 *     figures can come from (the cluster reads' bucket);</li>
 * <li>{@link #running}: ListTasks (desiredStatus RUNNING, 100 a page, of one service or the
 *     whole cluster) and DescribeTasks at its limit of 100, so N tasks cost ceil(N/100) of
 *     each, on ECS's bucket for cluster resource reads;</li>
 * <li>{@link #usage}: the service's task and container series from Container Insights with
 *     enhanced observability as MetricStat queries, three per task and three per container,
 *     at most 500 to a GetMetricData call (one call for up to ~80 single-container tasks).
 *     MetricStat rather than a Metrics Insights query per metric: the task ids come from
 *     ListTasks anyway, a query's Id maps back to its task without parsing labels, every
 *     metric rides in the same call (a call takes one Insights query only), and it works
 *     where an endpoint refuses Metrics Insights. Billed per query sent.</li>
 * </ul>
 * A task listed and gone by the time it is described comes back in DescribeTasks'
 * failures[] and is left out.
 */
final class TaskReads {
    static final int PAGE = 100;
    static final int DESCRIBE_BATCH = 100;
    static final String SETTING = "containerInsights";

    private final Supplier<EcsClient> ecs;
    private final Supplier<CloudWatchClient> cloudWatch;
    private final TokenBucket clusterReads;
    private final TokenBucket taskReads;
    private final TokenBucket metricCalls;
    private final Failures failures;
    private final Consumer<CallStats> spent;

    /** {@code spent} receives what each read cost, whether it succeeded or not. */
    TaskReads(Supplier<EcsClient> ecs, Supplier<CloudWatchClient> cloudWatch, TokenBucket clusterReads,
              TokenBucket taskReads, TokenBucket metricCalls, Failures failures, Consumer<CallStats> spent) {
        this.ecs = ecs;
        this.cloudWatch = cloudWatch;
        this.clusterReads = clusterReads;
        this.taskReads = taskReads;
        this.metricCalls = metricCalls;
        this.failures = failures;
        this.spent = spent;
    }

    /** The cluster's containerInsights setting. */
    Either<Failure, InsightsLevel> insights(ClusterRef cluster) {
        CallTally tally = new CallTally();
        try {
            clusterReads.acquire();
            tally.call("DescribeClusters");
            DescribeClustersResponse r = AwsFleetReader.call("ecs:DescribeClusters", () -> ecs.get().describeClusters(
                    DescribeClustersRequest.builder().clusters(cluster.name()).include(ClusterField.SETTINGS)
                            .overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
            if (r.clusters().isEmpty()) {
                return Either.left(new Failure(Failure.Kind.NOT_FOUND, "ecs:DescribeClusters", "cluster " + cluster.name()));
            }
            String value = r.clusters().get(0).settings().stream().filter(s -> SETTING.equals(s.nameAsString()))
                    .map(ClusterSetting::value).findFirst().orElse(null);
            return Either.right(InsightsLevel.parse(value));
        } catch (FailureException e) {
            return Either.left(failure(e, cluster));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs:DescribeClusters", "interrupted"));
        } finally {
            spent.accept(tally.stats());
        }
    }

    /** The tasks ECS wants running, of one service or (empty) of the whole cluster. */
    Either<Failure, List<RunningTask>> running(ClusterRef cluster, Optional<String> service) {
        CallTally tally = new CallTally();
        try {
            Set<String> listed = new LinkedHashSet<>();
            String token = null;
            do {
                taskReads.acquire(StoppedTaskReads.RESERVE);
                tally.call("ListTasks");
                String t = token;
                ListTasksResponse page = AwsFleetReader.call("ecs:ListTasks", () -> ecs.get().listTasks(ListTasksRequest.builder()
                        .cluster(cluster.name()).serviceName(service.orElse(null)).desiredStatus(DesiredStatus.RUNNING)
                        .maxResults(PAGE).nextToken(t).overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
                listed.addAll(page.taskArns());
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
            List<RunningTask> out = new ArrayList<>();
            for (List<String> batch : AwsFleetReader.chunks(List.copyOf(listed), DESCRIBE_BATCH)) {
                taskReads.acquire(StoppedTaskReads.RESERVE);
                tally.call("DescribeTasks");
                DescribeTasksResponse r = AwsFleetReader.call("ecs:DescribeTasks", () -> ecs.get().describeTasks(
                        DescribeTasksRequest.builder().cluster(cluster.name()).tasks(batch)
                                .overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
                r.tasks().forEach(task -> out.add(domain(cluster, task)));
            }
            return Either.right(List.copyOf(out));
        } catch (FailureException e) {
            return Either.left(failure(e, cluster));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs:ListTasks", "interrupted"));
        } finally {
            spent.accept(tally.stats());
        }
    }

    static RunningTask domain(ClusterRef cluster, Task t) {
        List<TaskContainer> containers = new ArrayList<>(t.containers().size());
        for (Container c : t.containers()) {
            containers.add(new TaskContainer(c.name(), c.lastStatus(), c.healthStatusAsString(), units(c.cpu()).orElse(0),
                    units(c.memory()), units(c.memoryReservation()),
                    c.exitCode() == null ? OptionalInt.empty() : OptionalInt.of(c.exitCode()), c.reason()));
        }
        return new RunningTask(cluster, t.taskArn(), RunningTask.idOf(t.taskArn()), t.group(), t.taskDefinitionArn(),
                t.lastStatus(), t.healthStatusAsString(), t.launchTypeAsString(), t.availabilityZone(),
                Optional.ofNullable(t.containerInstanceArn()), RightsizeReads.units(t.cpu(), "vcpu"),
                RightsizeReads.units(t.memory(), "gb"), Optional.ofNullable(t.startedAt()), containers);
    }

    /** DescribeTasks gives container sizes as strings ("128"); unset or unreadable is empty. */
    private static OptionalInt units(String text) {
        try {
            return text == null || text.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The service's tasks' and containers' series over the window: for each task its
     * {@link TaskMetric}s, for each container DescribeTasks named its {@link ContainerMetric}s.
     * Meant for a cluster whose insights level is enhanced; elsewhere every series is empty.
     */
    Either<Failure, TaskUsages> usage(ServiceRef service, List<RunningTask> tasks, TimeWindow window) {
        CallTally tally = new CallTally();
        String cluster = service.cluster().name();
        List<MetricDataQuery> queries = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        for (RunningTask t : tasks) {
            for (TaskMetric m : TaskMetric.values()) {
                keys.add(new TaskKey(t.id(), m));
                queries.add(query(queries.size(), m.cloudWatchName(), m.statistic(), window,
                        dims(cluster, service.name(), t.id(), null)));
            }
            for (TaskContainer c : t.containers()) {
                for (ContainerMetric m : ContainerMetric.values()) {
                    keys.add(new ContainerKey(t.id(), c.name(), m));
                    queries.add(query(queries.size(), m.cloudWatchName(), m.statistic(), window,
                            dims(cluster, service.name(), t.id(), c.name())));
                }
            }
        }
        try {
            Map<Integer, List<Point>> points = new java.util.HashMap<>();
            for (List<MetricDataQuery> batch : AwsFleetReader.chunks(queries, MetricBatches.MAX_QUERIES)) {
                String token = null;
                do {
                    tally.metrics(batch.size());
                    GetMetricDataResponse r = MetricBatches.call(cloudWatch.get(), metricCalls, tally, batch, window, token);
                    for (MetricDataResult result : r.metricDataResults()) {
                        MetricBatches.check(result, "the tasks of " + service.name());
                        MetricBatches.points(result, points.computeIfAbsent(QuerySpec.index(result.id()), i -> new ArrayList<>()));
                    }
                    token = r.nextToken();
                } while (token != null && !token.isEmpty());
            }
            Map<String, Map<TaskMetric, Series>> byTask = new java.util.LinkedHashMap<>();
            Map<List<String>, Map<ContainerMetric, Series>> byContainer = new java.util.LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                Series s = new Series(points.getOrDefault(i, List.of()));
                if (keys.get(i) instanceof TaskKey k) {
                    byTask.computeIfAbsent(k.task(), x -> new EnumMap<>(TaskMetric.class)).put(k.metric(), s);
                } else if (keys.get(i) instanceof ContainerKey k) {
                    byContainer.computeIfAbsent(List.of(k.task(), k.container()), x -> new EnumMap<>(ContainerMetric.class))
                            .put(k.metric(), s);
                }
            }
            List<TaskUsage> taskUsages = new ArrayList<>();
            byTask.forEach((id, series) -> taskUsages.add(new TaskUsage(id, series)));
            List<ContainerUsage> containerUsages = new ArrayList<>();
            byContainer.forEach((k, series) -> containerUsages.add(new ContainerUsage(k.get(0), k.get(1), series)));
            return Either.right(new TaskUsages(service, window, taskUsages, containerUsages, tally.stats()));
        } catch (FailureException e) {
            return Either.left(failure(e, service.cluster()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "cloudwatch:GetMetricData", "interrupted"));
        } finally {
            spent.accept(tally.stats());
        }
    }

    private record TaskKey(String task, TaskMetric metric) {}

    private record ContainerKey(String task, String container, ContainerMetric metric) {}

    private static List<Dimension> dims(String cluster, String service, String task, String container) {
        List<Dimension> out = new ArrayList<>(4);
        out.add(Dimension.builder().name("ClusterName").value(cluster).build());
        out.add(Dimension.builder().name("ServiceName").value(service).build());
        out.add(Dimension.builder().name("TaskId").value(task).build());
        if (container != null) {
            out.add(Dimension.builder().name("ContainerName").value(container).build());
        }
        return out;
    }

    private static MetricDataQuery query(int index, String metric, String stat, TimeWindow window, List<Dimension> dims) {
        return MetricDataQuery.builder().id(QuerySpec.id(index)).returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(m -> m.namespace(TaskMetric.NAMESPACE).metricName(metric).dimensions(dims))
                        .period((int) window.periodSeconds()).stat(stat).build())
                .build();
    }

    private Failure failure(FailureException e, ClusterRef cluster) {
        return e.failure != null ? e.failure : failures.of(e.getCause(), e.operation, cluster.name());
    }
}
