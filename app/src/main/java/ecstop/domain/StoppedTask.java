package ecstop.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A task ECS has stopped or is stopping, as DescribeTasks reports it. {@code group} is
 * "service:NAME" for a service's tasks and "family:NAME" (or anything a caller of RunTask
 * chose) otherwise; {@code stopCode} is TaskFailedToStart, EssentialContainerExited,
 * UserInitiated, ServiceSchedulerInitiated, SpotInterruption or TerminationNotice, or empty.
 * Strings are AWS's as received: sanitise before showing.
 */
public record StoppedTask(
        String taskArn,
        String group,
        String lastStatus,
        String stopCode,
        String stoppedReason,
        Optional<Instant> stoppedAt,
        List<StoppedContainer> containers) {

    private static final String SERVICE_GROUP = "service:";

    public StoppedTask {
        taskArn = orEmpty(taskArn);
        group = orEmpty(group);
        lastStatus = orEmpty(lastStatus);
        stopCode = orEmpty(stopCode);
        stoppedReason = orEmpty(stoppedReason);
        containers = List.copyOf(containers);
    }

    /** The service that ran it, from its group; empty for a task that no service started. */
    public Optional<String> service() {
        return group.startsWith(SERVICE_GROUP) && group.length() > SERVICE_GROUP.length()
                ? Optional.of(group.substring(SERVICE_GROUP.length()))
                : Optional.empty();
    }

    /** The task's id, the last part of its ARN. */
    public String id() {
        return Arns.lastSegment(taskArn);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
