package ecstop.domain.task;

import ecstop.domain.ClusterRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A task ECS wants running (desiredStatus RUNNING: running, or still pending), as
 * DescribeTasks gives it. {@code id} is the last part of its ARN, what Container Insights
 * calls TaskId; {@code group} is "service:NAME" for a service's task; {@code cpu} (units) and
 * {@code memory} (MiB) are the task's size, task-level or its containers' together;
 * {@code containerInstanceArn} is empty on Fargate.
 */
public record RunningTask(ClusterRef cluster, String arn, String id, String group, String taskDefinitionArn,
                          String lastStatus, String healthStatus, String launchType, String availabilityZone,
                          Optional<String> containerInstanceArn, OptionalInt cpu, OptionalInt memory,
                          Optional<Instant> startedAt, List<TaskContainer> containers) {
    public RunningTask {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(arn, "arn");
        containers = List.copyOf(containers);
        group = group == null ? "" : group;
        taskDefinitionArn = taskDefinitionArn == null ? "" : taskDefinitionArn;
        lastStatus = lastStatus == null ? "" : lastStatus;
        healthStatus = healthStatus == null ? "UNKNOWN" : healthStatus;
        launchType = launchType == null ? "" : launchType;
        availabilityZone = availabilityZone == null ? "" : availabilityZone;
    }

    /** The service that runs it, from its group; empty for a task no service runs. */
    public Optional<String> service() {
        return group.startsWith("service:") ? Optional.of(group.substring("service:".length())) : Optional.empty();
    }

    /** The task definition's revision, from its ARN ("family:42"); empty when the ARN names none. */
    public OptionalInt revision() {
        int colon = taskDefinitionArn.lastIndexOf(':');
        try {
            return colon < 0 ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(taskDefinitionArn.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** The id from a task ARN (arn:aws:ecs:REGION:ACCOUNT:task/CLUSTER/ID, or the old task/ID). */
    public static String idOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
