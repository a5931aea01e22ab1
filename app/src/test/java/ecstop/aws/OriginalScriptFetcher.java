package ecstop.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ListServicesRequest;
import software.amazon.awssdk.services.ecs.model.ListServicesResponse;

/**
 * The approach of the script ecs-top descends from, kept only as the benchmark's baseline:
 * ListServices at the default page size, then for each service one GetMetricStatistics for
 * CPU and one for memory (Period 3600, Maximum, 24 hours), one after another.
 */
final class OriginalScriptFetcher {
    /** Peak CPU and memory of one service; empty where the script would have printed 0. */
    record Peaks(OptionalDouble cpu, OptionalDouble memory) {}

    private final EcsClient ecs;
    private final CloudWatchClient cloudWatch;

    OriginalScriptFetcher(EcsClient ecs, CloudWatchClient cloudWatch) {
        this.ecs = ecs;
        this.cloudWatch = cloudWatch;
    }

    Map<String, Peaks> fetch(String cluster, Instant now) {
        Map<String, Peaks> out = new LinkedHashMap<>();
        String token = null;
        do {
            ListServicesResponse page = ecs.listServices(ListServicesRequest.builder()
                    .cluster(cluster).nextToken(token).build());
            for (String arn : page.serviceArns()) {
                String name = arn.substring(arn.lastIndexOf('/') + 1);
                out.put(name, new Peaks(
                        peak(cluster, name, "CPUUtilization", now),
                        peak(cluster, name, "MemoryUtilization", now)));
            }
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    private OptionalDouble peak(String cluster, String service, String metric, Instant now) {
        List<Datapoint> points = cloudWatch.getMetricStatistics(GetMetricStatisticsRequest.builder()
                .namespace("AWS/ECS").metricName(metric)
                .dimensions(Dimension.builder().name("ClusterName").value(cluster).build(),
                        Dimension.builder().name("ServiceName").value(service).build())
                .startTime(now.minus(Duration.ofHours(24))).endTime(now)
                .period(3600).statistics(Statistic.MAXIMUM)
                .build()).datapoints();
        return points.stream().mapToDouble(Datapoint::maximum).max();
    }
}
