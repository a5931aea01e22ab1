package ecstop.domain.task;

/**
 * The per-container series of Container Insights with enhanced observability that the tasks
 * pane reads (dimensions ClusterName, ServiceName, TaskId, ContainerName), each with its
 * statistic: CPU units and MiB used at the busiest minute of a period (against the container's
 * sizes from DescribeTasks), and restarts summed over it (only containers with a restart policy
 * have any).
 */
public enum ContainerMetric {
    CPU_UNITS("ContainerCpuUtilized", "Maximum"),
    MEMORY_MIB("ContainerMemoryUtilized", "Maximum"),
    RESTARTS("RestartCount", "Sum");

    private final String cloudWatchName;
    private final String statistic;

    ContainerMetric(String cloudWatchName, String statistic) {
        this.cloudWatchName = cloudWatchName;
        this.statistic = statistic;
    }

    public String cloudWatchName() { return cloudWatchName; }

    public String statistic() { return statistic; }
}
