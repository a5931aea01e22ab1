package ecstop.cli;

import ecstop.config.Settings;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Target;
import ecstop.domain.rightsize.ScopeRightsize;
import ecstop.poll.FleetRightsizeFetch;
import ecstop.poll.Readers;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --once --view rightsize} over several clusters or targets: every cluster read as
 * {@code --cluster} would read it (never the fleet's capped Metrics Insights snapshot, which
 * leaves out the least busy services, the ones with money to save), in one table naming each
 * row's cluster, most saved first, with the total over all.
 *
 * <p>Exit code as for the fleet: 0 when every cluster was sized; 3 when any cluster or target
 * could not be read, after printing the others and one stderr line per failure, so that a
 * script never takes a partial fleet for the whole one.
 */
final class RightsizeFleetOnce {
    private static final Logger LOG = LoggerFactory.getLogger(RightsizeFleetOnce.class);

    private final Settings settings;
    private final Map<Target, FleetReader> readers;
    private final CliEnvironment env;

    RightsizeFleetOnce(Settings settings, Map<Target, FleetReader> readers, CliEnvironment env) {
        this.settings = settings;
        this.readers = readers;
        this.env = env;
    }

    /** Every cluster of every target, as their readers list them. */
    int run() {
        Map<Target, Either<Failure, List<Cluster>>> clusters = new LinkedHashMap<>();
        readers.forEach((t, r) -> clusters.put(t, r.clusters()));
        return run(clusters);
    }

    /** These clusters, already listed (by target, or why not). */
    int run(Map<Target, Either<Failure, List<Cluster>>> clusters) {
        Readers all = Readers.of(readers, false);
        Either<Failure, ScopeRightsize> read = FleetRightsizeFetch.fetch(all, clusters, settings.lookback(),
                settings.rightsize(), env.clock().get(), () -> true);
        if (read.isLeft()) {
            LOG.warn("once rightsize: fleet failed: {}", read.getLeft().line());
            env.err().println("ecs-top: " + SafeText.safe(read.getLeft().line()));
            return ExitCode.AWS;
        }
        ScopeRightsize table = read.get();
        LOG.info("once rightsize: fleet of {} clusters, {} services, calls {}", table.parts().size(), table.rows().size(),
                all.totals().calls());
        env.out().print(switch (settings.format()) {
            case JSON -> RightsizeJson.render(table, all.totals());
            case CSV -> RightsizeCsv.render(table);
            case TEXT -> RightsizeText.render(table);
        });
        env.out().flush();
        table.failedTargets().forEach((t, f) -> env.err().println("ecs-top: " + SafeText.safe(t.label(" · ")) + ": "
                + SafeText.safe(f.line())));
        table.failed().forEach((c, f) -> env.err().println("ecs-top: " + SafeText.safe(c.target().label(" · ") + " · "
                + c.name()) + ": " + SafeText.safe(f.line())));
        return table.failed().isEmpty() && table.failedTargets().isEmpty() ? ExitCode.OK : ExitCode.AWS;
    }
}
