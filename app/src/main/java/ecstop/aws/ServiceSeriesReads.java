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
 * when asked, the Minimum: 4 or 6 MetricStat queries a service in one GetMetricData call, paged when a
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
        return read(List.of(service), window, withMinimum).map(m -> m.get(service));
    }

    /**
     * Several services of one cluster in as few calls as they fit: 4 or 6 queries each, at most
     * {@link MetricBatches#MAX_QUERIES} to a call (83 services with the Minimum, 125 without).
     */
    Either<Failure, Map<ServiceRef, ServiceSeries>> read(List<ServiceRef> services, TimeWindow window, boolean withMinimum) {
        CallTally tally = new CallTally();
        List<String> statistics = withMinimum ? List.of("Maximum", "Average", MINIMUM) : List.of("Maximum", "Average");
        int perService = statistics.size() * Metric.values().length;
        List<MetricDataQuery> queries = new ArrayList<>();
        for (ServiceRef service : services) {
            for (String statistic : statistics) {
                for (Metric m : Metric.values()) {
                    queries.add(query(queries.size(), service, m, statistic, window));
                }
            }
        }
        String scope = services.size() == 1 ? "service " + services.get(0).name()
                : "services of cluster " + (services.isEmpty() ? "" : services.get(0).cluster().name());
        try {
            Map<Integer, List<Point>> points = new HashMap<>();
            // whole services to a call, so a call's answer never splits one
            for (List<MetricDataQuery> batch : AwsFleetReader.chunks(queries,
                    MetricBatches.MAX_QUERIES / perService * perService)) {
                String token = null;
                do {
                    tally.metrics(batch.size());
                    GetMetricDataResponse r = MetricBatches.call(cloudWatch.get(), metricCalls, tally, batch, window, token);
                    for (MetricDataResult result : r.metricDataResults()) {
                        MetricBatches.check(result, scope);
                        MetricBatches.points(result, points.computeIfAbsent(QuerySpec.index(result.id()), i -> new ArrayList<>()));
                    }
                    token = r.nextToken();
                } while (token != null && !token.isEmpty());
            }
            Map<ServiceRef, ServiceSeries> out = new java.util.LinkedHashMap<>();
            for (int i = 0; i < services.size(); i++) {
                List<Map<Metric, Series>> byStatistic = new ArrayList<>();
                for (int s = 0; s < statistics.size(); s++) {
                    Map<Metric, Series> one = new EnumMap<>(Metric.class);
                    for (int m = 0; m < Metric.values().length; m++) {
                        List<Point> p = new ArrayList<>(points.getOrDefault(
                                i * perService + s * Metric.values().length + m, List.of()));
                        p.sort(java.util.Comparator.comparing(Point::time));
                        one.put(Metric.values()[m], new Series(p));
                    }
                    byStatistic.add(one);
                }
                out.put(services.get(i), new ServiceSeries(services.get(i), window, byStatistic.get(0), byStatistic.get(1),
                        withMinimum ? byStatistic.get(2) : Map.of()));
            }
            return Either.right(out);
        } catch (FailureException e) {
            String cluster = services.isEmpty() ? "" : services.get(0).cluster().name();
            return Either.left(e.failure != null ? e.failure : failures.of(e.getCause(), e.operation, cluster));
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
