package ecstop.cli;

import ecstop.config.Settings;
import ecstop.domain.FleetReader;
import ecstop.domain.FleetRequest;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.PerTarget;
import ecstop.domain.Target;
import ecstop.poll.Readers;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --once} without {@code --cluster} when there is more than one cluster, or more than
 * one target: the fleet's busiest services, every target asked at once. A target that fails
 * is one line on stderr and the others still print.
 *
 * <p>Exit code: 0 when every target answered; 3 (AWS error) when any failed, even though the
 * others printed, so that a script never takes a partial fleet for the whole one (the JSON
 * lists the failed targets with their error).
 */
final class FleetOnce {
    private static final Logger LOG = LoggerFactory.getLogger(FleetOnce.class);

    private final Settings settings;
    private final Map<Target, FleetReader> readers;
    private final CliEnvironment env;

    FleetOnce(Settings settings, Map<Target, FleetReader> readers, CliEnvironment env) {
        this.settings = settings;
        this.readers = readers;
        this.env = env;
    }

    int run() {
        FleetRequest request = new FleetRequest(settings.lookback(), settings.stat(), env.clock().get(), settings.crossAccount());
        Readers all = Readers.of(readers, false);
        PerTarget<FleetSnapshot> fleets = all.each(r -> r.fleet(request));
        fleets.failures().forEach((t, f) -> {
            LOG.warn("once: target {} failed: {}", t.label(" · "), f.line());
            env.err().println("ecs-top: " + SafeText.safe(t.label(" · ")) + ": " + SafeText.safe(f.line()));
        });
        if (fleets.successes().isEmpty()) {
            return ExitCode.AWS;
        }
        FleetReport.FleetAnswers fleet = new FleetReport.FleetAnswers(settings.lookback(), settings.stat(), fleets.successes(),
                fleets.failures(), all.totals());
        LOG.info("once: fleet of {} targets, {} rows, calls {}", readers.size(), fleet.rows().size(), fleet.cost().calls());
        env.out().print(switch (settings.format()) {
            case JSON -> FleetReport.json(fleet);
            case CSV -> FleetReport.csv(fleet);
            case TEXT -> FleetReport.text(fleet, settings.thresholds(), settings.ascii(), env.terminal());
        });
        env.out().flush();
        return fleets.failures().isEmpty() ? ExitCode.OK : ExitCode.AWS;
    }
}
