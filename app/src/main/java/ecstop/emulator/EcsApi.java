package ecstop.emulator;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The read operations of ECS that ecs-top needs, over a {@link Fleet}, with ECS's limits:
 * ListClusters, ListServices and ListTasks page by maxResults 1–100 (ListServices defaults
 * to 10, the others to 100); DescribeClusters and DescribeTasks take at most 100 names,
 * DescribeServices at most 10, and unknown names come back in {@code failures} with reason
 * MISSING; DescribeTaskDefinition takes one family, family:revision or ARN and answers an
 * unknown one with ClientException. Tasks, events and deployments are the {@link ServiceStory}
 * of each service at the clock's now: a stopped task shows for an hour, then is gone.
 */
final class EcsApi {
    static final Set<String> OPERATIONS = Set.of("ListClusters", "DescribeClusters", "ListServices", "DescribeServices",
            "DescribeTaskDefinition", "ListTasks", "DescribeTasks");

    private final Fleet fleet;
    private final InstantSource clock;

    EcsApi(Fleet fleet, InstantSource clock) {
        this.fleet = fleet;
        this.clock = clock;
    }

    Map<String, Object> call(String operation, Inputs in) {
        return switch (operation) {
            case "ListClusters" -> listClusters(in);
            case "DescribeClusters" -> describeClusters(in);
            case "ListServices" -> listServices(in);
            case "DescribeServices" -> describeServices(in);
            case "DescribeTaskDefinition" -> describeTaskDefinition(in);
            case "ListTasks" -> listTasks(in);
            case "DescribeTasks" -> describeTasks(in);
            default -> throw AwsError.UNKNOWN_OPERATION.with("Unknown operation " + operation);
        };
    }

    private Map<String, Object> listClusters(Inputs in) {
        List<String> arns = new ArrayList<>();
        for (SimCluster c : fleet.clusters()) {
            arns.add(fleet.clusterArn(c.name()));
        }
        return page(arns, "clusterArns", "clusters", in, 100);
    }

    private Map<String, Object> listServices(Inputs in) {
        SimCluster cluster = cluster(in);
        List<String> arns = new ArrayList<>(cluster.services().size());
        for (SimService s : cluster.services()) {
            arns.add(fleet.serviceArn(cluster.name(), s.name()));
        }
        return page(arns, "serviceArns", "services/" + cluster.name(), in, 10);
    }

    /**
     * The cluster's tasks by desired status (RUNNING unless asked otherwise), newest first,
     * optionally of one service, family or launch type. The emulator does not track
     * container instances or who started a task, so it refuses those filters rather than
     * ignore them.
     */
    private Map<String, Object> listTasks(Inputs in) {
        SimCluster cluster = cluster(in);
        for (String unsupported : List.of("containerInstance", "startedBy")) {
            if (in.text(unsupported).filter(v -> !v.isEmpty()).isPresent()) {
                throw AwsError.INVALID_PARAMETER.with("The emulator does not filter tasks by " + unsupported + ".");
            }
        }
        String desired = in.text("desiredStatus").orElse("RUNNING");
        if (!List.of("RUNNING", "PENDING", "STOPPED").contains(desired)) {
            throw AwsError.INVALID_PARAMETER.with("1 validation error detected: Value '" + desired
                    + "' at 'desiredStatus' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, PENDING, STOPPED]");
        }
        Optional<String> serviceName = in.text("serviceName").filter(v -> !v.isEmpty());
        if (serviceName.isPresent() && lookupService(cluster, serviceName.get()).isEmpty()) {
            throw AwsError.SERVICE_NOT_FOUND.with("Service not found.");
        }
        Optional<String> service = serviceName.flatMap(n -> lookupService(cluster, n)).map(SimService::name);
        Optional<String> family = in.text("family").filter(v -> !v.isEmpty());
        Optional<String> launchType = in.text("launchType").filter(v -> !v.isEmpty());
        List<String> arns = new ArrayList<>();
        for (SimTask t : tasks(cluster)) {
            boolean wanted = t.desiredStatus().equals(desired)
                    && service.map(n -> t.service().equals(Optional.of(n))).orElse(true)
                    && family.map(t.family()::equals).orElse(true)
                    && launchType.map(t.launchType()::equals).orElse(true);
            if (wanted) {
                arns.add(fleet.taskArn(cluster.name(), t.id()));
            }
        }
        String scope = String.join("/", "tasks", cluster.name(), desired, service.orElse(""), family.orElse(""),
                launchType.orElse(""));
        return page(arns, "taskArns", scope, in, 100);
    }

    private Map<String, Object> describeTasks(Inputs in) {
        SimCluster cluster = cluster(in);
        List<String> ids = in.texts("tasks");
        if (ids.isEmpty()) {
            throw AwsError.INVALID_PARAMETER.with("Tasks cannot be empty.");
        }
        if (ids.size() > 100) {
            throw AwsError.INVALID_PARAMETER.with("tasks can have at most 100 items.");
        }
        Map<String, SimTask> byId = new java.util.HashMap<>();
        for (SimTask t : tasks(cluster)) {
            byId.put(t.id(), t);
        }
        List<Object> tasks = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (String idOrArn : ids) {
            String id = Fleet.nameFromArn(idOrArn, "task/");
            int slash = id.lastIndexOf('/');
            boolean otherCluster = slash >= 0 && !id.substring(0, slash).equals(cluster.name());
            SimTask t = otherCluster ? null : byId.get(id.substring(slash + 1));
            if (t != null) {
                tasks.add(TaskDocuments.task(fleet, cluster, t));
            } else {
                failures.add(failure(idOrArn.startsWith("arn:") ? idOrArn : fleet.taskArn(cluster.name(), idOrArn)));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tasks", tasks);
        out.put("failures", failures);
        return out;
    }

    /** The tasks of one cluster at one instant: the pages of a ListTasks and its DescribeTasks ask for the same. */
    private record TaskList(String cluster, Instant at, List<SimTask> tasks) {}

    private volatile TaskList lastTasks;

    /** Every task of the cluster at the clock's now: each service's live and stopped ones, and the jobs' runs. */
    private List<SimTask> tasks(SimCluster cluster) {
        Instant now = clock.instant();
        TaskList last = lastTasks;
        if (last != null && last.cluster().equals(cluster.name()) && last.at().equals(now)) {
            return last.tasks();
        }
        List<SimTask> all = new ArrayList<>();
        for (SimService s : cluster.services()) {
            ServiceStory story = new ServiceStory(fleet, cluster, s, now);
            all.addAll(story.liveTasks());
            all.addAll(story.stoppedTasks());
        }
        for (SimJob job : cluster.jobs()) {
            all.addAll(ServiceStory.jobRuns(fleet, cluster, job, now));
        }
        all.sort(java.util.Comparator.comparing((SimTask t) -> t.stoppedAt().orElse(t.createdAt())).reversed()
                .thenComparing(SimTask::id));
        lastTasks = new TaskList(cluster.name(), now, List.copyOf(all));
        return lastTasks.tasks();
    }

    private Map<String, Object> page(List<String> all, String member, String scope, Inputs in, int defaultSize) {
        int size = in.integer("maxResults").orElse(defaultSize);
        if (size < 1 || size > 100) {
            throw AwsError.INVALID_PARAMETER.with("maxResults must be between 1 and 100.");
        }
        int from = 0;
        Optional<String> token = in.text("nextToken").filter(t -> !t.isEmpty());
        if (token.isPresent()) {
            from = PageTokens.decode(scope, token.get()).orElseThrow(
                    () -> AwsError.INVALID_PARAMETER.with("Invalid nextToken."));
            if (from > all.size()) {
                throw AwsError.INVALID_PARAMETER.with("Invalid nextToken.");
            }
        }
        int to = Math.min(all.size(), from + size);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, List.copyOf(all.subList(from, to)));
        if (to < all.size()) {
            out.put("nextToken", PageTokens.encode(scope, to));
        }
        return out;
    }

    private Map<String, Object> describeClusters(Inputs in) {
        List<String> names = in.texts("clusters");
        if (names.isEmpty()) {
            names = List.of("default");
        }
        if (names.size() > 100) {
            throw AwsError.INVALID_PARAMETER.with("clusters can have at most 100 items.");
        }
        List<String> include = in.texts("include");
        for (String i : include) {
            if (!List.of("ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS").contains(i)) {
                throw AwsError.INVALID_PARAMETER.with("1 validation error detected: Value '[" + i + "]' at 'include' failed"
                        + " to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set:"
                        + " [ATTACHMENTS, CONFIGURATIONS, SETTINGS, STATISTICS, TAGS]]");
            }
        }
        List<Object> clusters = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (String n : names) {
            Optional<SimCluster> c = fleet.cluster(n);
            if (c.isPresent()) {
                clusters.add(cluster(c.get(), include.contains("SETTINGS")));
            } else {
                failures.add(failure(n.startsWith("arn:") ? n : fleet.clusterArn(n)));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clusters", clusters);
        out.put("failures", failures);
        return out;
    }

    private Map<String, Object> describeServices(Inputs in) {
        SimCluster cluster = cluster(in);
        List<String> names = in.texts("services");
        if (names.isEmpty()) {
            throw AwsError.INVALID_PARAMETER.with("Services cannot be empty.");
        }
        if (names.size() > 10) {
            throw AwsError.INVALID_PARAMETER.with("services can have at most 10 items.");
        }
        List<Object> services = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (String n : names) {
            Optional<SimService> s = lookupService(cluster, n);
            if (s.isPresent()) {
                services.add(service(cluster, s.get()));
            } else {
                failures.add(failure(n.startsWith("arn:") ? n : fleet.serviceArn(cluster.name(), n)));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("services", services);
        out.put("failures", failures);
        return out;
    }

    private Map<String, Object> describeTaskDefinition(Inputs in) {
        String asked = in.text("taskDefinition").filter(t -> !t.isBlank())
                .orElseThrow(() -> AwsError.INVALID_PARAMETER.with("taskDefinition can not be blank."));
        String name = Fleet.nameFromArn(asked, "task-definition/");
        int colon = name.lastIndexOf(':');
        String family = colon >= 0 ? name.substring(0, colon) : name;
        Optional<Integer> revision = colon >= 0 ? parseRevision(name.substring(colon + 1)) : fleet.latestRevision(family);
        SimTaskDefinition td = revision.flatMap(r -> fleet.taskDefinition(family, r))
                .orElseThrow(() -> AwsError.CLIENT_EXCEPTION.with("Unable to describe task definition."));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("taskDefinition", td.document(fleet.taskDefinitionArn(td.family(), td.revision()), fleet.registeredAt(td)));
        out.put("tags", List.of());
        return out;
    }

    private static Optional<Integer> parseRevision(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** By name, by long ARN (which must name this cluster) or by old short ARN. */
    private static Optional<SimService> lookupService(SimCluster cluster, String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return cluster.service(nameOrArn);
        }
        String rest = Fleet.nameFromArn(nameOrArn, "service/");
        if (rest.equals(nameOrArn)) {
            return Optional.empty();
        }
        int slash = rest.indexOf('/');
        if (slash >= 0 && !rest.substring(0, slash).equals(cluster.name())) {
            return Optional.empty();
        }
        return cluster.service(rest.substring(slash + 1));
    }

    private SimCluster cluster(Inputs in) {
        String name = in.text("cluster").filter(s -> !s.isEmpty()).orElse("default");
        return fleet.cluster(name).orElseThrow(() -> AwsError.CLUSTER_NOT_FOUND.with("Cluster not found."));
    }

    /**
     * A cluster as DescribeClusters gives it. Its settings come only when asked for with
     * include SETTINGS ("If this field is omitted, this information isn't included": the
     * DescribeClusters reference, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeClusters.html).
     */
    private Map<String, Object> cluster(SimCluster c, boolean settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clusterArn", fleet.clusterArn(c.name()));
        m.put("clusterName", c.name());
        m.put("status", "ACTIVE");
        m.put("registeredContainerInstancesCount", c.containerInstances());
        m.put("runningTasksCount", c.runningTasks());
        m.put("pendingTasksCount", c.pendingTasks());
        m.put("activeServicesCount", c.services().size());
        m.put("statistics", List.of());
        m.put("tags", List.of());
        if (settings) {
            m.put("settings", List.of(Map.of("name", "containerInsights", "value", c.insights().wireValue)));
        }
        m.put("capacityProviders", c.hasEc2() ? List.of() : List.of("FARGATE", "FARGATE_SPOT"));
        m.put("defaultCapacityProviderStrategy", List.of());
        return m;
    }

    private Map<String, Object> service(SimCluster c, SimService s) {
        Instant created = fleet.createdAt(c, s);
        ServiceStory story = new ServiceStory(fleet, c, s, clock.instant());
        String taskDefinition = fleet.taskDefinitionArn(s.name(), s.revision());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serviceArn", fleet.serviceArn(c.name(), s.name()));
        m.put("serviceName", s.name());
        m.put("clusterArn", fleet.clusterArn(c.name()));
        m.put("loadBalancers", List.of());
        m.put("serviceRegistries", List.of());
        m.put("status", "ACTIVE");
        m.put("desiredCount", s.desired());
        m.put("runningCount", s.running());
        m.put("pendingCount", s.pending());
        m.put("launchType", s.launchType());
        if (SimService.FARGATE.equals(s.launchType())) {
            m.put("platformVersion", "LATEST");
            m.put("platformFamily", "Linux");
        }
        m.put("taskDefinition", taskDefinition);
        m.put("deploymentConfiguration", Map.of(
                "deploymentCircuitBreaker", Map.of("enable", true, "rollback", true),
                "maximumPercent", 200,
                "minimumHealthyPercent", 100));
        m.put("deployments", story.deployments().stream().map(d -> deployment(d, s)).toList());
        m.put("events", story.events().stream().map(EcsApi::event).toList());
        m.put("createdAt", created);
        m.put("placementConstraints", List.of());
        m.put("placementStrategy", List.of());
        m.put("schedulingStrategy", "REPLICA");
        m.put("deploymentController", Map.of("type", "ECS"));
        m.put("createdBy", "arn:aws:iam::" + fleet.account() + ":role/deployer");
        m.put("enableECSManagedTags", false);
        m.put("propagateTags", "NONE");
        m.put("enableExecuteCommand", false);
        return m;
    }

    private Map<String, Object> deployment(SimDeployment sd, SimService s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", "ecs-svc/" + sd.id());
        d.put("status", sd.status());
        d.put("taskDefinition", fleet.taskDefinitionArn(s.name(), sd.revision()));
        d.put("desiredCount", sd.desired());
        d.put("pendingCount", sd.pending());
        d.put("runningCount", sd.running());
        d.put("failedTasks", sd.failedTasks());
        d.put("createdAt", sd.createdAt());
        d.put("updatedAt", sd.updatedAt());
        d.put("launchType", s.launchType());
        d.put("rolloutState", sd.rolloutState());
        d.put("rolloutStateReason", sd.rolloutStateReason());
        return d;
    }

    private static Map<String, Object> event(SimEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("createdAt", e.createdAt());
        m.put("message", e.message());
        return m;
    }

    private static Map<String, Object> failure(String arn) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("arn", arn);
        f.put("reason", "MISSING");
        return f;
    }
}
