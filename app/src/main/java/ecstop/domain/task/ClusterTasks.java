package ecstop.domain.task;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Lookback;
import ecstop.domain.TimeWindow;
import ecstop.domain.timeline.ServiceSeries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tasks view reads for a cluster (or one of its services): the Container Insights
 * level, the running tasks, their series where the level has them ({@code usages}), else each
 * service's AWS/ECS series by name ({@code services}, with the Minimum on a disabled cluster),
 * and what the reads cost.
 */
public record ClusterTasks(ClusterRef cluster, Optional<String> service, InsightsLevel level, Lookback lookback,
                           TimeWindow window, Instant now, List<RunningTask> running, List<TaskUsages> usages,
                           Map<String, ServiceSeries> services, CallStats calls) {
    public ClusterTasks {
        running = List.copyOf(running);
        usages = List.copyOf(usages);
        services = Map.copyOf(services);
    }

    /** The one line on a cluster without per-task figures: what turns them on (ecs-top itself changes nothing). */
    public Optional<String> hint() {
        return level.perTask() ? Optional.empty() : Optional.of("per-task figures need Container Insights with enhanced"
                + " observability; to turn it on: aws ecs update-cluster-settings --cluster " + cluster.name()
                + " --settings name=containerInsights,value=enhanced");
    }
}
