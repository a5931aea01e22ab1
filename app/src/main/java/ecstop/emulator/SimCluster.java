package ecstop.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated ECS cluster. {@code containerInstances} is the number of EC2 hosts; a cluster
 * with none is Fargate-only and, as on AWS, publishes no cluster-level metrics. {@code jobs}
 * are tasks no service runs.
 */
public final class SimCluster {
    private final String name;
    private final int containerInstances;
    private final List<SimService> services;
    private final Map<String, SimService> byName;
    private final List<SimJob> jobs;
    private final InsightsSetting insights;

    public SimCluster(String name, int containerInstances, List<SimService> services) {
        this(name, containerInstances, services, List.of());
    }

    public SimCluster(String name, int containerInstances, List<SimService> services, List<SimJob> jobs) {
        this(name, containerInstances, services, jobs, InsightsSetting.DISABLED);
    }

    public SimCluster(String name, int containerInstances, List<SimService> services, List<SimJob> jobs,
                      InsightsSetting insights) {
        this.name = name;
        this.insights = insights;
        this.jobs = List.copyOf(jobs);
        this.containerInstances = containerInstances;
        this.services = List.copyOf(services);
        Map<String, SimService> index = new LinkedHashMap<>();
        for (SimService s : services) {
            if (index.put(s.name(), s) != null) {
                throw new IllegalArgumentException("service " + s.name() + " twice in cluster " + name);
            }
        }
        this.byName = index;
    }

    public String name() { return name; }

    public int containerInstances() { return containerInstances; }

    public boolean hasEc2() { return containerInstances > 0; }

    public List<SimService> services() { return services; }

    public List<SimJob> jobs() { return jobs; }

    public InsightsSetting insights() { return insights; }

    SimCluster withInsights(InsightsSetting setting) {
        return new SimCluster(name, containerInstances, services, jobs, setting);
    }

    SimCluster withJobs(List<SimJob> more) {
        return new SimCluster(name, containerInstances, services, more, insights);
    }

    public Optional<SimService> service(String serviceName) {
        return Optional.ofNullable(byName.get(serviceName));
    }

    public int runningTasks() {
        return services.stream().mapToInt(SimService::running).sum();
    }

    public int pendingTasks() {
        return services.stream().mapToInt(SimService::pending).sum();
    }
}
