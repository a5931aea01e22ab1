package ecstop.cli;

import ecstop.config.Settings;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.timeline.ServiceSeries;
import ecstop.domain.Metric;
import ecstop.poll.TasksFetch;
import io.vavr.control.Either;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --once --view tasks --cluster C [--service S]}: what {@link TasksFetch} reads, its
 * tasks hottest first with the hot task and the container nearest its hard limit marked, or
 * each service's figures and the one line that says how to get per-task ones.
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
        return TasksFetch.read(reader, new ClusterRef(reader.target(), cluster), service, settings.lookback(), env.clock().get())
                .map(t -> TasksReport.of(t, settings.thresholds().warn()));
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
