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
 * ListClusters and ListServices page by maxResults 1–100 (ListServices defaults to 10,
 * ListClusters to 100); DescribeClusters takes at most 100 names, DescribeServices at most
 * 10, and unknown names come back in {@code failures} with reason MISSING;
 * DescribeTaskDefinition takes one family, family:revision or ARN and answers an unknown one
 * with ClientException.
 */
final class EcsApi {
    static final Set<String> OPERATIONS = Set.of("ListClusters", "DescribeClusters", "ListServices", "DescribeServices",
            "DescribeTaskDefinition");

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
        List<Object> clusters = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (String n : names) {
            Optional<SimCluster> c = fleet.cluster(n);
            if (c.isPresent()) {
                clusters.add(cluster(c.get()));
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

    private Map<String, Object> cluster(SimCluster c) {
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
        m.put("settings", List.of(Map.of("name", "containerInsights", "value", "disabled")));
        m.put("capacityProviders", c.hasEc2() ? List.of() : List.of("FARGATE", "FARGATE_SPOT"));
        m.put("defaultCapacityProviderStrategy", List.of());
        return m;
    }

    private Map<String, Object> service(SimCluster c, SimService s) {
        Instant created = fleet.createdAt(c, s);
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
        m.put("deployments", deployments(c, s, created));
        m.put("events", List.of());
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

    /**
     * One PRIMARY deployment, COMPLETED; or, while a rollout is in progress, the new
     * revision PRIMARY and IN_PROGRESS with the pending tasks, and the old one ACTIVE with
     * the running tasks. The rollout started a few minutes before "now".
     */
    private List<Object> deployments(SimCluster c, SimService s, Instant created) {
        long id = Math.floorMod(Hashing.of(Hashing.of(c.name()), Hashing.of(s.name())), 1_000_000_000_000_000_000L);
        if (!s.deploying()) {
            return List.of(deployment(id, "PRIMARY", fleet.taskDefinitionArn(s.name(), s.revision()), s.desired(),
                    s.pending(), s.running(), created, "COMPLETED", "ECS deployment ecs-svc/" + id + " completed.", s));
        }
        Instant started = clock.instant().minusSeconds(60L * (3 + Math.floorMod(id, 12)));
        return List.of(
                deployment(id + 1, "PRIMARY", fleet.taskDefinitionArn(s.name(), s.revision()), s.desired(),
                        s.pending(), 0, started, "IN_PROGRESS", "ECS deployment ecs-svc/" + (id + 1) + " in progress.", s),
                deployment(id, "ACTIVE", fleet.taskDefinitionArn(s.name(), s.revision() - 1), s.running(),
                        0, s.running(), created, "COMPLETED", "ECS deployment ecs-svc/" + id + " completed.", s));
    }

    private static Map<String, Object> deployment(long id, String status, String taskDefinition, int desired,
            int pending, int running, Instant at, String rollout, String reason, SimService s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", "ecs-svc/" + id);
        d.put("status", status);
        d.put("taskDefinition", taskDefinition);
        d.put("desiredCount", desired);
        d.put("pendingCount", pending);
        d.put("runningCount", running);
        d.put("failedTasks", 0);
        d.put("createdAt", at);
        d.put("updatedAt", at);
        d.put("launchType", s.launchType());
        d.put("rolloutState", rollout);
        d.put("rolloutStateReason", reason);
        return d;
    }

    private static Map<String, Object> failure(String arn) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("arn", arn);
        f.put("reason", "MISSING");
        return f;
    }
}
