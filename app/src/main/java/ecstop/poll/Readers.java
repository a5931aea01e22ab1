package ecstop.poll;

import ecstop.domain.FleetNotes;
import ecstop.domain.CallStats;
import ecstop.domain.Cluster;
import ecstop.domain.Failure;
import ecstop.domain.FleetLimits;
import ecstop.domain.FleetReader;
import ecstop.domain.FleetRequest;
import ecstop.domain.FleetRow;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.Scope;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.Target;
import ecstop.domain.TargetLabels;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reader per target (profile × region), asked as one: the cluster list is every
 * target's, a cluster's snapshot goes to its own target's reader, and the fleet is every
 * target's busiest services in one snapshot. A target that fails leaves its rows out and
 * says why; the others stand. Blocking; called on the poller's workers.
 */
public final class Readers {
    private static final Logger LOG = LoggerFactory.getLogger(Readers.class);
    private final Map<Target, FleetReader> byTarget;
    private final boolean byAccount;

    private Readers(Map<Target, ? extends FleetReader> byTarget, boolean byAccount) {
        if (byTarget.isEmpty()) {
            throw new IllegalArgumentException("no target to read");
        }
        this.byTarget = new LinkedHashMap<>(byTarget);
        this.byAccount = byAccount;
    }

    public static Readers of(FleetReader one) {
        return new Readers(Map.of(one.target(), one), false);
    }

    /** {@code byAccount}: group the fleet by account too (a CloudWatch cross-account monitoring account). */
    public static Readers of(Map<Target, ? extends FleetReader> byTarget, boolean byAccount) {
        return new Readers(byTarget, byAccount);
    }

    public List<Target> targets() {
        return List.copyOf(byTarget.keySet());
    }

    /** The reader of {@code t}; the first target's for one this set does not know (an account seen in a fleet row). */
    public FleetReader reader(Target t) {
        FleetReader r = byTarget.get(t);
        if (r != null) {
            return r;
        }
        return byTarget.entrySet().stream()
                .filter(e -> e.getKey().profile().equals(t.profile()) && e.getKey().region().equals(t.region()))
                .map(Map.Entry::getValue).findFirst().orElse(byTarget.values().iterator().next());
    }

    /** Every target's clusters; Left only when every target failed (the first failure), else the ones that answered. */
    public Either<Failure, List<Cluster>> clusters() {
        List<Cluster> all = new ArrayList<>();
        Failure first = null;
        for (Map.Entry<Target, FleetReader> e : byTarget.entrySet()) {
            Either<Failure, List<Cluster>> r = e.getValue().clusters();
            if (r.isRight()) {
                all.addAll(r.get());
            } else {
                LOG.warn("cluster list of {} failed: {}", e.getKey().label("/"), r.getLeft().line());
                first = first == null ? r.getLeft() : first;
            }
        }
        return first != null && all.isEmpty() ? Either.left(first) : Either.right(all);
    }

    /** The fleet as one snapshot (scope {@code scope}), with what it could not show; Left when no target answered. */
    public Either<Failure, Fleet> fleet(Scope.Fleet scope, ecstop.domain.Lookback lookback, ecstop.domain.Stat stat,
                                        Instant now) {
        FleetRequest request = new FleetRequest(lookback, stat, now, byAccount);
        Map<Target, Failure> failed = new LinkedHashMap<>();
        List<FleetSnapshot> answered = new ArrayList<>();
        for (Target t : scope.targets()) {
            reader(t).fleet(request).peek(answered::add).peekLeft(f -> failed.put(t, f));
        }
        if (answered.isEmpty()) {
            return Either.left(failed.values().iterator().next());
        }
        List<ServiceUsage> services = new ArrayList<>();
        CallStats stats = CallStats.NONE;
        FleetLimits limits = FleetLimits.NONE;
        List<Target> seen = new ArrayList<>(scope.targets());
        for (FleetSnapshot f : answered) {
            f.rows().stream().map(FleetRow::usage).forEach(services::add);
            f.rows().stream().map(r -> r.cluster().target()).distinct().filter(t -> !seen.contains(t)).forEach(seen::add);
            stats = stats.plus(f.stats());
            limits = limits.plus(f.limits());
        }
        FleetSnapshot first = answered.get(0);
        Snapshot snapshot = new Snapshot(scope, first.lookback(), first.stat(), first.window(), now, services,
                Optional.empty(), Optional.empty(), stats);
        return Either.right(new Fleet(snapshot, new FleetNotes(limits, failed, TargetLabels.of(seen))));
    }

    /** A fleet snapshot and its notes. */
    public record Fleet(Snapshot snapshot, FleetNotes notes) {}

    /** Task details of these services, each from its own target's reader; a target that fails is left out. */
    public Map<ServiceRef, ServiceInfo> serviceInfo(Collection<ServiceRef> services) {
        Map<FleetReader, List<ServiceRef>> byReader = services.stream()
                .collect(Collectors.groupingBy(s -> reader(s.cluster().target()), LinkedHashMap::new, Collectors.toList()));
        Map<ServiceRef, ServiceInfo> out = new LinkedHashMap<>();
        byReader.forEach((r, list) -> r.serviceInfo(list).peek(out::putAll)
                .peekLeft(f -> LOG.warn("task details of {} services failed: {}", list.size(), f.line())));
        return out;
    }

    /** Every call of every reader so far. */
    public CallStats totals() {
        return byTarget.values().stream().map(FleetReader::totals).reduce(CallStats.NONE, CallStats::plus);
    }

    /** Applies {@code f} to the reader of {@code t}. */
    public <T> T with(Target t, Function<FleetReader, T> f) {
        return f.apply(reader(t));
    }
}
