package ecstop.cli;

import ecstop.config.Settings;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.poll.RightsizeFetch;
import ecstop.domain.rightsize.RightsizeTable;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --once --view rightsize}: one cluster's services with their per-period maxima
 * (Maximum, always: the rule is defined on it), task definitions, scaling policies and the
 * region's Fargate prices, through the rule, printed as text, JSON or CSV. OOM kills are not
 * read here, so they count as unknown. Scaling policies or prices that cannot be read leave a
 * warning in the report, not a failure: the sizes still stand.
 */
final class RightsizeOnce {
    private static final Logger LOG = LoggerFactory.getLogger(RightsizeOnce.class);

    private RightsizeOnce() {}

    /** The exit code; {@code awsError} prints a failure's line and gives its code. */
    static int run(Settings settings, FleetReader reader, CliEnvironment env, String cluster,
                   Function<Failure, Integer> awsError, Function<Failure, Optional<Integer>> notFound) {
        ClusterRef ref = new ClusterRef(reader.target(), cluster);
        SnapshotRequest request = new SnapshotRequest(ref, settings.lookback(), Stat.MAX, env.clock().get(),
                Optional.empty(), true);
        Either<Failure, Snapshot> fetched = reader.snapshot(request);
        if (fetched.isLeft()) {
            return notFound.apply(fetched.getLeft()).orElseGet(() -> awsError.apply(fetched.getLeft()));
        }
        Either<Failure, RightsizeFetch.Result> built = RightsizeFetch.fetch(reader, fetched.get(), settings.rightsize());
        if (built.isLeft()) {
            return awsError.apply(built.getLeft());
        }
        RightsizeTable table = built.get().table();
        List<String> warnings = built.get().warnings();
        LOG.info("once rightsize: cluster {} services {} calls {}", cluster, table.rows().size(), reader.totals().calls());
        env.out().print(switch (settings.format()) {
            case JSON -> RightsizeJson.render(table, warnings, reader.totals());
            case CSV -> RightsizeCsv.render(table);
            case TEXT -> RightsizeText.render(table, warnings);
        });
        env.out().flush();
        return ExitCode.OK;
    }
}
