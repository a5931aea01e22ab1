package ecstop.cli;

import ecstop.config.Settings;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.ServiceInfo;
import ecstop.domain.Snapshot;
import ecstop.domain.SnapshotRequest;
import ecstop.domain.Stat;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.RightsizeTable;
import ecstop.domain.rightsize.ScalingPolicy;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Snapshot snapshot = fetched.get();
        Map<ecstop.domain.ServiceRef, ServiceInfo> infos = snapshot.info().orElse(Map.of());
        Set<String> arns = new LinkedHashSet<>();
        infos.values().stream().map(ServiceInfo::taskDefinition).filter(a -> !a.isBlank()).forEach(arns::add);
        var definitions = reader.taskDefinitions(ref, arns);
        if (definitions.isLeft()) {
            return awsError.apply(definitions.getLeft());
        }
        List<String> warnings = new ArrayList<>();
        Map<String, List<ScalingPolicy>> policies = reader.scalingPolicies(ref).fold(f -> {
            warnings.add("scaling policies unknown, so tracked axes cannot be left alone: " + f.line());
            return Map.of();
        }, p -> p);
        boolean anyFargate = infos.values().stream().anyMatch(i -> "FARGATE".equals(i.launchType()))
                || definitions.get().values().stream().anyMatch(t -> t.requiresCompatibilities().contains("FARGATE"));
        Either<Failure, FargatePrices> prices = anyFargate ? reader.fargatePrices(ref)
                : Either.left(new Failure(Failure.Kind.UNSUPPORTED, "pricing:GetProducts", "no Fargate service"));
        String pricesNote = prices.fold(f -> anyFargate ? "no Fargate prices: " + f.line() : "", p -> p.note());
        RightsizeTable table = RightsizeTable.build(snapshot, definitions.get(), policies, prices.toJavaOptional(), pricesNote,
                Map.of(), settings.rightsize());
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
