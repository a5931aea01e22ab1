package ecstop.cli;

import ecstop.config.Settings;
import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Metric;
import ecstop.domain.Periods;
import ecstop.domain.ServiceRef;
import ecstop.domain.TimeWindow;
import ecstop.domain.task.InsightsLevel;
import ecstop.domain.task.RunningTask;
import ecstop.domain.task.TaskTable;
import ecstop.domain.task.TaskUsages;
import ecstop.domain.timeline.ServiceSeries;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --once --view tasks --cluster C [--service S]}: one DescribeClusters for the
 * cluster's containerInsights setting, ListTasks and DescribeTasks for its running tasks (of
 * the service, or all), then the figures the setting allows: on {@code enhanced} each
 * service's task and container series (one GetMetricData a service, up to 500 queries);
 * otherwise each service's AWS/ECS Maximum and Average (and on {@code disabled} the Minimum,
 * for the spread across tasks) in one GetMetricData for up to 83 services, and the one line
 * that says how to get per-task figures.
 */
final class TasksOnce {
    private static final Logger LOG = LoggerFactory.getLogger(TasksOnce.class);

    private TasksOnce() {}

    static int run(Settings settings, FleetReader reader, CliEnvironment env, String cluster, Optional<String> service,
                   Function<Failure, Integer> awsError, Function<Failure, Optional<Integer>> notFound) {
        Either<Failure, TasksReport> read = read(settings, reader, env, cluster, service);
        if (read.isLeft()) {
            return notFound.apply(read.getLeft()).orElseGet(() -> awsError.apply(read.getLeft()));
        }
        TasksReport report = read.get();
        LOG.info("once tasks: {} {} tasks, calls {}", cluster, report.table().tasks().size(), report.calls().calls());
        env.out().print(switch (settings.format()) {
            case JSON -> TasksPrint.json(report);
            case CSV -> TasksPrint.csv(report);
            case TEXT -> TasksPrint.text(report);
        });
        env.out().flush();
        return ExitCode.OK;
    }

    static Either<Failure, TasksReport> read(Settings settings, FleetReader reader, CliEnvironment env, String cluster,
                                             Optional<String> service) {
        Instant now = env.clock().get();
        ClusterRef ref = new ClusterRef(reader.target(), cluster);
        CallStats before = reader.totals();
        Either<Failure, InsightsLevel> level = reader.insightsLevel(ref);
        if (level.isLeft()) {
            return Either.left(level.getLeft());
        }
        Either<Failure, List<RunningTask>> running = reader.runningTasks(ref, service);
        if (running.isLeft()) {
            return Either.left(running.getLeft());
        }
        Map<String, List<RunningTask>> byService = new LinkedHashMap<>();
        running.get().forEach(t -> byService.computeIfAbsent(t.service().orElse(""), k -> new ArrayList<>()).add(t));
        TimeWindow window = Periods.window(settings.lookback(), now);
        double warn = settings.thresholds().warn();
        List<TaskUsages> usages = new ArrayList<>();
        Map<String, ServiceSeries> services = new LinkedHashMap<>();
        if (level.get().perTask()) {
            for (Map.Entry<String, List<RunningTask>> e : byService.entrySet()) {
                if (e.getKey().isEmpty()) {
                    continue; // a task no service runs has no ServiceName dimension to ask by
                }
                Either<Failure, TaskUsages> u = reader.taskUsage(new ServiceRef(ref, e.getKey()), e.getValue(), window);
                if (u.isLeft()) {
                    return Either.left(u.getLeft());
                }
                usages.add(u.get());
            }
        } else {
            List<ServiceRef> refs = byService.keySet().stream().filter(n -> !n.isEmpty()).map(n -> new ServiceRef(ref, n)).toList();
            if (!refs.isEmpty()) {
                Either<Failure, Map<ServiceRef, ServiceSeries>> s = reader.serviceSeries(refs, window,
                        level.get() == InsightsLevel.DISABLED);
                if (s.isLeft()) {
                    return Either.left(s.getLeft());
                }
                s.get().forEach((r, series) -> services.put(r.name(), series));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        byService.forEach((n, ts) -> counts.put(n, ts.size()));
        Optional<String> hint = level.get().perTask() ? Optional.empty() : Optional.of(hint(cluster));
        return Either.right(new TasksReport(ref, service, level.get(), settings.lookback(), window, now,
                TaskTable.of(running.get(), usages, warn), services, counts, hint, TimelineOnce.minus(reader.totals(), before)));
    }

    /** The one line on a cluster without per-task figures: what turns them on (ecs-top itself changes nothing). */
    static String hint(String cluster) {
        return "per-task figures need Container Insights with enhanced observability; to turn it on: "
                + "aws ecs update-cluster-settings --cluster " + cluster + " --settings name=containerInsights,value=enhanced";
    }

    static String percent(java.util.OptionalDouble v) {
        return v.isPresent() ? Math.round(v.getAsDouble()) + "%" : "–";
    }

    /** "tasks 12–97%" from the latest period's Minimum and Maximum; a one-task service says so. */
    static String spread(ServiceSeries s, Metric m, int tasks) {
        if (tasks == 1) {
            return "one task, no spread";
        }
        var min = s.min(m).last();
        var max = s.max(m).last();
        return min.isPresent() && max.isPresent()
                ? "tasks " + Math.round(min.getAsDouble()) + "–" + Math.round(max.getAsDouble()) + "%" : "no data";
    }
}
