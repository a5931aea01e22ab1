package ecstop.domain.rightsize;

import ecstop.domain.Metric;
import java.util.Optional;

/**
 * One Application Auto Scaling policy of a service. {@code metric} is the predefined metric
 * type of a target-tracking policy (ECSServiceAverageCPUUtilization, …) or a customised
 * metric's name, with its {@code namespace}; empty for step and predictive policies.
 */
public record ScalingPolicy(String name, String type, String metric, String namespace) {
    public static final String TARGET_TRACKING = "TargetTrackingScaling";
    public static final String CPU_PREDEFINED = "ECSServiceAverageCPUUtilization";
    public static final String MEMORY_PREDEFINED = "ECSServiceAverageMemoryUtilization";

    public ScalingPolicy {
        metric = metric == null ? "" : metric;
        namespace = namespace == null ? "" : namespace;
    }

    /**
     * The axis this policy answers by scaling out, if any: a target-tracking policy on the
     * service's average CPU or memory, predefined or as the AWS/ECS metric itself.
     */
    public Optional<Metric> tracks() {
        if (!TARGET_TRACKING.equals(type)) {
            return Optional.empty();
        }
        if (metric.equals(CPU_PREDEFINED) || (Metric.NAMESPACE.equals(namespace) && metric.equals(Metric.CPU.cloudWatchName()))) {
            return Optional.of(Metric.CPU);
        }
        if (metric.equals(MEMORY_PREDEFINED)
                || (Metric.NAMESPACE.equals(namespace) && metric.equals(Metric.MEMORY.cloudWatchName()))) {
            return Optional.of(Metric.MEMORY);
        }
        return Optional.empty();
    }

    /** "target tracking on ECSServiceAverageCPUUtilization", "step scaling". */
    public String describe() {
        String kind = TARGET_TRACKING.equals(type) ? "target tracking" : type.replace("Scaling", " scaling").toLowerCase(java.util.Locale.ROOT).trim();
        if (metric.isEmpty()) {
            return kind;
        }
        return kind + " on " + (namespace.isEmpty() ? metric : namespace + " " + metric);
    }
}
