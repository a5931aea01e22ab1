package ecstop.poll;

import ecstop.domain.CallStats;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Lookback;
import ecstop.domain.ReadKey;
import ecstop.domain.ServiceReadKeys;
import ecstop.domain.ServiceRef;
import ecstop.domain.task.ClusterTasks;
import ecstop.domain.timeline.ServiceSeries;
import ecstop.domain.timeline.ServiceTimeline;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each read of the open service ({@link ServiceReadKeys}) is asked, and how often: the
 * one step that runs them ({@link ReadStep.ForService}), their event ({@code
 * PollEvent.ServiceRead}) and where the State keeps the answers are the same for all. A read
 * that failed as a whole is due again at the next refresh.
 */
public final class ServiceReads {
    /** How a read is asked for a service over the lookback, with what its metrics cost beyond the bars. */
    interface Ask<T> {
        ScopeReads.Answered<T> read(Readers readers, ServiceRef service, Lookback lookback, Instant now);
    }

    /** {@code every}: at most once in that span for the same service and lookback; empty: every refresh. */
    record Entry<T>(Ask<T> ask, Optional<Duration> every) {}

    /** The chart's finest period is a minute: a sooner read could show nothing new. */
    static final Duration CHART_EVERY = Duration.ofMinutes(1);

    /** In the order a refresh reads them: the chart first, which the detail shows as it opens. */
    private static final List<Map.Entry<ReadKey<?>, Entry<?>>> ENTRIES = List.of(
            // 5 calls, 4 metrics billed (see TimelineFetch)
            Map.entry(ServiceReadKeys.TIMELINE, new Entry<ServiceTimeline>((readers, service, lookback, now) -> {
                Either<Failure, ServiceTimeline> t = ReadStep.safely(() -> TimelineFetch.read(
                        readers.reader(service.cluster().target()), service, lookback, now), "timeline");
                return new ScopeReads.Answered<>(t, t.map(x -> x.calls().estimatedCostUsd()).getOrElse(0.0));
            }, Optional.of(CHART_EVERY))),
            // one GetMetricData of 4 metrics (see TimelineFetch#weekAgo)
            Map.entry(ServiceReadKeys.WEEK_AGO, new Entry<ServiceSeries>((readers, service, lookback, now) -> {
                FleetReader reader = readers.reader(service.cluster().target());
                CallStats before = reader.totals();
                Either<Failure, ServiceSeries> s = ReadStep.safely(() -> TimelineFetch.weekAgo(reader, service, lookback, now),
                        "a week ago");
                return new ScopeReads.Answered<>(s, reader.totals().minus(before).estimatedCostUsd());
            }, Optional.of(CHART_EVERY))),
            /*
             * The running tasks and their figures (see TasksFetch), the metrics counted by the budget;
             * their task definitions, which alone say which containers are essential
             * (DescribeTaskDefinition once per revision for the life of the process, shared with
             * right-sizing; without them the rows just do not say); and the service's tasks stopped
             * in the last hour (ListTasks, DescribeTasks: not billed), in the fleet too.
             */
            Map.entry(ServiceReadKeys.TASKS, new Entry<ClusterTasks>((readers, service, lookback, now) -> {
                FleetReader reader = readers.reader(service.cluster().target());
                Either<Failure, ClusterTasks> t = ReadStep.safely(() -> TasksFetch.read(reader, service.cluster(),
                        Optional.of(service.name()), lookback, now), "tasks").map(tasks -> ReadStep.safely(() -> reader
                        .taskDefinitions(service.cluster(), tasks.running().stream().map(r -> r.taskDefinitionArn()).distinct()
                                .toList()), "task definitions").map(tasks::withDefinitions).getOrElse(tasks))
                        .map(tasks -> tasks.withStopped(ReadStep.safely(() -> reader.stoppedTasks(service), "stopped tasks")));
                return new ScopeReads.Answered<>(t, t.map(x -> x.calls().estimatedCostUsd()).getOrElse(0.0));
            }, Optional.empty())));

    private ServiceReads() {}

    /** Every read of a service, in the order a refresh reads them. */
    static List<ReadKey<?>> keys() {
        return ENTRIES.stream().<ReadKey<?>>map(Map.Entry::getKey).toList();
    }

    @SuppressWarnings("unchecked")
    static <T> Entry<T> of(ReadKey<T> key) {
        return (Entry<T>) ENTRIES.stream().filter(e -> e.getKey().equals(key)).findFirst().map(Map.Entry::getValue)
                .orElseThrow(() -> new IllegalArgumentException("no read of a service for " + key));
    }
}
