package ecstop.poll;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Lookback;
import ecstop.domain.ServiceHealth;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.StoppedTask;
import ecstop.domain.StoppedTasks;
import ecstop.domain.TimeWindow;
import ecstop.domain.task.ScalingActivity;
import ecstop.domain.timeline.ChartPeriod;
import ecstop.domain.timeline.Markers;
import ecstop.domain.timeline.ServiceMarkers;
import ecstop.domain.timeline.ServiceSeries;
import ecstop.domain.timeline.ServiceTimeline;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The timeline's reads for one service: one DescribeServices (whether it exists; its
 * deployments and events), its CPU and memory at the finest period CloudWatch keeps for the
 * window's age (Maximum and Average, one GetMetricData), the cluster's stopped tasks (OOM
 * kills and crashes, as the signals read them) and its scaling activities. The series are the
 * answer: when they cannot be read it fails; a marker source that cannot be read is a warning.
 */
public final class TimelineFetch {
    /** The chart's queries: CPU and memory, Maximum and Average. */
    static final int QUERIES = 4;

    private TimelineFetch() {}

    /**
     * The same chart window {@link ChartPeriod#WEEK_AGO} earlier (its period chosen for that age, see
     * {@link ChartPeriod#window}): the open service's Maximum and Average, one GetMetricData of
     * {@link #QUERIES} metrics, at the week-old times; the chart moves them a week on.
     */
    public static Either<Failure, ServiceSeries> weekAgo(FleetReader reader, ServiceRef service, Lookback lookback, Instant now) {
        return reader.serviceSeries(service, ChartPeriod.window(lookback, ChartPeriod.WEEK_AGO, now, QUERIES), false);
    }

    public static Either<Failure, ServiceTimeline> read(FleetReader reader, ServiceRef service, Lookback lookback, Instant now) {
        ClusterRef ref = service.cluster();
        CallStats before = reader.totals();
        Either<Failure, Map<ServiceRef, ServiceInfo>> info = reader.serviceInfo(List.of(service));
        if (info.isLeft()) {
            return Either.left(info.getLeft());
        }
        if (!info.get().containsKey(service)) {
            return Either.left(new Failure(Failure.Kind.NOT_FOUND, "ecs:DescribeServices", "service " + service.name()));
        }
        ServiceHealth health = info.get().get(service).health();
        TimeWindow window = ChartPeriod.window(lookback, Duration.ZERO, now, QUERIES);
        Either<Failure, ServiceSeries> series = reader.serviceSeries(service, window, false);
        if (series.isLeft()) {
            return Either.left(series.getLeft());
        }
        List<String> warnings = new ArrayList<>();
        Either<Failure, StoppedTasks> stopped = reader.stoppedTasks(ref);
        List<StoppedTask> mine = stopped.fold(f -> {
            warnings.add("no OOM kills or crashes on the timeline: " + f.line());
            return List.<StoppedTask>of();
        }, s -> s.byService().getOrDefault(service.name(), List.of()));
        Either<Failure, List<ScalingActivity>> scaling = reader.scalingActivities(service, window.start());
        List<ScalingActivity> activities = scaling.fold(f -> {
            if (f.kind() != Failure.Kind.UNSUPPORTED) {
                warnings.add("no scaling activities on the timeline: " + f.line());
            }
            return List.<ScalingActivity>of();
        }, a -> a);
        Markers markers = ServiceMarkers.of(health, mine, activities);
        return Either.right(new ServiceTimeline(service, lookback, now, series.get(), markers, warnings,
                reader.totals().minus(before)));
    }
}
