package ecstop.aws;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.FleetLimits;
import ecstop.domain.Point;
import ecstop.domain.ServiceRef;
import ecstop.domain.Target;
import ecstop.domain.TimeWindow;
import ecstop.domain.task.ContainerLimit;
import ecstop.domain.task.ContainerLimits;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * The containers of every enhanced cluster of a target (or of one cluster) nearest their
 * memory limits, in one Metrics Insights query: the highest ContainerMemoryUtilization of
 * each (cluster, service, container) over the recent window, busiest first. The dimension set
 * {ClusterName, ServiceName, ContainerName} is one AWS publishes the metric under with
 * enhanced observability (CloudWatch User Guide, "Amazon ECS Container Insights with enhanced
 * observability metrics",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Container-Insights-enhanced-observability-metrics-ECS.html),
 * so each series is one container name of one service, its value the busiest task's.
 *
 * <p>A query rather than MetricStat per container: which services have which containers is
 * not known without a DescribeTaskDefinition per service, and a query finds them. Labels are
 * "cluster service container" (ECS names hold no space; see {@link InsightsFleet}). Billed as
 * Metrics Insights is, by the series analysed: the groups returned when fewer than 500 came
 * back, else between those and 10,000 (the answer does not say), as {@link InsightsFleet} counts.
 */
final class ContainerLimitReads {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ContainerLimitReads.class);
    static final String ID = "limits";

    private final Supplier<CloudWatchClient> cloudWatch;
    private final TokenBucket metricCalls;
    private final Failures failures;
    private final Consumer<CallStats> spent;

    ContainerLimitReads(Supplier<CloudWatchClient> cloudWatch, TokenBucket metricCalls, Failures failures,
                        Consumer<CallStats> spent) {
        this.cloudWatch = cloudWatch;
        this.metricCalls = metricCalls;
        this.failures = failures;
        this.spent = spent;
    }

    static String expression(Optional<String> cluster) {
        return "SELECT MAX(ContainerMemoryUtilization) FROM SCHEMA(\"ECS/ContainerInsights\", ClusterName, ContainerName, ServiceName)"
                + cluster.map(c -> " WHERE ClusterName = '" + c.replace("'", "") + "'").orElse("")
                + " GROUP BY ClusterName, ServiceName, ContainerName ORDER BY MAX() DESC LIMIT " + FleetLimits.RETURNED;
    }

    /** The target's containers (of {@code only}, when given) nearest their limits over {@code window}. */
    Either<Failure, ContainerLimits> read(Target target, Optional<ClusterRef> only, TimeWindow window) {
        CallTally tally = new CallTally();
        MetricDataQuery query = MetricDataQuery.builder().id(ID).returnData(true)
                .expression(expression(only.map(ClusterRef::name))).period((int) window.periodSeconds()).build();
        try {
            Map<List<String>, List<Point>> byGroup = new LinkedHashMap<>();
            boolean capped = false;
            boolean sampled = false;
            int calls = 0;
            String token = null;
            do {
                calls++;
                GetMetricDataResponse r = MetricBatches.call(cloudWatch.get(), metricCalls, tally, List.of(query), window, token);
                for (MessageData m : r.messages()) {
                    capped |= "MaxQueryResultsExceeded".equals(m.code());
                    sampled |= "MaxMatchingResultsExceeded".equals(m.code());
                }
                for (MetricDataResult result : r.metricDataResults()) {
                    MetricBatches.check(result, "the containers");
                    String[] parts = result.label() == null ? new String[0] : result.label().split(" ", -1);
                    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
                        LOG.warn("containers: skipped a result labelled '{}', not 'cluster service container'",
                                Failures.oneLine(result.label()));
                        continue;
                    }
                    MetricBatches.points(result, byGroup.computeIfAbsent(List.of(parts), k -> new ArrayList<>()));
                }
                token = r.nextToken();
            } while (token != null && !token.isEmpty());
            capped |= byGroup.size() >= FleetLimits.RETURNED;
            long least = sampled ? FleetLimits.PROCESSED : byGroup.size();
            tally.metrics((long) calls * least, (long) calls * (capped || sampled ? FleetLimits.PROCESSED : least));
            List<ContainerLimit> rows = new ArrayList<>();
            byGroup.forEach((k, points) -> {
                if (!points.isEmpty()) {
                    Point newest = points.stream().max(Comparator.comparing(Point::time)).orElseThrow();
                    double peak = points.stream().mapToDouble(Point::value).max().orElseThrow();
                    rows.add(new ContainerLimit(new ServiceRef(new ClusterRef(target, k.get(0)), k.get(1)), k.get(2), peak,
                            OptionalDouble.of(newest.value())));
                }
            });
            return Either.right(new ContainerLimits(rows, window, capped || sampled, Map.of(), tally.stats()));
        } catch (FailureException e) {
            return Either.left(e.failure != null ? e.failure : failures.of(e.getCause(), e.operation, only.map(ClusterRef::name)
                    .orElse("")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(new Failure(Failure.Kind.UNKNOWN, "cloudwatch:GetMetricData", "interrupted"));
        } finally {
            spent.accept(tally.stats());
        }
    }
}
