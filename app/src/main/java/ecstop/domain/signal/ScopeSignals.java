package ecstop.domain.signal;

import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signals of the services on screen, keyed by {@link ServiceRef} so one cluster and the
 * fleet read alike. A service that is not a key was not looked at (its task details not read
 * yet); a key with an empty list was, and shows nothing. {@code stoppedTasksFrom} is where
 * the stopped tasks' hour began when they were read; {@code stoppedTasksUnavailable} why they
 * could not be (access denied, throttled). Neither is set where stopped tasks are not read at
 * all, as in the fleet, whose signals come from task details only.
 */
public record ScopeSignals(Map<ServiceRef, List<Signal>> byService, Optional<Failure> stoppedTasksUnavailable,
                           Optional<Instant> stoppedTasksFrom) {

    public static final ScopeSignals NONE = new ScopeSignals(Map.of(), Optional.empty(), Optional.empty());

    public ScopeSignals {
        Map<ServiceRef, List<Signal>> copy = new LinkedHashMap<>();
        byService.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byService = Collections.unmodifiableMap(copy);
    }

    /** One cluster's signals, stopped tasks included (or why not). */
    public static ScopeSignals of(ClusterRef cluster, ClusterSignals signals) {
        Map<ServiceRef, List<Signal>> out = new LinkedHashMap<>();
        signals.byService().forEach((name, list) -> out.put(new ServiceRef(cluster, name), list));
        return new ScopeSignals(out, signals.stoppedTasksUnavailable(), signals.stoppedTasksFrom());
    }

    /** Signals from task details alone (events, deployments, task counts): what the fleet reads for its rows. */
    public static ScopeSignals fromInfo(Map<ServiceRef, ServiceInfo> info, Instant now, SignalRules rules) {
        Map<ServiceRef, List<Signal>> out = new LinkedHashMap<>();
        info.forEach((ref, i) -> out.put(ref, Detect.of(Optional.of(i), Optional.empty(), now, rules)));
        return new ScopeSignals(out, Optional.empty(), Optional.empty());
    }

    /** These signals, with {@code later}'s over them where both looked at a service. */
    public ScopeSignals plus(ScopeSignals later) {
        Map<ServiceRef, List<Signal>> all = new LinkedHashMap<>(byService);
        all.putAll(later.byService);
        boolean laterTried = later.stoppedTasksFrom.isPresent() || later.stoppedTasksUnavailable.isPresent();
        return new ScopeSignals(all, laterTried ? later.stoppedTasksUnavailable : stoppedTasksUnavailable,
                laterTried ? later.stoppedTasksFrom : stoppedTasksFrom);
    }

    /** The service's signals, worst first; empty when it shows none or was not looked at. */
    public List<Signal> of(ServiceRef service) {
        return byService.getOrDefault(service, List.of());
    }

    /** Whether the service's signals were read (it may show none). */
    public boolean read(ServiceRef service) {
        return byService.containsKey(service);
    }

    /** The worst severity among the service's signals, if it has any. */
    public Optional<Severity> worst(ServiceRef service) {
        return of(service).stream().map(Signal::severity).max(Enum::compareTo);
    }

    /** The most signals any one service shows: how wide a column of their marks must be. */
    public int most() {
        return byService.values().stream().mapToInt(List::size).max().orElse(0);
    }
}
