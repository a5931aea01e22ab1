package ecstop.domain;

/** The two per-service utilisation metrics ECS publishes to CloudWatch (namespace AWS/ECS). */
public enum Metric {
    CPU("CPUUtilization", "CPU"),
    MEMORY("MemoryUtilization", "Memory");

    public static final String NAMESPACE = "AWS/ECS";

    private final String cloudWatchName;
    private final String label;

    Metric(String cloudWatchName, String label) {
        this.cloudWatchName = cloudWatchName;
        this.label = label;
    }

    public String cloudWatchName() { return cloudWatchName; }

    public String label() { return label; }
}
