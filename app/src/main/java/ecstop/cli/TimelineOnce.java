package ecstop.cli;

import ecstop.config.Settings;
import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Level;
import ecstop.domain.Metric;
import ecstop.domain.ServiceHealth;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.StoppedTask;
import ecstop.domain.StoppedTasks;
import ecstop.domain.Thresholds;
import ecstop.domain.TimeWindow;
import ecstop.domain.task.ScalingActivity;
import ecstop.domain.timeline.Answer;
import ecstop.domain.timeline.AnswerLine;
import ecstop.domain.timeline.ChartPeriod;
import ecstop.domain.timeline.Markers;
import ecstop.domain.timeline.ServiceMarkers;
import ecstop.domain.timeline.ServiceSeries;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --once --view timeline --cluster C --service S}: the service's CPU and memory at the
 * finest period CloudWatch keeps for the window's age (Maximum and Average, one GetMetricData),
 * its markers (deployments and task-definition changes from one DescribeServices, OOM kills
 * and crashes from the cluster's stopped tasks as the signals read them, scaling activities
 * from Application Auto Scaling) and the answer line, as text, JSON or CSV. The series are
 * the answer: when they cannot be read it fails; a marker source that cannot be read is a
 * warning, and its markers are missing.
 */
final class TimelineOnce {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineOnce.class);
    /** Text chart size: fits a ticket and an 80-column terminal. */
    static final int WIDTH = 78;
    static final int HEIGHT = 12;

    private TimelineOnce() {}

    static int run(Settings settings, FleetReader reader, CliEnvironment env, String cluster, String serviceName,
                   Function<Failure, Integer> awsError, Function<Failure, Optional<Integer>> notFound) {
        Either<Failure, TimelineReport> read = read(settings, reader, env, cluster, serviceName);
        if (read.isLeft()) {
            return notFound.apply(read.getLeft()).orElseGet(() -> awsError.apply(read.getLeft()));
        }
        TimelineReport report = read.get();
        LOG.info("once timeline: {} markers {} calls {}", serviceName, report.markers().size(), report.calls().calls());
        env.out().print(switch (settings.format()) {
            case JSON -> TimelinePrint.json(report);
            case CSV -> TimelinePrint.csv(report);
            case TEXT -> TimelinePrint.text(report, settings.ascii());
        });
        env.out().flush();
        report.warnings().forEach(w -> env.err().println("ecs-top: warning: " + SafeText.safe(w)));
        return ExitCode.OK;
    }

    static Either<Failure, TimelineReport> read(Settings settings, FleetReader reader, CliEnvironment env, String cluster,
                                                String serviceName) {
        Instant now = env.clock().get();
        ClusterRef ref = new ClusterRef(reader.target(), cluster);
        ServiceRef service = new ServiceRef(ref, serviceName);
        CallStats before = reader.totals();
        // DescribeServices first: it says whether the service exists, and holds its deployments and events
        Either<Failure, Map<ServiceRef, ServiceInfo>> info = reader.serviceInfo(List.of(service));
        if (info.isLeft()) {
            return Either.left(info.getLeft());
        }
        if (!info.get().containsKey(service)) {
            return Either.left(new Failure(Failure.Kind.NOT_FOUND, "ecs:DescribeServices", "service " + serviceName));
        }
        ServiceHealth health = info.get().get(service).health();
        TimeWindow window = ChartPeriod.window(settings.lookback(), Duration.ZERO, now, 4);
        Either<Failure, ServiceSeries> series = reader.serviceSeries(service, window, false);
        if (series.isLeft()) {
            return Either.left(series.getLeft());
        }
        List<String> warnings = new ArrayList<>();
        Either<Failure, StoppedTasks> stopped = reader.stoppedTasks(ref);
        List<StoppedTask> mine = stopped.fold(f -> {
            warnings.add("no OOM kills or crashes on the timeline: " + f.line());
            return List.<StoppedTask>of();
        }, s -> s.byService().getOrDefault(serviceName, List.of()));
        Either<Failure, List<ScalingActivity>> scaling = reader.scalingActivities(service, window.start());
        List<ScalingActivity> activities = scaling.fold(f -> {
            if (f.kind() != Failure.Kind.UNSUPPORTED) {
                warnings.add("no scaling activities on the timeline: " + f.line());
            }
            return List.<ScalingActivity>of();
        }, a -> a);
        // all of them, not only the window's: a release before the window can still be what a run came after
        Markers markers = ServiceMarkers.of(health, mine, activities);
        ZoneId zone = zone(env);
        Map<Metric, Thresholds> thresholds = new EnumMap<>(Metric.class);
        Map<Metric, String> answers = new EnumMap<>(Metric.class);
        Map<Metric, Answer> found = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            Thresholds t = settings.thresholds().of(m, serviceName);
            thresholds.put(m, t);
            Answer a = AnswerLine.answer(series.get().max(m), window.period(), t, markers, window.start(), now);
            found.put(m, a);
            answers.put(m, AnswerLine.text(word(m), a, window.start(), now, zone));
        }
        Metric headline = urgency(found.get(Metric.CPU)) < urgency(found.get(Metric.MEMORY)) ? Metric.CPU : Metric.MEMORY;
        return Either.right(new TimelineReport(service, settings.lookback(), now, zone, series.get(), thresholds, markers,
                answers, headline, warnings, minus(reader.totals(), before)));
    }

    static String word(Metric m) {
        return m == Metric.CPU ? "CPU" : "memory";
    }

    /** Hot now before warn now, before hot earlier, before warn earlier, before never, before no data. */
    static int urgency(Answer a) {
        if (a instanceof Answer.Now n) {
            return n.level() == Level.HOT ? 0 : 1;
        }
        if (a instanceof Answer.Earlier e) {
            return e.level() == Level.HOT ? 2 : 3;
        }
        return a instanceof Answer.Never ? 4 : 5;
    }

    /** The reader's zone: TZ when it names one, else the system's. */
    static ZoneId zone(CliEnvironment env) {
        String tz = env.env().get("TZ");
        try {
            return tz == null || tz.isBlank() ? ZoneId.systemDefault() : ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
        } catch (java.time.DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }

    /** What these reads cost: the reader's totals now less those before them. */
    static CallStats minus(CallStats after, CallStats before) {
        Map<String, Integer> calls = new java.util.TreeMap<>();
        after.calls().forEach((op, n) -> {
            int d = n - before.calls().getOrDefault(op, 0);
            if (d > 0) {
                calls.put(op, d);
            }
        });
        return new CallStats(calls, after.metricsRequested() - before.metricsRequested(), after.throttled() - before.throttled());
    }
}
