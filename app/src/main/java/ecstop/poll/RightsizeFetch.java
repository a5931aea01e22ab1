package ecstop.poll;

import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Scope;
import ecstop.domain.ServiceInfo;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.domain.rightsize.RightsizeTable;
import ecstop.domain.rightsize.ScalingPolicy;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads a right-sizing table needs beyond the snapshot (task definitions, scaling
 * policies, Fargate prices) and the table, shared by {@code --once --view rightsize} and the
 * TUI's right-sizing view. Task definitions are required; policies and prices that cannot be
 * read leave a warning, not a failure: the sizes still stand.
 */
public final class RightsizeFetch {
    /** The table and what could not be read for it. */
    public record Result(RightsizeTable table, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private RightsizeFetch() {}

    /** {@code snapshot}: one cluster's per-period maxima with task details. */
    public static Either<Failure, Result> fetch(FleetReader reader, Snapshot snapshot, RightsizeRule rule) {
        if (!(snapshot.scope() instanceof Scope.One one) || snapshot.stat() != Stat.MAX || snapshot.info().isEmpty()) {
            return Either.left(new Failure(Failure.Kind.UNSUPPORTED, "right-sizing",
                    "needs one cluster's per-period maxima with task details"));
        }
        ClusterRef ref = one.cluster();
        Map<ecstop.domain.ServiceRef, ServiceInfo> infos = snapshot.info().get();
        Set<String> arns = new LinkedHashSet<>();
        infos.values().stream().map(ServiceInfo::taskDefinition).filter(a -> !a.isBlank()).forEach(arns::add);
        return reader.taskDefinitions(ref, arns).map(definitions -> {
            List<String> warnings = new ArrayList<>();
            Map<String, List<ScalingPolicy>> policies = reader.scalingPolicies(ref).fold(f -> {
                warnings.add("scaling policies unknown, so tracked axes cannot be left alone: " + f.line());
                return Map.of();
            }, p -> p);
            boolean anyFargate = infos.values().stream().anyMatch(i -> "FARGATE".equals(i.launchType()))
                    || definitions.values().stream().anyMatch(t -> t.requiresCompatibilities().contains("FARGATE"));
            Either<Failure, FargatePrices> prices = anyFargate ? reader.fargatePrices(ref)
                    : Either.left(new Failure(Failure.Kind.UNSUPPORTED, "pricing:GetProducts", "no Fargate service"));
            String pricesNote = prices.fold(f -> anyFargate ? "no Fargate prices: " + f.line() : "", FargatePrices::note);
            return new Result(RightsizeTable.build(snapshot, definitions, policies, prices.toJavaOptional(), pricesNote,
                    Map.of(), rule), warnings);
        });
    }
}
