package ecstop.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code ECS/ContainerInsights} metrics of a cluster whose containerInsights setting is
 * {@code enabled} or {@code enhanced}, with the names and dimension sets of AWS's two tables:
 * <ul>
 * <li>standard ({@code enabled}): CloudWatch User Guide, "Amazon ECS Container Insights
 *     metrics", https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-metrics-ECS.html;</li>
 * <li>enhanced: "Amazon ECS Container Insights with enhanced observability metrics",
 *     https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-enhanced-observability-metrics-ECS.html,
 *     which lists, per metric, the standard sets and the ones with TaskId and ContainerName.</li>
 * </ul>
 * The emulator publishes a subset: the task and container CPU, memory and ephemeral-storage
 * metrics, restarts, and the service and cluster task counts. It does not publish the network
 * and storage byte counts, EBS, GPU, instance-level metrics (they need the CloudWatch agent),
 * TaskSetCount, nor UnHealthyContainerHealthStatus (collected only for containers with a
 * health check, and the demo's task definitions define none). Where AWS's table is odd, it is
 * followed as written: ContainerCpuUtilization's dimension sets carry no ContainerName there.
 * Ephemeral storage is Fargate's only ("only available for tasks that run on Fargate Linux
 * platform version 1.4.0 or later"). RestartCount is counted only for containers with a
 * restart policy, as both pages say. The pages give units (CPU units: None; memory:
 * Megabytes, which the standard page says are MiB; storage: GB; utilisation: Percent; counts:
 * Count) but not how samples roll up across tasks; here each running task (or container)
 * gives one sample a minute, so Sum is the total over tasks and Average the mean per task.
 * Like AWS/ECS, nothing is published for a service without a running task.
 */
final class ContainerInsights {
    static final String NAMESPACE = "ECS/ContainerInsights";

    static final String CLUSTER = "ClusterName";
    static final String SERVICE = "ServiceName";
    static final String FAMILY = "TaskDefinitionFamily";
    static final String TASK = "TaskId";
    static final String CONTAINER = "ContainerName";

    /** Where a metric's samples come from. */
    enum Source {
        TASK_CPU_UNITS, TASK_CPU_RESERVED, TASK_MEMORY, TASK_MEMORY_RESERVED, TASK_CPU_PERCENT, TASK_MEMORY_PERCENT,
        STORAGE_GB, STORAGE_RESERVED_GB, STORAGE_PERCENT,
        CONTAINER_CPU_UNITS, CONTAINER_CPU_RESERVED, CONTAINER_MEMORY, CONTAINER_MEMORY_RESERVED,
        CONTAINER_MEMORY_PERCENT, CONTAINER_CPU_PERCENT, RESTARTS,
        RUNNING_TASKS, DESIRED_TASKS, PENDING_TASKS, DEPLOYMENTS, TASK_COUNT, SERVICE_COUNT, CONTAINER_INSTANCES
    }

    /** A metric: its name, where its samples come from, and its dimension sets, standard and enhanced-only. */
    record Metric(String name, Source source, List<Set<String>> standard, List<Set<String>> enhancedOnly) {}

    private static final Set<String> C = Set.of(CLUSTER);
    private static final Set<String> CS = Set.of(CLUSTER, SERVICE);
    private static final Set<String> CF = Set.of(CLUSTER, FAMILY);
    private static final Set<String> CST = Set.of(CLUSTER, SERVICE, TASK);
    private static final Set<String> CFT = Set.of(CLUSTER, FAMILY, TASK);
    private static final Set<String> CSN = Set.of(CLUSTER, SERVICE, CONTAINER);
    private static final Set<String> CFN = Set.of(CLUSTER, FAMILY, CONTAINER);
    private static final Set<String> CSTN = Set.of(CLUSTER, SERVICE, TASK, CONTAINER);
    private static final Set<String> CFTN = Set.of(CLUSTER, FAMILY, TASK, CONTAINER);

    /** Task-level metrics: ClusterName; +ServiceName; +TaskDefinitionFamily; enhanced adds each with TaskId. */
    private static Metric task(String name, Source source) {
        return new Metric(name, source, List.of(C, CS, CF), List.of(CST, CFT));
    }

    /** Enhanced-only task-level metrics (TaskCpuUtilization and the like): the same five sets. */
    private static Metric enhancedTask(String name, Source source) {
        return new Metric(name, source, List.of(), List.of(C, CS, CF, CST, CFT));
    }

    /** Enhanced-only container metrics: ClusterName, and every set with ContainerName. */
    private static Metric container(String name, Source source) {
        return new Metric(name, source, List.of(), List.of(C, CSTN, CFTN, CFN, CSN));
    }

    static final List<Metric> METRICS = List.of(
            task("CpuUtilized", Source.TASK_CPU_UNITS),
            task("CpuReserved", Source.TASK_CPU_RESERVED),
            task("MemoryUtilized", Source.TASK_MEMORY),
            task("MemoryReserved", Source.TASK_MEMORY_RESERVED),
            task("EphemeralStorageUtilized", Source.STORAGE_GB),
            task("EphemeralStorageReserved", Source.STORAGE_RESERVED_GB),
            enhancedTask("TaskCpuUtilization", Source.TASK_CPU_PERCENT),
            enhancedTask("TaskMemoryUtilization", Source.TASK_MEMORY_PERCENT),
            enhancedTask("TaskEphemeralStorageUtilization", Source.STORAGE_PERCENT),
            container("ContainerCpuUtilized", Source.CONTAINER_CPU_UNITS),
            container("ContainerCpuReserved", Source.CONTAINER_CPU_RESERVED),
            container("ContainerMemoryUtilized", Source.CONTAINER_MEMORY),
            container("ContainerMemoryReserved", Source.CONTAINER_MEMORY_RESERVED),
            container("ContainerMemoryUtilization", Source.CONTAINER_MEMORY_PERCENT),
            // As AWS's table lists it: no set with ContainerName.
            enhancedTask("ContainerCpuUtilization", Source.CONTAINER_CPU_PERCENT),
            new Metric("RestartCount", Source.RESTARTS, List.of(C, CS, CF), List.of(CST, CFT, CSN, CSTN, CFN, CFTN)),
            new Metric("RunningTaskCount", Source.RUNNING_TASKS, List.of(CS), List.of()),
            new Metric("DesiredTaskCount", Source.DESIRED_TASKS, List.of(CS), List.of()),
            new Metric("PendingTaskCount", Source.PENDING_TASKS, List.of(CS), List.of()),
            new Metric("DeploymentCount", Source.DEPLOYMENTS, List.of(CS), List.of()),
            new Metric("TaskCount", Source.TASK_COUNT, List.of(C), List.of()),
            new Metric("ServiceCount", Source.SERVICE_COUNT, List.of(C), List.of()),
            new Metric("ContainerInstanceCount", Source.CONTAINER_INSTANCES, List.of(C), List.of()));

    private static final Map<String, Metric> BY_NAME = byName();

    /** One sample source: a task, a container, a service or the cluster, with its dimension values. */
    record Leaf(Map<String, String> labels, MinuteSeries series) {}

    private ContainerInsights() {}

    private static Map<String, Metric> byName() {
        Map<String, Metric> m = new LinkedHashMap<>();
        METRICS.forEach(x -> m.put(x.name(), x));
        return Map.copyOf(m);
    }

    /** The unit AWS's tables give the metric (AWS/ECS's are all Percent), as GetMetricStatistics names it. */
    static String unit(String namespace, String metricName) {
        if (!NAMESPACE.equals(namespace)) {
            return "Percent";
        }
        return metric(metricName).map(m -> switch (m.source()) {
            case TASK_CPU_UNITS, TASK_CPU_RESERVED, CONTAINER_CPU_UNITS, CONTAINER_CPU_RESERVED -> "None";
            case TASK_MEMORY, TASK_MEMORY_RESERVED, CONTAINER_MEMORY, CONTAINER_MEMORY_RESERVED -> "Megabytes";
            case STORAGE_GB, STORAGE_RESERVED_GB -> "Gigabytes";
            case TASK_CPU_PERCENT, TASK_MEMORY_PERCENT, STORAGE_PERCENT, CONTAINER_MEMORY_PERCENT, CONTAINER_CPU_PERCENT -> "Percent";
            default -> "Count";
        }).orElse("None");
    }

    static Optional<Metric> metric(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The dimension sets this cluster publishes the metric under: none while Container Insights is off. */
    static List<Set<String>> dimensionSets(Metric m, InsightsSetting setting) {
        List<Set<String>> out = new ArrayList<>();
        if (setting != InsightsSetting.DISABLED) {
            out.addAll(m.standard());
        }
        if (setting == InsightsSetting.ENHANCED) {
            out.addAll(m.enhancedOnly());
        }
        return out;
    }

    /** The series of one metric and one set of dimension values in this cluster, if it publishes one. */
    static Optional<MinuteSeries> series(SimCluster cluster, List<TaskLoads.TaskLoad> tasks, String metricName,
                                         Map<String, String> dimensions) {
        Optional<Metric> m = metric(metricName);
        if (m.isEmpty() || !dimensionSets(m.get(), cluster.insights()).contains(dimensions.keySet())) {
            return Optional.empty();
        }
        List<MinuteSeries> matching = new ArrayList<>();
        for (Leaf l : leaves(cluster, tasks, m.get().source())) {
            if (dimensions.entrySet().stream().allMatch(e -> e.getValue().equals(l.labels().get(e.getKey())))) {
                matching.add(l.series());
            }
        }
        return matching.isEmpty() ? Optional.empty() : Optional.of(MinuteSeries.together(matching));
    }

    /** Every series of one metric in this cluster: one per dimension set and set of values that has samples. */
    static List<Fleet.Published> published(SimCluster cluster, List<TaskLoads.TaskLoad> tasks, String metricName) {
        Optional<Metric> m = metric(metricName);
        if (m.isEmpty()) {
            return List.of();
        }
        List<Leaf> leaves = leaves(cluster, tasks, m.get().source());
        List<Fleet.Published> out = new ArrayList<>();
        for (Set<String> set : dimensionSets(m.get(), cluster.insights())) {
            Map<Map<String, String>, List<MinuteSeries>> groups = new LinkedHashMap<>();
            for (Leaf l : leaves) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String d : List.of(CLUSTER, SERVICE, FAMILY, TASK, CONTAINER)) {
                    if (set.contains(d) && l.labels().containsKey(d)) {
                        values.put(d, l.labels().get(d));
                    }
                }
                if (values.size() == set.size()) {
                    groups.computeIfAbsent(Map.copyOf(values), k -> new ArrayList<>()).add(l.series());
                }
            }
            groups.forEach((dims, series) -> out.add(new Fleet.Published(dims, MinuteSeries.together(series))));
        }
        return out;
    }

    private static List<Leaf> leaves(SimCluster cluster, List<TaskLoads.TaskLoad> tasks, Source source) {
        List<Leaf> out = new ArrayList<>();
        switch (source) {
            case TASK_COUNT -> out.add(new Leaf(Map.of(CLUSTER, cluster.name()), MinuteSeries.constant(cluster.runningTasks())));
            case SERVICE_COUNT -> out.add(new Leaf(Map.of(CLUSTER, cluster.name()),
                    MinuteSeries.constant(cluster.services().size())));
            case CONTAINER_INSTANCES -> {
                if (cluster.hasEc2()) {
                    out.add(new Leaf(Map.of(CLUSTER, cluster.name()), MinuteSeries.constant(cluster.containerInstances())));
                }
            }
            case RUNNING_TASKS, DESIRED_TASKS, PENDING_TASKS, DEPLOYMENTS -> {
                for (SimService s : cluster.services()) {
                    if (s.running() == 0) {
                        continue;
                    }
                    double v = switch (source) {
                        case RUNNING_TASKS -> s.running();
                        case DESIRED_TASKS -> s.desired();
                        case PENDING_TASKS -> s.pending();
                        default -> s.deploying() ? 2 : 1;
                    };
                    out.add(new Leaf(Map.of(CLUSTER, cluster.name(), SERVICE, s.name()), MinuteSeries.constant(v)));
                }
            }
            default -> {
                for (TaskLoads.TaskLoad t : tasks) {
                    taskLeaves(cluster, t, source, out);
                }
            }
        }
        return out;
    }

    private static void taskLeaves(SimCluster cluster, TaskLoads.TaskLoad t, Source source, List<Leaf> out) {
        Map<String, String> labels = Map.of(CLUSTER, cluster.name(), SERVICE, t.service().name(),
                FAMILY, t.definition().family(), TASK, t.taskId());
        SimTaskDefinition td = t.definition();
        switch (source) {
            case TASK_CPU_UNITS -> out.add(new Leaf(labels, t.cpuPercent().scaled(td.taskCpu() / 100.0)));
            case TASK_CPU_RESERVED -> out.add(new Leaf(labels, MinuteSeries.constant(td.taskCpu())));
            case TASK_MEMORY -> out.add(new Leaf(labels, t.memoryPercent().scaled(td.taskMemory() / 100.0)));
            case TASK_MEMORY_RESERVED -> out.add(new Leaf(labels, MinuteSeries.constant(td.taskMemory())));
            case TASK_CPU_PERCENT -> out.add(new Leaf(labels, t.cpuPercent()));
            case TASK_MEMORY_PERCENT -> out.add(new Leaf(labels, t.memoryPercent()));
            case STORAGE_GB -> t.storagePercent().ifPresent(s -> out.add(new Leaf(labels,
                    s.scaled(TaskLoads.FARGATE_STORAGE_GB / 100))));
            case STORAGE_RESERVED_GB -> t.storagePercent().ifPresent(s -> out.add(new Leaf(labels,
                    MinuteSeries.constant(TaskLoads.FARGATE_STORAGE_GB))));
            case STORAGE_PERCENT -> t.storagePercent().ifPresent(s -> out.add(new Leaf(labels, s)));
            default -> {
                for (TaskLoads.ContainerLoad c : t.containers()) {
                    Map<String, String> withName = new LinkedHashMap<>(labels);
                    withName.put(CONTAINER, c.name());
                    Map<String, String> cl = Map.copyOf(withName);
                    switch (source) {
                        case CONTAINER_CPU_UNITS -> out.add(new Leaf(cl, c.cpuUnits()));
                        case CONTAINER_CPU_RESERVED -> out.add(new Leaf(cl, MinuteSeries.constant(c.cpuBase(td))));
                        case CONTAINER_MEMORY -> out.add(new Leaf(cl, c.memoryMiB()));
                        case CONTAINER_MEMORY_RESERVED -> out.add(new Leaf(cl, MinuteSeries.constant(c.memoryReserved(td))));
                        case CONTAINER_MEMORY_PERCENT -> out.add(new Leaf(cl, c.memoryMiB().scaled(100.0 / c.memoryBase(td))));
                        case CONTAINER_CPU_PERCENT -> out.add(new Leaf(cl, c.cpuUnits().scaled(100.0 / c.cpuBase(td))));
                        case RESTARTS -> c.restarts().ifPresent(r -> out.add(new Leaf(cl, r)));
                        default -> throw new IllegalStateException("not a container source: " + source);
                    }
                }
            }
        }
    }
}
