package ecstop.domain.task;

import java.util.Locale;

/**
 * A cluster's Container Insights setting, which decides where per-task figures can come from:
 * {@code enhanced} publishes task- and container-level series (TaskId, ContainerName),
 * {@code enabled} per-service ones only, {@code disabled} none (AWS/ECS alone, whose Minimum
 * and Maximum are the least and most loaded task).
 */
public enum InsightsLevel {
    ENHANCED, ENABLED, DISABLED;

    /** The setting's value as DescribeClusters gives it; an absent or unknown value reads as disabled. */
    public static InsightsLevel parse(String value) {
        if (value == null) {
            return DISABLED;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "enhanced" -> ENHANCED;
            case "enabled" -> ENABLED;
            default -> DISABLED;
        };
    }

    /** Whether ECS/ContainerInsights has per-task and per-container series for this cluster. */
    public boolean perTask() {
        return this == ENHANCED;
    }
}
