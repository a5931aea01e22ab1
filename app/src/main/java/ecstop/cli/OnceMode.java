package ecstop.cli;

import ecstop.config.ColourMode;
import ecstop.config.Settings;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import io.vavr.control.Either;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --once}: pick the cluster, fetch one snapshot, print it, exit. Every way out but
 * success is exactly one line on stderr naming the cause and the fix.
 */
final class OnceMode {
    private static final Logger LOG = LoggerFactory.getLogger(OnceMode.class);
    static final int MAX_NAMES_LISTED = 20;

    private final Settings settings;
    private final FleetReader reader;
    private final CliEnvironment env;

    OnceMode(Settings settings, FleetReader reader, CliEnvironment env) {
        this.settings = settings;
        this.reader = reader;
        this.env = env;
    }

    int run() {
        Either<Integer, String> cluster = settings.cluster().isPresent()
                ? Either.right(settings.cluster().get())
                : pickCluster();
        if (cluster.isLeft()) {
            return cluster.getLeft();
        }
        // Task counts only feed the json and csv columns; the charts do without them.
        boolean withInfo = settings.format() != ecstop.config.Format.TEXT;
        SnapshotRequest request = new SnapshotRequest(cluster.get(), settings.lookback(), settings.stat(),
                env.clock().get(), Optional.empty(), withInfo);
        Either<Failure, Snapshot> snapshot = reader.snapshot(request);
        if (snapshot.isLeft()) {
            Failure f = snapshot.getLeft();
            if (f.kind() == Failure.Kind.NOT_FOUND && settings.cluster().isPresent()) {
                return unknownCluster(cluster.get());
            }
            return awsError(f);
        }
        Snapshot s = snapshot.get();
        LOG.info("once: cluster {} services {} calls {} metrics {}", s.cluster(), s.services().size(),
                s.stats().calls(), s.stats().metricsRequested());
        env.out().print(switch (settings.format()) {
            case JSON -> JsonReport.render(s);
            case CSV -> CsvReport.render(s);
            case TEXT -> TextReport.render(s, settings.thresholds(), settings.ascii(), colour());
        });
        env.out().flush();
        return ExitCode.OK;
    }

    /** Red for hot values only on a terminal, and not when colour is off (NO_COLOR, colour = none). */
    private boolean colour() {
        return env.terminal() && settings.colour().resolve(env.env()) != ColourMode.NONE;
    }

    private Either<Integer, String> pickCluster() {
        Either<Failure, List<Cluster>> clusters = reader.clusters();
        if (clusters.isLeft()) {
            return Either.left(awsError(clusters.getLeft()));
        }
        List<String> names = clusters.get().stream().map(Cluster::name).collect(Collectors.toList());
        if (names.isEmpty()) {
            return Either.left(fail(ExitCode.AWS,
                    "no ECS clusters in this account and region (check --region and --profile)"));
        }
        if (names.size() > 1) {
            return Either.left(fail(ExitCode.USAGE,
                    names.size() + " clusters and no --cluster; pick one with --cluster: " + list(names)));
        }
        return Either.right(names.get(0));
    }

    private int unknownCluster(String name) {
        Either<Failure, List<Cluster>> clusters = reader.clusters();
        if (clusters.isLeft()) {
            return awsError(clusters.getLeft());
        }
        List<String> names = clusters.get().stream().map(Cluster::name).collect(Collectors.toList());
        return fail(ExitCode.USAGE, "no cluster '" + Text.safe(name) + "' in this account and region; "
                + (names.isEmpty() ? "there are no clusters (check --region and --profile)" : "clusters: " + list(names)));
    }

    private int awsError(Failure f) {
        return fail(ExitCode.AWS, Text.safe(f.line()));
    }

    private int fail(int code, String line) {
        LOG.warn("once: exit {}: {}", code, line);
        env.err().println("ecs-top: " + line);
        return code;
    }

    private static String list(List<String> names) {
        String shown = names.stream().limit(MAX_NAMES_LISTED).map(Text::safe).collect(Collectors.joining(", "));
        return names.size() > MAX_NAMES_LISTED ? shown + " … and " + (names.size() - MAX_NAMES_LISTED) + " more" : shown;
    }
}
