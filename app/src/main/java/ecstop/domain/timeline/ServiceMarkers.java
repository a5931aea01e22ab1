package ecstop.domain.timeline;

import ecstop.domain.Arns;
import ecstop.domain.ServiceDeployment;
import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceHealth;
import ecstop.domain.StoppedContainer;
import ecstop.domain.StoppedTask;
import ecstop.domain.signal.Detect;
import ecstop.domain.task.ScalingActivity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A service's markers from what is already read: its deployments (DescribeServices keeps the
 * current ones, PRIMARY and ACTIVE, so older rollouts are gone), the rollbacks its events
 * tell, a task-definition change wherever a deployment's revision differs from the one before
 * it, its stopped tasks' OOM kills and crashes (as the signals count them; ECS shows stopped
 * tasks for about an hour) and its scaling activities. Texts are noun phrases for the answer
 * line ("the deployment of :42").
 */
public final class ServiceMarkers {
    private ServiceMarkers() {}

    public static Markers of(ServiceHealth health, List<StoppedTask> stopped, List<ScalingActivity> scaling) {
        List<Marker> out = new ArrayList<>();
        List<ServiceDeployment> byAge = health.deployments().stream().filter(d -> d.createdAt().isPresent())
                .sorted(Comparator.comparing(d -> d.createdAt().get())).toList();
        String previous = null;
        for (ServiceDeployment d : byAge) {
            String rev = revision(d.taskDefinition());
            // a change of revision first: at equal times the deployment, added after it, is the cause named
            if (previous != null && !previous.equals(d.taskDefinition())) {
                out.add(new Marker(d.createdAt().get(), MarkerKind.TASK_DEF_CHANGE,
                        "task definition " + revision(previous) + " → " + rev));
            }
            out.add(new Marker(d.createdAt().get(), MarkerKind.DEPLOYMENT_STARTED, "the deployment of " + rev));
            if ("COMPLETED".equals(d.rolloutState()) && d.updatedAt().isPresent()) {
                out.add(new Marker(d.updatedAt().get(), MarkerKind.DEPLOYMENT_COMPLETED, "the deployment of " + rev + " completing"));
            }
            previous = d.taskDefinition();
        }
        for (ServiceEvent e : health.events()) {
            if (Detect.rollbackEvent(e.message())) {
                out.add(new Marker(e.createdAt(), MarkerKind.DEPLOYMENT_ROLLED_BACK, "a rollback"));
            }
        }
        for (StoppedTask t : stopped) {
            if (t.stoppedAt().isEmpty()) {
                continue;
            }
            if (Detect.oomKill(t)) {
                out.add(new Marker(t.stoppedAt().get(), MarkerKind.OOM_KILL, "an OOM kill of task " + shortId(t) + exits(t)));
            } else if (Detect.crashed(t)) {
                out.add(new Marker(t.stoppedAt().get(), MarkerKind.CRASH, "a crash of task " + shortId(t) + exits(t)));
            }
        }
        for (ScalingActivity a : scaling) {
            out.add(new Marker(a.start(), MarkerKind.SCALING, a.desiredCount().isPresent()
                    ? "scaling to " + a.desiredCount().getAsInt() + " tasks" : "a scaling activity"));
        }
        return Markers.of(out);
    }

    /** ":42" from a task definition ARN or "family:42"; the whole name when it has no revision. */
    static String revision(String taskDefinition) {
        String last = Arns.lastSegment(taskDefinition);
        int colon = last.lastIndexOf(':');
        return colon < 0 ? last : last.substring(colon);
    }

    private static String shortId(StoppedTask t) {
        String id = t.id();
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String exits(StoppedTask t) {
        String codes = t.containers().stream().map(StoppedContainer::exitCode).filter(c -> c.isPresent() && c.getAsInt() != 0)
                .map(c -> String.valueOf(c.getAsInt())).distinct().collect(Collectors.joining(", "));
        return codes.isEmpty() ? "" : " (exit " + codes + ")";
    }
}
