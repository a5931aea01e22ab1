package ecstop.poll;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Lookback;
import ecstop.domain.Periods;
import ecstop.domain.ServiceRef;
import ecstop.domain.TimeWindow;
import ecstop.domain.task.ClusterTasks;
import ecstop.domain.task.InsightsLevel;
import ecstop.domain.task.RunningTask;
import ecstop.domain.task.TaskUsages;
import ecstop.domain.timeline.ServiceSeries;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tasks view's reads for a cluster or one of its services: one DescribeClusters for the
 * containerInsights setting, ListTasks and DescribeTasks for the running tasks, then the
 * figures the setting allows: on {@code enhanced} each service's task and container series
 * over the lookback (one GetMetricData a service, up to 500 queries) and, unless the lookback's
 * period is a minute, the same again over the last minutes for the latest minute (a second
 * call, as many metrics again: one call has one window); otherwise each service's AWS/ECS Maximum
 * and Average (and on {@code disabled} the Minimum, for the spread across tasks), one
 * GetMetricData for up to 83 services.
 */
public final class TasksFetch {
    /** Container Insights' finest period; the latest figure is the newest such period. */
    static final Duration LATEST = Duration.ofMinutes(1);
    /** Minutes read for the latest one: Container Insights may publish the newest minute late. */
    static final int RECENT_MINUTES = 5;

    private TasksFetch() {}

    /** The last few whole minutes before {@code now}, at a minute's period. */
    static TimeWindow lastMinutes(Instant now) {
        long end = Math.floorDiv(now.getEpochSecond(), 60) * 60 + 60;
        return new TimeWindow(Instant.ofEpochSecond(end - 60L * RECENT_MINUTES), Instant.ofEpochSecond(end), LATEST);
    }

    public static Either<Failure, ClusterTasks> read(FleetReader reader, ClusterRef cluster, Optional<String> service,
                                                     Lookback lookback, Instant now) {
        CallStats before = reader.totals();
        Either<Failure, InsightsLevel> level = reader.insightsLevel(cluster);
        if (level.isLeft()) {
            return Either.left(level.getLeft());
        }
        Either<Failure, List<RunningTask>> running = reader.runningTasks(cluster, service);
        if (running.isLeft()) {
            return Either.left(running.getLeft());
        }
        Map<String, List<RunningTask>> byService = new LinkedHashMap<>();
        running.get().forEach(t -> byService.computeIfAbsent(t.service().orElse(""), k -> new ArrayList<>()).add(t));
        TimeWindow window = Periods.window(lookback, now);
        List<TaskUsages> usages = new ArrayList<>();
        Map<String, ServiceSeries> services = new LinkedHashMap<>();
        if (level.get().perTask()) {
            for (Map.Entry<String, List<RunningTask>> e : byService.entrySet()) {
                if (e.getKey().isEmpty()) {
                    continue; // a task no service runs has no ServiceName dimension to ask by
                }
                ServiceRef ref = new ServiceRef(cluster, e.getKey());
                Either<Failure, TaskUsages> u = reader.taskUsage(ref, e.getValue(), window);
                if (u.isLeft()) {
                    return Either.left(u.getLeft());
                }
                // the latest minute, unless the lookback's period is already a minute
                Either<Failure, TaskUsages> latest = window.periodSeconds() <= LATEST.getSeconds() ? u
                        : reader.taskUsage(ref, e.getValue(), lastMinutes(now)).map(u.get()::withLatest);
                if (latest.isLeft()) {
                    return Either.left(latest.getLeft());
                }
                usages.add(latest.get());
            }
        } else {
            List<ServiceRef> refs = byService.keySet().stream().filter(n -> !n.isEmpty())
                    .map(n -> new ServiceRef(cluster, n)).toList();
            if (!refs.isEmpty()) {
                Either<Failure, Map<ServiceRef, ServiceSeries>> s = reader.serviceSeries(refs, window,
                        level.get() == InsightsLevel.DISABLED);
                if (s.isLeft()) {
                    return Either.left(s.getLeft());
                }
                s.get().forEach((r, series) -> services.put(r.name(), series));
            }
        }
        return Either.right(new ClusterTasks(cluster, service, level.get(), lookback, window, now, running.get(), usages,
                services, reader.totals().minus(before)));
    }
}
