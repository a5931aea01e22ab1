package ecstop.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated account's ECS clusters and the CloudWatch metrics they publish. Deterministic:
 * the same seed gives the same clusters, services and metric values, and every value is a
 * pure function of (seed, cluster, service, metric, minute), so windows asked for at
 * different times agree.
 */
public final class Fleet {
    public static final String ACCOUNT = "123456789012";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final int DEFAULT_BIG_CLUSTER_SERVICES = 150;

    private static final Instant FIRST_CREATED = Instant.parse("2023-01-02T09:00:00Z");

    private final long seed;
    private final long seedKey;
    private final String region;
    private final String account;
    private final List<SimCluster> clusters;
    private final Map<String, SimCluster> byName;
    private final List<SimScalingPolicy> scalingPolicies;
    private final Map<String, List<TaskLoads.TaskLoad>> taskLoads = new java.util.concurrent.ConcurrentHashMap<>();

    private Fleet(long seed, String region, String account, List<SimCluster> clusters, List<SimScalingPolicy> scalingPolicies) {
        this.seed = seed;
        this.seedKey = Hashing.mix(seed);
        this.region = region;
        this.account = account;
        this.clusters = List.copyOf(clusters);
        this.scalingPolicies = List.copyOf(scalingPolicies);
        Map<String, SimCluster> index = new LinkedHashMap<>();
        for (SimCluster c : clusters) {
            if (index.put(c.name(), c) != null) {
                throw new IllegalArgumentException("cluster " + c.name() + " twice");
            }
        }
        this.byName = index;
    }

    /** The demo fleet with a big cluster of {@value #DEFAULT_BIG_CLUSTER_SERVICES} services. */
    public static Fleet demo(long seed) {
        return demo(seed, DEFAULT_BIG_CLUSTER_SERVICES);
    }

    /**
     * The demo fleet: {@code storage-prod} (EC2; services sharing a long prefix, a nightly
     * batch past 100%, a soft memory limit, idle services), {@code catalogue} (Fargate,
     * {@code bigClusterServices} services, enough to need paging), {@code archivematica}
     * (EC2 and Fargate, a deployment in progress), {@code data-pipeline} (Fargate) and the
     * empty {@code sandbox}.
     */
    public static Fleet demo(long seed, int bigClusterServices) {
        return DemoFleet.build(builder(seed), seed, bigClusterServices).build();
    }

    /**
     * Clusters of plain Fargate services named svc-0000, svc-0001, … with one to three
     * running tasks each, in the map's iteration order: for tests that need exact sizes.
     */
    public static Fleet of(Map<String, Integer> serviceCounts, long seed) {
        Builder b = builder(seed);
        serviceCounts.forEach((cluster, count) -> {
            List<SimService> services = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = String.format(Locale.ROOT, "svc-%04d", i);
                int running = 1 + (int) Math.floorMod(Hashing.of(Hashing.mix(seed), Hashing.of(cluster + "/" + name)), 3);
                services.add(SimService.running(name, SimService.FARGATE, running));
            }
            b.cluster(cluster, 0, services);
        });
        return b.build();
    }

    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    public long seed() { return seed; }

    public String region() { return region; }

    /** The account the fleet's ARNs name. */
    public String account() { return account; }

    public List<SimCluster> clusters() { return clusters; }

    /** By name or by ARN. */
    public Optional<SimCluster> cluster(String nameOrArn) {
        return Optional.ofNullable(byName.get(nameFromArn(nameOrArn, "cluster/")));
    }

    public String clusterArn(String cluster) {
        return "arn:aws:ecs:" + region + ":" + account + ":cluster/" + cluster;
    }

    /** The long ARN format, which carries the cluster name. */
    public String serviceArn(String cluster, String service) {
        return "arn:aws:ecs:" + region + ":" + account + ":service/" + cluster + "/" + service;
    }

    /** The long ARN format, which carries the cluster name. */
    public String taskArn(String cluster, String id) {
        return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task/" + cluster + "/" + id;
    }

    public String taskDefinitionArn(String service, int revision) {
        return "arn:aws:ecs:" + region + ":" + account + ":task-definition/" + service + ":" + revision;
    }

    /**
     * A revision of the task definition family that a service of this fleet runs (family =
     * service name), from revision 1 to the service's current one; empty for anything else.
     */
    public Optional<SimTaskDefinition> taskDefinition(String family, int revision) {
        for (SimCluster c : clusters) {
            Optional<SimService> s = c.service(family);
            if (s.isPresent() && revision >= 1 && revision <= s.get().revision()) {
                return Optional.of(SimTaskDefinition.of(seedKey, s.get(), revision));
            }
        }
        return Optional.empty();
    }

    /** A family's newest revision, as "family" alone names it. */
    public Optional<Integer> latestRevision(String family) {
        return clusters.stream().flatMap(c -> c.service(family).stream()).map(SimService::revision).findFirst();
    }

    /** When a revision was registered: a day per revision after the first service was created. */
    Instant registeredAt(SimTaskDefinition td) {
        return FIRST_CREATED.plusSeconds(86_400L * td.revision() + Math.floorMod(Hashing.of(td.family()), 86_400L));
    }

    /** Application Auto Scaling policies on the fleet's services. */
    public List<SimScalingPolicy> scalingPolicies() {
        return scalingPolicies;
    }

    /** When the service was created: a fixed instant well in the past. */
    public Instant createdAt(SimCluster cluster, SimService service) {
        long h = Hashing.of(seedKey, Hashing.of(cluster.name() + "/" + service.name()), 11);
        return FIRST_CREATED.plusSeconds(Math.floorMod(h, 600L * 86_400));
    }

    /**
     * The series CloudWatch holds for this metric and these dimensions (namespace AWS/ECS),
     * or empty when there is none: unknown names, a service without running tasks, or
     * cluster-level metrics of a Fargate-only cluster.
     */
    public Optional<LoadModel> series(String namespace, String metricName, Map<String, String> dimensions) {
        if (!"AWS/ECS".equals(namespace)) {
            return Optional.empty();
        }
        String clusterName = dimensions.get("ClusterName");
        Optional<SimCluster> cluster = clusterName == null ? Optional.empty() : Optional.ofNullable(byName.get(clusterName));
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        SimCluster c = cluster.get();
        long clusterKey = Hashing.of(seedKey, Hashing.of(c.name()));
        if (dimensions.size() == 2 && dimensions.containsKey("ServiceName")) {
            boolean cpu = "CPUUtilization".equals(metricName);
            if (!cpu && !"MemoryUtilization".equals(metricName)) {
                return Optional.empty();
            }
            return c.service(dimensions.get("ServiceName"))
                    .filter(s -> s.running() > 0)
                    .map(s -> {
                        long key = Hashing.of(clusterKey, Hashing.of(s.name()), cpu ? 1 : 2);
                        return new LoadModel(key, LoadProfile.forService(cpu, key, s.traits()), s.running());
                    });
        }
        if (dimensions.size() != 1 || !c.hasEc2()) {
            return Optional.empty();
        }
        long key = Hashing.of(clusterKey, Hashing.of(metricName), 3);
        return switch (metricName) {
            case "CPUReservation" -> Optional.of(new LoadModel(key, LoadProfile.forCluster(35, 70, key), 1));
            case "MemoryReservation" -> Optional.of(new LoadModel(key, LoadProfile.forCluster(45, 80, key), 1));
            case "CPUUtilization" -> Optional.of(new LoadModel(key, LoadProfile.forCluster(15, 45, key), c.containerInstances()));
            case "MemoryUtilization" -> Optional.of(new LoadModel(key, LoadProfile.forCluster(30, 60, key), c.containerInstances()));
            default -> Optional.empty();
        };
    }

    /**
     * The series CloudWatch holds for this metric and these dimensions, in AWS/ECS or, for a
     * cluster with Container Insights on, in ECS/ContainerInsights; empty when there is none.
     * A {@link LoadProfile.Trait#HOT_TASK} service's AWS/ECS CPU is its tasks' samples taken
     * together (so its Maximum is the hot task, its Minimum an idle one); every other AWS/ECS
     * series is its {@link #series} model.
     */
    Optional<MinuteSeries> metric(String namespace, String metricName, Map<String, String> dimensions) {
        Optional<SimCluster> cluster = Optional.ofNullable(dimensions.get("ClusterName")).map(byName::get);
        if (ContainerInsights.NAMESPACE.equals(namespace)) {
            return cluster.flatMap(c -> ContainerInsights.series(c, taskLoads(c), metricName, dimensions));
        }
        Optional<SimService> hot = cluster.filter(c -> dimensions.size() == 2 && "CPUUtilization".equals(metricName))
                .flatMap(c -> c.service(dimensions.getOrDefault("ServiceName", "")))
                .filter(s -> s.traits().contains(LoadProfile.Trait.HOT_TASK) && s.running() > 0);
        if (hot.isPresent() && "AWS/ECS".equals(namespace)) {
            List<MinuteSeries> tasks = new ArrayList<>();
            for (TaskLoads.TaskLoad t : taskLoads(cluster.get())) {
                if (t.service().equals(hot.get())) {
                    tasks.add(t.cpuPercent());
                }
            }
            return Optional.of(MinuteSeries.together(tasks));
        }
        return series(namespace, metricName, dimensions).map(m -> m);
    }

    /** The running tasks of the cluster's services and what they use, worked out once per fleet. */
    List<TaskLoads.TaskLoad> taskLoads(SimCluster cluster) {
        return taskLoads.computeIfAbsent(cluster.name(), n -> {
            List<TaskLoads.TaskLoad> out = new ArrayList<>();
            for (SimService s : cluster.services()) {
                out.addAll(TaskLoads.of(this, cluster, s));
            }
            return List.copyOf(out);
        });
    }

    static Map<String, String> serviceDimensions(SimCluster cluster, SimService service) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("ClusterName", cluster.name());
        dims.put("ServiceName", service.name());
        return dims;
    }

    /**
     * Every series this fleet publishes under {@code metricName} in the namespace, cluster by
     * cluster. In AWS/ECS the cluster-level one (EC2 clusters) first, then one per service with
     * a running task; in ECS/ContainerInsights one per dimension set and set of values of
     * the clusters with Container Insights on. What Metrics Insights and ListMetrics scan.
     */
    List<Published> published(String namespace, String metricName) {
        List<Published> out = new ArrayList<>();
        for (SimCluster c : clusters) {
            if (ContainerInsights.NAMESPACE.equals(namespace)) {
                out.addAll(ContainerInsights.published(c, taskLoads(c), metricName));
                continue;
            }
            Map<String, String> clusterDims = Map.of("ClusterName", c.name());
            metric(namespace, metricName, clusterDims).ifPresent(m -> out.add(new Published(clusterDims, m)));
            for (SimService s : c.services()) {
                Map<String, String> dims = serviceDimensions(c, s);
                metric(namespace, metricName, dims).ifPresent(m -> out.add(new Published(Map.copyOf(dims), m)));
            }
        }
        return out;
    }

    /** The metric names published in a namespace, in the order ListMetrics walks them. */
    static List<String> metricNames(String namespace) {
        if (ContainerInsights.NAMESPACE.equals(namespace)) {
            return ContainerInsights.METRICS.stream().map(ContainerInsights.Metric::name).toList();
        }
        return "AWS/ECS".equals(namespace)
                ? List.of("CPUUtilization", "MemoryUtilization", "CPUReservation", "MemoryReservation") : List.of();
    }

    /** One published series: its dimensions and how its values come about. */
    record Published(Map<String, String> dimensions, MinuteSeries model) {}

    static String nameFromArn(String nameOrArn, String marker) {
        int at = nameOrArn.indexOf(':' + marker);
        return nameOrArn.startsWith("arn:") && at >= 0 ? nameOrArn.substring(at + 1 + marker.length()) : nameOrArn;
    }

    /** Builds exact fleets for tests. */
    public static final class Builder {
        private final long seed;
        private String region = DEFAULT_REGION;
        private String account = ACCOUNT;
        private final List<SimCluster> clusters = new ArrayList<>();
        private final List<SimScalingPolicy> scalingPolicies = new ArrayList<>();

        private Builder(long seed) {
            this.seed = seed;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder account(String account) {
            this.account = account;
            return this;
        }

        /** A cluster; {@code containerInstances} 0 makes it Fargate-only. */
        public Builder cluster(String name, int containerInstances, List<SimService> services) {
            clusters.add(new SimCluster(name, containerInstances, services));
            return this;
        }

        /** A scaling policy on one of the fleet's services. */
        public Builder scalingPolicy(SimScalingPolicy policy) {
            scalingPolicies.add(policy);
            return this;
        }

        /** A job that no service runs, in the cluster added last. */
        public Builder job(SimJob job) {
            SimCluster last = clusters.remove(clusters.size() - 1);
            List<SimJob> jobs = new ArrayList<>(last.jobs());
            jobs.add(job);
            clusters.add(last.withJobs(jobs));
            return this;
        }

        /** The Container Insights setting of the cluster added last (a new cluster's is disabled). */
        public Builder insights(InsightsSetting setting) {
            clusters.add(clusters.remove(clusters.size() - 1).withInsights(setting));
            return this;
        }

        public Fleet build() {
            return new Fleet(seed, region, account, clusters, scalingPolicies);
        }
    }
}
