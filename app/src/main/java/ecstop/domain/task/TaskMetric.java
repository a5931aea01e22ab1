package ecstop.domain.task;

/**
 * The per-task series of Container Insights with enhanced observability that the tasks pane
 * reads (namespace ECS/ContainerInsights, dimensions ClusterName, ServiceName, TaskId), each
 * with the statistic it is read with: the busiest minute of each period.
 */
public enum TaskMetric {
    /** Percent of the task's CPU units. */
    CPU_PERCENT("TaskCpuUtilization", "Maximum"),
    /** Percent of the task's memory. */
    MEMORY_PERCENT("TaskMemoryUtilization", "Maximum"),
    /** Percent of the task's ephemeral storage (Fargate only). */
    STORAGE_PERCENT("TaskEphemeralStorageUtilization", "Maximum");

    public static final String NAMESPACE = "ECS/ContainerInsights";

    private final String cloudWatchName;
    private final String statistic;

    TaskMetric(String cloudWatchName, String statistic) {
        this.cloudWatchName = cloudWatchName;
        this.statistic = statistic;
    }

    public String cloudWatchName() { return cloudWatchName; }

    public String statistic() { return statistic; }
}
