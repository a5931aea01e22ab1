package ecstop.domain.task;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.StoppedTasks;
import ecstop.domain.TimeWindow;
import ecstop.domain.rightsize.ContainerSize;
import ecstop.domain.rightsize.TaskDefinition;
import ecstop.domain.timeline.ServiceSeries;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the tasks view reads for a cluster (or one of its services): the Container Insights
 * level, the running tasks, their series where the level has them ({@code usages}), else each
 * service's AWS/ECS series by name ({@code services}, with the Minimum on a disabled cluster),
 * and what the reads cost; for the tasks pane, the service's task definitions and its tasks
 * stopped in the last hour ({@code stopped}: empty when not asked, Left when they could not be read).
 */
public record ClusterTasks(ClusterRef cluster, Optional<String> service, InsightsLevel level, Lookback lookback,
                           TimeWindow window, Instant now, List<RunningTask> running, List<TaskUsages> usages,
                           Map<String, ServiceSeries> services, CallStats calls, Map<String, TaskDefinition> definitions,
                           Optional<Either<Failure, StoppedTasks>> stopped) {
    public ClusterTasks {
        running = List.copyOf(running);
        usages = List.copyOf(usages);
        services = Map.copyOf(services);
        definitions = Map.copyOf(definitions);
    }

    /** Without the task definitions (which alone say which containers are essential). */
    public ClusterTasks(ClusterRef cluster, Optional<String> service, InsightsLevel level, Lookback lookback,
                        TimeWindow window, Instant now, List<RunningTask> running, List<TaskUsages> usages,
                        Map<String, ServiceSeries> services, CallStats calls) {
        this(cluster, service, level, lookback, window, now, running, usages, services, calls, Map.of(), Optional.empty());
    }

    /** With the running tasks' definitions by ARN. */
    public ClusterTasks withDefinitions(Map<String, TaskDefinition> d) {
        return new ClusterTasks(cluster, service, level, lookback, window, now, running, usages, services, calls, d, stopped);
    }

    /** With the service's tasks stopped in the last hour, or why they could not be read. */
    public ClusterTasks withStopped(Either<Failure, StoppedTasks> s) {
        return new ClusterTasks(cluster, service, level, lookback, window, now, running, usages, services, calls, definitions,
                Optional.of(s));
    }

    /** Whether {@code task}'s container {@code name} is essential, when its task definition was read. */
    public Optional<Boolean> essential(RunningTask task, String name) {
        TaskDefinition d = definitions.get(task.taskDefinitionArn());
        return d == null ? Optional.empty() : d.containers().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(ContainerSize::essential);
    }

    /** The one line on a cluster without per-task figures: what turns them on (ecs-top itself changes nothing). */
    public Optional<String> hint() {
        return level.perTask() ? Optional.empty() : Optional.of("per-task figures need Container Insights with enhanced"
                + " observability; to turn it on: aws ecs update-cluster-settings --cluster " + cluster.name()
                + " --settings name=containerInsights,value=enhanced");
    }
}
