package ecstop.cli;

import ecstop.domain.View;
import ecstop.config.ColourMode;
import ecstop.config.Settings;
import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Cluster;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Snapshot;
import ecstop.domain.ServiceUsage;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.StoppedTasks;
import ecstop.domain.signal.ClusterSignals;
import ecstop.domain.signal.FailOn;
import ecstop.domain.signal.SignalRules;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --once}: pick the cluster, fetch one snapshot and its signals, print them, exit.
 * Every way out but success is exactly one line on stderr naming the cause and the fix.
 * Signals that cannot be read (ListTasks denied, say) are one line on stderr too, and the
 * figures print all the same. With {@code --fail-on}, a service showing one of the chosen
 * signals makes the exit code 4.
 */
final class OnceMode {
    private static final Logger LOG = LoggerFactory.getLogger(OnceMode.class);
    static final int MAX_NAMES_LISTED = 20;

    private final Settings settings;
    private final FleetReader reader;
    private final CliEnvironment env;
    private final View view;
    private final FailOn failOn;
    private final Optional<String> service;

    OnceMode(Settings settings, FleetReader reader, CliEnvironment env) {
        this(settings, reader, env, View.USAGE, FailOn.NOTHING);
    }

    OnceMode(Settings settings, FleetReader reader, CliEnvironment env, View view) {
        this(settings, reader, env, view, FailOn.NOTHING);
    }

    OnceMode(Settings settings, FleetReader reader, CliEnvironment env, FailOn failOn) {
        this(settings, reader, env, View.USAGE, failOn);
    }

    OnceMode(Settings settings, FleetReader reader, CliEnvironment env, View view, FailOn failOn) {
        this(settings, reader, env, view, failOn, Optional.empty());
    }

    OnceMode(Settings settings, FleetReader reader, CliEnvironment env, View view, FailOn failOn, Optional<String> service) {
        this.service = service;
        this.settings = settings;
        this.reader = reader;
        this.env = env;
        this.view = view;
        this.failOn = failOn;
    }

    int run() {
        Either<Integer, String> cluster = settings.cluster().<Either<Integer, String>>map(Either::right)
                .orElseGet(this::pickCluster);
        return cluster.fold(code -> code, this::run);
    }

    private int run(String cluster) {
        if (view == View.RIGHTSIZE) {
            return RightsizeOnce.run(settings, reader, env, cluster, this::awsError,
                    f -> f.kind() == Failure.Kind.NOT_FOUND && settings.cluster().isPresent()
                            ? Optional.of(unknownCluster(cluster)) : Optional.empty());
        }
        if (view == View.TASKS) {
            return TasksOnce.run(settings, reader, env, cluster, service, this::awsError,
                    f -> f.kind() != Failure.Kind.NOT_FOUND ? Optional.empty()
                            : service.isPresent() && f.detail().contains("ervice")
                                    ? Optional.of(fail(ExitCode.USAGE, "no service '" + SafeText.safe(service.get())
                                            + "' in cluster '" + SafeText.safe(cluster) + "' (ecs-top --once --cluster "
                                            + SafeText.safe(cluster) + " lists its services)"))
                                    : Optional.of(unknownCluster(cluster)));
        }
        if (view == View.TIMELINE) {
            String name = service.orElseThrow();
            return TimelineOnce.run(settings, reader, env, cluster, name, this::awsError,
                    f -> f.kind() != Failure.Kind.NOT_FOUND ? Optional.empty()
                            : f.action().equals("ecs:DescribeServices")
                                    ? Optional.of(fail(ExitCode.USAGE, "no service '" + SafeText.safe(name) + "' in cluster '"
                                            + SafeText.safe(cluster) + "' (ecs-top --once --cluster " + SafeText.safe(cluster)
                                            + " lists its services)"))
                                    : Optional.of(unknownCluster(cluster)));
        }
        // DescribeServices: the task counts, and the events and deployments the signals come from.
        SnapshotRequest request = new SnapshotRequest(new ClusterRef(reader.target(), cluster), settings.lookback(),
                settings.stat(), env.clock().get(), Optional.empty(), true);
        return reader.snapshot(request).fold(
                f -> f.kind() == Failure.Kind.NOT_FOUND && settings.cluster().isPresent() ? unknownCluster(cluster) : awsError(f),
                s -> print(withSignals(s, request.cluster())));
    }

    private int print(OnceReport report) {
        Snapshot s = report.snapshot();
        LOG.info("once: cluster {} services {} calls {} metrics {}", s.scope().name(), s.services().size(),
                report.stats().calls(), s.stats().metricsRequested());
        env.out().print(switch (settings.format()) {
            case JSON -> JsonReport.render(report);
            case CSV -> CsvReport.render(report);
            case TEXT -> TextReport.render(report, settings.thresholds(), settings.ascii(), colour());
        });
        env.out().flush();
        SignalText.unavailable(report.signals()).ifPresent(line -> {
            LOG.warn("once: {}", line);
            env.err().println("ecs-top: " + line);
        });
        return failOn.isEmpty() ? ExitCode.OK : tripped(report);
    }

    /** The cluster's stopped tasks, read once for all its services, and what they and the service info say. */
    private OnceReport withSignals(Snapshot s, ClusterRef cluster) {
        Either<Failure, StoppedTasks> stopped = reader.stoppedTasks(cluster);
        ClusterSignals signals = ClusterSignals.detect(s.services().stream().map(ServiceUsage::name).toList(),
                OnceReport.infoByName(s),
                stopped, s.fetchedAt(), SignalRules.DEFAULT);
        CallStats stats = stopped.fold(f -> s.stats(), t -> s.stats().plus(t.stats()));
        return new OnceReport(s, signals, stats);
    }

    /** Exit 4 and one line naming the services when any trips --fail-on. */
    private int tripped(OnceReport report) {
        List<String> hit = new ArrayList<>();
        for (ReportRow r : ReportRow.of(report.snapshot())) {
            List<String> shows = failOn.matches(r.name(), report.signals().of(r.name()), r.cpu(), r.memory(), settings.thresholds());
            if (!shows.isEmpty()) {
                hit.add(r.name() + " (" + String.join(", ", shows) + ")");
            }
        }
        if (hit.isEmpty()) {
            return ExitCode.OK;
        }
        return fail(ExitCode.SIGNALLED, hit.size() + (hit.size() == 1 ? " service shows " : " services show ")
                + "what --fail-on asks about: " + list(hit));
    }

    /** Red for hot values only on a terminal, and not when colour is off (NO_COLOR, colour = none). */
    private boolean colour() {
        return env.terminal() && settings.colour().resolve(env.env()) != ColourMode.NONE;
    }

    private Either<Integer, String> pickCluster() {
        return reader.clusters().fold(f -> Either.left(awsError(f)), this::pickFrom);
    }

    private Either<Integer, String> pickFrom(List<Cluster> clusters) {
        List<String> names = clusters.stream().map(Cluster::name).collect(Collectors.toList());
        if (names.isEmpty()) {
            return Either.left(fail(ExitCode.AWS,
                    "no ECS clusters in this account and region (check --region and --profile)"));
        }
        if (names.size() > 1 && view == View.RIGHTSIZE) {
            // No cluster named and several: every cluster sized, in one table.
            return Either.left(new RightsizeFleetOnce(settings, java.util.Map.of(reader.target(), reader), env)
                    .run(java.util.Map.of(reader.target(), Either.right(clusters))));
        }
        if (names.size() > 1) {
            // No cluster named and several to choose from: the fleet's busiest services, cluster by cluster.
            ecstop.domain.Target target = ecstop.domain.Target.of(settings.profile().orElse("default"),
                    settings.region().orElse("(region from profile)"));
            return Either.left(new FleetOnce(settings, java.util.Map.of(target, reader), env).run());
        }
        return Either.right(names.get(0));
    }

    private int unknownCluster(String name) {
        return reader.clusters().fold(this::awsError, clusters -> {
            List<String> names = clusters.stream().map(Cluster::name).collect(Collectors.toList());
            return fail(ExitCode.USAGE, "no cluster '" + SafeText.safe(name) + "' in this account and region; "
                    + (names.isEmpty() ? "there are no clusters (check --region and --profile)" : "clusters: " + list(names)));
        });
    }

    private int awsError(Failure f) {
        return fail(ExitCode.AWS, SafeText.safe(f.line()));
    }

    private int fail(int code, String line) {
        LOG.warn("once: exit {}: {}", code, line);
        env.err().println("ecs-top: " + line);
        return code;
    }

    private static String list(List<String> names) {
        String shown = names.stream().limit(MAX_NAMES_LISTED).map(SafeText::safe).collect(Collectors.joining(", "));
        return names.size() > MAX_NAMES_LISTED ? shown + " … and " + (names.size() - MAX_NAMES_LISTED) + " more" : shown;
    }
}
