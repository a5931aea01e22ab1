package ecstop.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster's stopped tasks as ECS still shows them: it keeps a stopped task for about an
 * hour ({@link #RETENTION}), so this is the last hour at most, never a day. Read for the
 * whole cluster at once (the signals), or for one service (its tasks pane).
 */
public record StoppedTasks(ClusterRef cluster, Instant fetchedAt, List<StoppedTask> tasks, CallStats stats) {
    /** How long ECS keeps showing a stopped task: "at least one hour" in its documentation. */
    public static final Duration RETENTION = Duration.ofHours(1);

    public StoppedTasks {
        tasks = List.copyOf(tasks);
    }

    /** The tasks of each service, by service name, in the order read; tasks of no service are left out. */
    public Map<String, List<StoppedTask>> byService() {
        Map<String, List<StoppedTask>> out = new LinkedHashMap<>();
        for (StoppedTask t : tasks) {
            t.service().ifPresent(s -> out.computeIfAbsent(s, k -> new ArrayList<>()).add(t));
        }
        return out;
    }
}
