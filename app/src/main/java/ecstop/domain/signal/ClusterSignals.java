package ecstop.domain.signal;

import ecstop.domain.Failure;
import ecstop.domain.ServiceInfo;
import ecstop.domain.StoppedTask;
import ecstop.domain.StoppedTasks;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signals of a cluster's services, and what could not be read: when ListTasks or
 * DescribeTasks fails (access denied, throttled), the signals from stopped tasks are missing
 * and {@code stoppedTasksUnavailable} says why, while everything else still shows.
 * {@code stoppedTasksFrom} is where the stopped tasks' hour began, when they were read.
 */
public record ClusterSignals(
        Map<String, List<Signal>> byService,
        Optional<Failure> stoppedTasksUnavailable,
        Optional<Instant> stoppedTasksFrom) {

    public static final ClusterSignals NONE = new ClusterSignals(Map.of(), Optional.empty(), Optional.empty());

    public ClusterSignals {
        Map<String, List<Signal>> copy = new LinkedHashMap<>();
        byService.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byService = java.util.Collections.unmodifiableMap(copy);
    }

    /** Every service's signals; a service with none has an empty list. */
    public static ClusterSignals detect(Collection<String> services, Map<String, ServiceInfo> info,
                                        Either<Failure, StoppedTasks> stopped, Instant now, SignalRules rules) {
        Map<String, List<StoppedTask>> tasks = stopped.map(StoppedTasks::byService).getOrElse(Map.of());
        Map<String, List<Signal>> out = new LinkedHashMap<>();
        for (String s : services) {
            Optional<List<StoppedTask>> own = stopped.isRight() ? Optional.of(tasks.getOrDefault(s, List.of())) : Optional.empty();
            out.put(s, Detect.of(Optional.ofNullable(info.get(s)), own, now, rules));
        }
        return new ClusterSignals(out,
                stopped.fold(Optional::of, t -> Optional.empty()),
                stopped.fold(f -> Optional.empty(), t -> Optional.of(t.fetchedAt().minus(StoppedTasks.RETENTION))));
    }

    public List<Signal> of(String service) {
        return byService.getOrDefault(service, List.of());
    }

    /** The worst severity among the service's signals, if it has any. */
    public Optional<Severity> worst(String service) {
        return of(service).stream().map(Signal::severity).max(Enum::compareTo);
    }
}
