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
import ecstop.domain.signal.ClusterSignals;
import ecstop.domain.signal.SignalKind;
import ecstop.domain.signal.SignalRules;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads a right-sizing table needs beyond the snapshot (task definitions, scaling
 * policies, Fargate prices) and the table, shared by {@code --once --view rightsize} and the
 * TUI's right-sizing view. Task definitions are required; policies, prices and OOM kills
 * (from the stopped tasks) that cannot be read leave a warning, not a failure: the sizes still stand.
 */
public final class RightsizeFetch {
    /** The table and what could not be read for it. */
    public record Result(RightsizeTable table, List<String> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private RightsizeFetch() {}

    /**
     * OOM kills by service, from the cluster's stopped tasks (ECS keeps them about an hour):
     * a service killed for memory is under-provisioned, whatever its peak says.
     */
    private static Either<Failure, Map<String, Integer>> oomKills(FleetReader reader, ClusterRef ref, Snapshot snapshot,
                                                                Map<ecstop.domain.ServiceRef, ServiceInfo> infos) {
        return reader.stoppedTasks(ref).map(stopped -> {
            Map<String, ServiceInfo> byName = new java.util.HashMap<>();
            infos.forEach((r, i) -> byName.put(r.name(), i));
            List<String> names = snapshot.services().stream().map(ecstop.domain.ServiceUsage::name).toList();
            ClusterSignals signals = ClusterSignals.detect(names, byName, Either.right(stopped), snapshot.fetchedAt(),
                    SignalRules.DEFAULT);
            Map<String, Integer> out = new java.util.HashMap<>();
            for (String name : names) {
                signals.of(name).stream().filter(sig -> sig.kind() == SignalKind.OOM)
                        .forEach(sig -> out.merge(name, sig.count(), Integer::sum));
                out.putIfAbsent(name, 0);
            }
            return out;
        });
    }

    /** As {@link #fetch}, as the scope on screen: the cluster's table, its rows keyed by service. */
    public static Either<Failure, ecstop.domain.rightsize.ScopeRightsize> scoped(FleetReader reader, Snapshot snapshot,
                                                                               RightsizeRule rule) {
        return fetch(reader, snapshot, rule).map(r -> ecstop.domain.rightsize.ScopeRightsize.of(
                ((Scope.One) snapshot.scope()).cluster(), r.table(), r.warnings()));
    }

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
            Map<String, Integer> oomKills = oomKills(reader, ref, snapshot, infos).fold(f -> {
                warnings.add("OOM kills unknown (they would mark services under-provisioned): " + f.line());
                return Map.of();
            }, k -> k);
            return new Result(RightsizeTable.build(snapshot, definitions, policies, prices.toJavaOptional(), pricesNote,
                    oomKills, rule), warnings);
        });
    }
}
