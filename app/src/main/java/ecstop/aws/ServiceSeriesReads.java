package ecstop.aws;

import ecstop.domain.CallStats;
import ecstop.domain.Failure;
import ecstop.domain.Metric;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.ServiceRef;
import ecstop.domain.TimeWindow;
import ecstop.domain.timeline.ServiceSeries;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * One service's AWS/ECS CPUUtilization and MemoryUtilization over a window at the window's
 * own period (the chart's finest, not the bars'), with the Maximum and Average statistics and,
 * when asked, the Minimum: 4 or 6 MetricStat queries in one GetMetricData call, paged when a
 * long window at 60 s has more datapoints than a page holds. Billed per query sent.
 */
final class ServiceSeriesReads {
    static final String MINIMUM = "Minimum";

    private final Supplier<CloudWatchClient> cloudWatch;
    private final TokenBucket metricCalls;
    private final Failures failures;
    private final Consumer<CallStats> spent;

    ServiceSeriesReads(Supplier<CloudWatchClient> cloudWatch, TokenBucket metricCalls, Failures failures,
                       Consumer<CallStats> spent) {
        this.cloudWatch = cloudWatch;
        this.metricCalls = metricCalls;
        this.failures = failures;
        this.spent = spent;
    }

    Either<Failure, ServiceSeries> read(ServiceRef service, TimeWindow window, boolean withMinimum) {
        CallTally tally = new CallTally();
        List<String> statistics = withMinimum ? List.of("Maximum", "Average", MINIMUM) : List.of("Maximum", "Average");
        List<MetricDataQuery> queries = new ArrayList<>();
        for (String statistic : statistics) {
            for (Metric m : Metric.values()) {
                queries.add(query(queries.size(), service, m, statistic, window));
            }
        }
        try {
            Map<Integer, List<Point>> points = new HashMap<>();
            String token = null;
            do {
                tally.metrics(queries.size());
                GetMetricDataResponse r = MetricBatches.call(cloudWatch.get(), metricCalls, tally, queries, window, token);
                for (MetricDataResult result : r.metricDataResults()) {
                    MetricBatches.check(result, "service " + service.name());
                    MetricBatches.points(result, points.computeIfAbsent(QuerySpec.index(result.id()), i -> new ArrayList<>()));
                }
                token = r.nextToken();
            } while (token != null && !token.isEmpty());
            List<Map<Metric, Series>> byStatistic = new ArrayList<>();
            for (int s = 0; s < statistics.size(); s++) {
                Map<Metric, Series> out = new EnumMap<>(Metric.class);
                for (int m = 0; m < Metric.values().length; m++) {
                    List<Point> p = new ArrayList<>(points.getOrDefault(s * Metric.values().length + m, List.of()));
                    p.sort(java.util.Comparator.comparing(Point::time));
                    out.put(Metric.values()[m], new Series(p));
                }
                byStatistic.add(out);
            }
            return Either.right(new ServiceSeries(service, window, byStatistic.get(0), byStatistic.get(1),
                    withMinimum ? byStatistic.get(2) : Map.of()));
        } catch (FailureException e) {
            return Either.left(e.failure != null ? e.failure : failures.of(e.getCause(), e.operation, service.cluster().name()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "cloudwatch:GetMetricData", "interrupted"));
        } finally {
            spent.accept(tally.stats());
        }
    }

    private static MetricDataQuery query(int index, ServiceRef service, Metric metric, String statistic, TimeWindow window) {
        List<Dimension> dims = List.of(Dimension.builder().name("ClusterName").value(service.cluster().name()).build(),
                Dimension.builder().name("ServiceName").value(service.name()).build());
        return MetricDataQuery.builder().id(QuerySpec.id(index)).returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(m -> m.namespace(Metric.NAMESPACE).metricName(metric.cloudWatchName()).dimensions(dims))
                        .period((int) window.periodSeconds()).stat(statistic).build())
                .build();
    }
}
