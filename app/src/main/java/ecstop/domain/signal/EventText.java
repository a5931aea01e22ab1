package ecstop.domain.signal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service event's message says, read the way ECS words them, e.g.
 * "(service web) was unable to place a task because no container instance met all of its
 * requirements. The closest matching (container-instance 5f3c…) has insufficient memory
 * available." ECS has changed the wording over the years (older events say "service web
 * (instance i-0ab) (port 80) is unhealthy in target-group web due to …"), so the matching
 * is by the phrases that stayed.
 */
final class EventText {
    private static final Pattern TASK = Pattern.compile("\\(task ([A-Za-z0-9-]+)\\)");
    private static final Pattern HEALTH = Pattern.compile(
            "unhealthy in \\(?target-group|failed (?:elb|container) health checks|failed load balancer health checks");

    private EventText() {}

    static boolean steady(String m) {
        return lower(m).contains("has reached a steady state");
    }

    static boolean placement(String m) {
        return lower(m).contains("unable to place a task");
    }

    static boolean health(String m) {
        return HEALTH.matcher(lower(m)).find();
    }

    static boolean rollback(String m) {
        String l = lower(m);
        return l.contains("rolling back to deployment") || l.contains("rolled back to deployment");
    }

    static boolean deploymentFailed(String m) {
        return lower(m).contains("deployment failed");
    }

    /** Why a task could not be placed, in a few words. */
    static String placementReason(String m) {
        String l = lower(m);
        if (l.contains("insufficient memory")) {
            return "insufficient memory";
        }
        if (l.contains("insufficient cpu")) {
            return "insufficient CPU";
        }
        if (l.contains("already using a port") || l.contains("insufficient port")) {
            return "ports in use";
        }
        if (l.contains("capacity is unavailable")) {
            return "Fargate capacity unavailable";
        }
        if (l.contains("no container instances were found")) {
            return "no container instances";
        }
        if (l.contains("insufficient gpu")) {
            return "insufficient GPU";
        }
        if (l.contains("eni")) {
            return "no free network interface";
        }
        return "no instance met its requirements";
    }

    /** The first "(task ID)" the message names. */
    static Optional<String> task(String m) {
        Matcher t = TASK.matcher(m);
        return t.find() ? Optional.of(t.group(1)) : Optional.empty();
    }

    private static String lower(String m) {
        return m.toLowerCase(Locale.ROOT);
    }
}
