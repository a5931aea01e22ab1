package ecstop.cli;

import ecstop.config.Settings;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Metric;
import ecstop.domain.ServiceRef;
import ecstop.domain.Thresholds;
import ecstop.domain.TimeWindow;
import ecstop.domain.timeline.Answer;
import ecstop.domain.timeline.AnswerLine;
import ecstop.domain.timeline.ServiceTimeline;
import ecstop.poll.TimelineFetch;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --once --view timeline --cluster C --service S}: what {@link TimelineFetch} reads
 * (the service's series at the chart's finest period and its markers) with the answer line
 * of each metric, as text, JSON or CSV. A marker source that could not be read is a warning
 * on stderr, and its markers are missing.
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
        ServiceRef service = new ServiceRef(new ClusterRef(reader.target(), cluster), serviceName);
        return TimelineFetch.read(reader, service, settings.lookback(), now).map(t -> answered(t, settings, zone(env)));
    }

    /** The answer line of each metric, by the service's own thresholds, and the most urgent of them. */
    static TimelineReport answered(ServiceTimeline t, Settings settings, ZoneId zone) {
        TimeWindow window = t.series().window();
        Map<Metric, Thresholds> thresholds = new EnumMap<>(Metric.class);
        Map<Metric, String> answers = new EnumMap<>(Metric.class);
        Map<Metric, Answer> found = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            Thresholds th = settings.thresholds().of(m, t.service().name());
            thresholds.put(m, th);
            Answer a = AnswerLine.answer(t.series().max(m), window.period(), th, t.markers(), window.start(), t.now());
            found.put(m, a);
            answers.put(m, AnswerLine.text(word(m), a, window.start(), t.now(), zone));
        }
        Metric headline = AnswerLine.urgency(found.get(Metric.CPU)) < AnswerLine.urgency(found.get(Metric.MEMORY)) ? Metric.CPU : Metric.MEMORY;
        return new TimelineReport(t.service(), t.lookback(), t.now(), zone, t.series(), thresholds, t.markers(), answers,
                headline, t.warnings(), t.calls());
    }

    static String word(Metric m) {
        return m == Metric.CPU ? "CPU" : "memory";
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
}
