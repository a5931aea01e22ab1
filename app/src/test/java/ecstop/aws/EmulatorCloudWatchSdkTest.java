package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/** The real CloudWatchClient (smithy-rpc-v2-cbor since SDK 2.40.6) against the emulator. */
class EmulatorCloudWatchSdkTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");
    static final Instant END = Instant.parse("2026-11-21T13:00:00Z");
    static final Instant START = END.minus(Duration.ofHours(24));

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().at(NOW);
    static CloudWatchClient cloudWatch;

    @BeforeAll
    static void client() {
        cloudWatch = emulator.closing(EmulatorClients.cloudWatch(emulator.emulator()));
    }

    static MetricDataQuery query(String id, String cluster, String service, String metric, String stat, int period) {
        return MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(s -> s.period(period).stat(stat).metric(m -> m.namespace("AWS/ECS").metricName(metric)
                        .dimensions(Dimension.builder().name("ClusterName").value(cluster).build(),
                                Dimension.builder().name("ServiceName").value(service).build())))
                .build();
    }

    @Test
    void getMetricDataAnswersHourlySeriesNewestFirst() {
        GetMetricDataResponse r = cloudWatch.getMetricData(b -> b.startTime(START).endTime(END).metricDataQueries(
                query("cpumax", "storage-prod", "storage-prod_replicator", "CPUUtilization", "Maximum", 3600),
                query("cpuavg", "storage-prod", "storage-prod_replicator", "CPUUtilization", "Average", 3600)));

        MetricDataResult max = r.metricDataResults().get(0);
        MetricDataResult avg = r.metricDataResults().get(1);
        assertThat(max.id()).isEqualTo("cpumax");
        assertThat(max.label()).isEqualTo("CPUUtilization");
        assertThat(max.statusCode()).isEqualTo(StatusCode.COMPLETE);
        // 12:00–13:00 is still filling at 12:34:56: 24 hourly points, the last one partial.
        assertThat(max.timestamps()).hasSize(24);
        assertThat(max.timestamps().get(0)).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        assertThat(max.timestamps().get(23)).isEqualTo(START);
        assertThat(max.values()).hasSameSizeAs(max.timestamps());
        for (int i = 0; i < 24; i++) {
            assertThat(max.values().get(i)).isGreaterThanOrEqualTo(avg.values().get(i));
        }
        assertThat(r.nextToken()).isNull();
        assertThat(emulator.log().snapshot().protocols()).containsOnlyKeys("rpc-v2-cbor");
        assertThat(emulator.log().snapshot().metricsRequested()).isEqualTo(2);
        assertThat(emulator.log().snapshot().datapointsReturned()).isEqualTo(48);
    }

    @Test
    void anIdleServiceHasNoDatapointsAtAll() {
        GetMetricDataResponse r = cloudWatch.getMetricData(b -> b.startTime(START).endTime(END).metricDataQueries(
                query("idle", "storage-prod", "storage-prod_ingests", "CPUUtilization", "Maximum", 3600)));

        assertThat(r.metricDataResults()).singleElement().satisfies(res -> {
            assertThat(res.statusCode()).isEqualTo(StatusCode.COMPLETE);
            assertThat(res.timestamps()).isEmpty();
            assertThat(res.values()).isEmpty();
        });
    }

    @Test
    void pastMaxDatapointsTheRestComesWithNextTokenAndPartialData() {
        GetMetricDataRequest request = GetMetricDataRequest.builder().startTime(START).endTime(END)
                .maxDatapoints(30).scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(
                        query("a", "storage-prod", "storage-prod_register", "CPUUtilization", "Maximum", 3600),
                        query("b", "storage-prod", "storage-prod_register", "MemoryUtilization", "Maximum", 3600))
                .build();

        GetMetricDataResponse first = cloudWatch.getMetricData(request);
        GetMetricDataResponse second = cloudWatch.getMetricData(request.toBuilder().nextToken(first.nextToken()).build());

        assertThat(first.nextToken()).isNotBlank();
        assertThat(first.metricDataResults().get(0).statusCode()).isEqualTo(StatusCode.COMPLETE);
        assertThat(first.metricDataResults().get(0).values()).hasSize(24);
        assertThat(first.metricDataResults().get(1).statusCode()).isEqualTo(StatusCode.PARTIAL_DATA);
        assertThat(first.metricDataResults().get(1).values()).hasSize(6);
        assertThat(second.nextToken()).isNull();
        assertThat(second.metricDataResults().get(0).values()).isEmpty();
        assertThat(second.metricDataResults().get(1).statusCode()).isEqualTo(StatusCode.COMPLETE);
        assertThat(second.metricDataResults().get(1).values()).hasSize(18);
        List<Instant> memory = new ArrayList<>(first.metricDataResults().get(1).timestamps());
        memory.addAll(second.metricDataResults().get(1).timestamps());
        assertThat(memory).hasSize(24).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theSdkPaginatorFollowsNextToken() {
        GetMetricDataRequest request = GetMetricDataRequest.builder().startTime(START).endTime(END).maxDatapoints(10)
                .metricDataQueries(query("a", "storage-prod", "storage-prod_register", "CPUUtilization", "Average", 3600))
                .build();

        long points = cloudWatch.getMetricDataPaginator(request).stream()
                .flatMap(p -> p.metricDataResults().stream()).mapToLong(res -> res.values().size()).sum();

        assertThat(points).isEqualTo(24);
        assertThat(emulator.log().snapshot().calls("GetMetricData")).isEqualTo(3);
    }

    @Test
    void moreThanFiveHundredQueriesIsAValidationError() {
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            queries.add(query("q" + i, "catalogue", "search-api", "CPUUtilization", "Maximum", 3600));
        }

        assertThatThrownBy(() -> cloudWatch.getMetricData(b -> b.startTime(START).endTime(END).metricDataQueries(queries)))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                });
    }

    @Test
    void fiveHundredQueriesOfTwoHundredPointsAreServed() {
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            queries.add(query("q" + i, "catalogue", "search-api", "CPUUtilization", i % 2 == 0 ? "Maximum" : "Average", 300));
        }
        Instant start = END.minus(Duration.ofMinutes(5 * 200));

        GetMetricDataResponse r = cloudWatch.getMetricData(b -> b.startTime(start).endTime(END).metricDataQueries(queries));

        assertThat(r.metricDataResults()).hasSize(500);
        // 200 five-minute buckets, of which those after 12:30 have no complete minute yet except 12:30–12:34.
        assertThat(r.metricDataResults().get(0).values()).hasSize(200 - 5);
        assertThat(emulator.log().snapshot().datapointsReturned()).isEqualTo(500L * 195);
    }

    @Test
    void getMetricStatisticsAnswersUnorderedDatapointsWithTheAskedStatistics() {
        GetMetricStatisticsResponse r = cloudWatch.getMetricStatistics(b -> b.namespace("AWS/ECS")
                .metricName("MemoryUtilization").startTime(START).endTime(END).period(3600)
                .statistics(Statistic.MAXIMUM, Statistic.AVERAGE, Statistic.SAMPLE_COUNT)
                .dimensions(Dimension.builder().name("ClusterName").value("storage-prod").build(),
                        Dimension.builder().name("ServiceName").value("storage-prod_bag-verifier").build()));

        assertThat(r.label()).isEqualTo("MemoryUtilization");
        assertThat(r.datapoints()).hasSize(24);
        assertThat(r.datapoints()).allSatisfy(d -> {
            assertThat(d.maximum()).isGreaterThanOrEqualTo(d.average());
            assertThat(d.sum()).isNull();
            assertThat(d.unitAsString()).isEqualTo("Percent");
        });
        // Four tasks, sixty minutes: 240 samples a full hour.
        assertThat(r.datapoints()).filteredOn(d -> d.timestamp().equals(START)).singleElement()
                .extracting(Datapoint::sampleCount).isEqualTo(240.0);
        assertThat(emulator.log().snapshot().metricsRequested()).isEqualTo(1);
    }

    @Test
    void getMetricStatisticsPastFourteenFortyDatapointsIsAnError() {
        assertThatThrownBy(() -> cloudWatch.getMetricStatistics(b -> b.namespace("AWS/ECS")
                .metricName("CPUUtilization").startTime(END.minus(Duration.ofMinutes(1441))).endTime(END).period(60)
                .statistics(Statistic.MAXIMUM)
                .dimensions(Dimension.builder().name("ClusterName").value("storage-prod").build(),
                        Dimension.builder().name("ServiceName").value("storage-prod_register").build())))
                .isInstanceOfSatisfying(InvalidParameterCombinationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
                    assertThat(e.getMessage()).contains("1441");
                });
    }

    @Test
    void clusterReservationIsServedForEc2ClustersOnly() {
        GetMetricStatisticsResponse ec2 = cloudWatch.getMetricStatistics(b -> b.namespace("AWS/ECS")
                .metricName("CPUReservation").startTime(START).endTime(END).period(3600).statistics(Statistic.AVERAGE)
                .dimensions(Dimension.builder().name("ClusterName").value("storage-prod").build()));
        GetMetricStatisticsResponse fargate = cloudWatch.getMetricStatistics(b -> b.namespace("AWS/ECS")
                .metricName("CPUReservation").startTime(START).endTime(END).period(3600).statistics(Statistic.AVERAGE)
                .dimensions(Dimension.builder().name("ClusterName").value("catalogue").build()));

        assertThat(ec2.datapoints()).hasSize(24);
        assertThat(fargate.datapoints()).isEmpty();
    }
}
