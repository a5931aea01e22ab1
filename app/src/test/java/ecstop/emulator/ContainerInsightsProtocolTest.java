package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import ecstop.testing.EmulatorExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Container Insights as clients see it on the wire: DescribeClusters' containerInsights
 * setting, and the ECS/ContainerInsights series of the demo's enhanced cluster (checkout-eu,
 * eu-west-1) and standard one (data-pipeline, us-east-1) through GetMetricData (MetricStat
 * and Metrics Insights) and ListMetrics, awsJson1_0 and awsQuery. The stories the tasks pane
 * is built for hold at this pinned moment and, being made of daily curves and fixed shares,
 * at any other.
 */
class ContainerInsightsProtocolTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");
    static final String EU = "eu-west-1";
    static final String DAY = "\"StartTime\":" + (NOW.getEpochSecond() / 3600 * 3600 - 86_400)
            + ",\"EndTime\":" + (NOW.getEpochSecond() / 3600 * 3600);

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Accounts.demo(EmulatorConfig.DEFAULT_SEED,
            Fleet.DEFAULT_BIG_CLUSTER_SERVICES, false)).at(NOW);

    static JsonNode cw(String operation, String json, String region) {
        RawHttp.Response r = RawHttp.cloudWatchJson(emulator.endpoint(), operation, json, region);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static JsonNode ecs(String operation, String json, String region) {
        RawHttp.Response r = RawHttp.ecs(emulator.endpoint(), operation, json, region);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static String stat(String id, String namespace, String metric, Map<String, String> dims, String stat, int period) {
        StringBuilder d = new StringBuilder();
        dims.forEach((k, v) -> d.append(d.length() == 0 ? "" : ",").append("{\"Name\":\"").append(k)
                .append("\",\"Value\":\"").append(v).append("\"}"));
        return "{\"Id\":\"" + id + "\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"" + namespace + "\",\"MetricName\":\""
                + metric + "\",\"Dimensions\":[" + d + "]},\"Period\":" + period + ",\"Stat\":\"" + stat + "\"}}";
    }

    /** The results of one GetMetricData call over the last full day, by query id, values oldest first. */
    static Map<String, List<Double>> data(String region, List<String> queries) {
        JsonNode r = cw("GetMetricData", "{\"MetricDataQueries\":[" + String.join(",", queries) + "]," + DAY
                + ",\"ScanBy\":\"TimestampAscending\"}", region);
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (JsonNode result : r.path("MetricDataResults")) {
            List<Double> values = new ArrayList<>();
            result.path("Values").forEach(v -> values.add(v.asDouble()));
            out.put(result.path("Id").asText(), values);
        }
        return out;
    }

    static Map<String, String> dims(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<String> runningTasks(String cluster, String service, String region) {
        List<String> ids = new ArrayList<>();
        ecs("ListTasks", "{\"cluster\":\"" + cluster + "\",\"serviceName\":\"" + service + "\"}", region)
                .path("taskArns").forEach(a -> ids.add(a.asText().substring(a.asText().lastIndexOf('/') + 1)));
        return ids;
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    @Test
    void describeClustersGivesEachClustersSettingOnlyWhenAskedFor() {
        JsonNode eu = ecs("DescribeClusters", "{\"clusters\":[\"checkout-eu\",\"media-eu\"],\"include\":[\"SETTINGS\"]}", EU);
        JsonNode us = ecs("DescribeClusters", "{\"clusters\":[\"data-pipeline\",\"storage-prod\"],\"include\":[\"SETTINGS\"]}",
                "us-east-1");
        JsonNode plain = ecs("DescribeClusters", "{\"clusters\":[\"checkout-eu\"]}", EU);

        List<String> settings = new ArrayList<>();
        for (JsonNode r : List.of(eu, us)) {
            for (JsonNode c : r.path("clusters")) {
                JsonNode s = c.path("settings").get(0);
                assertThat(s.path("name").asText()).isEqualTo("containerInsights");
                settings.add(c.path("clusterName").asText() + "=" + s.path("value").asText());
            }
        }
        assertThat(settings).containsExactly("checkout-eu=enhanced", "media-eu=disabled", "data-pipeline=enabled",
                "storage-prod=disabled");
        assertThat(plain.path("clusters").get(0).has("settings")).isFalse();
        assertThat(RawHttp.ecs(emulator.endpoint(), "DescribeClusters", "{\"include\":[\"SETTING\"]}", EU).status())
                .isEqualTo(400);
    }

    @Test
    void oneTaskOfCartApiIsHotWhileItsSiblingsIdleAndAwsEcsAgrees() {
        List<String> tasks = runningTasks("checkout-eu", "cart-api", EU);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            queries.add(stat("max" + i, ContainerInsights.NAMESPACE, "TaskCpuUtilization",
                    dims("ClusterName", "checkout-eu", "ServiceName", "cart-api", "TaskId", tasks.get(i)), "Maximum", 3600));
            queries.add(stat("avg" + i, ContainerInsights.NAMESPACE, "TaskCpuUtilization",
                    dims("ClusterName", "checkout-eu", "ServiceName", "cart-api", "TaskId", tasks.get(i)), "Average", 3600));
        }
        Map<String, String> service = dims("ClusterName", "checkout-eu", "ServiceName", "cart-api");
        queries.add(stat("ecsmax", "AWS/ECS", "CPUUtilization", service, "Maximum", 3600));
        queries.add(stat("ecsmin", "AWS/ECS", "CPUUtilization", service, "Minimum", 3600));
        queries.add(stat("ecsavg", "AWS/ECS", "CPUUtilization", service, "Average", 3600));
        Map<String, List<Double>> r = data(EU, queries);

        assertThat(tasks).hasSize(4);
        List<Double> peaks = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            assertThat(r.get("max" + i)).hasSize(24);
            peaks.add(max(r.get("max" + i)));
        }
        assertThat(peaks.stream().filter(p -> p > 75)).as("hot tasks' daily peaks: %s", peaks).hasSize(1);
        assertThat(peaks.stream().filter(p -> p < 15)).as("idle tasks' daily peaks: %s", peaks).hasSize(3);
        for (int h = 0; h < 24; h++) {
            double hottest = 0;
            double coolest = Double.MAX_VALUE;
            double mean = 0;
            for (int i = 0; i < tasks.size(); i++) {
                hottest = Math.max(hottest, r.get("max" + i).get(h));
                coolest = Math.min(coolest, r.get("avg" + i).get(h));
                mean += r.get("avg" + i).get(h) / tasks.size();
            }
            // AWS/ECS's Maximum is the most loaded task, its Average the mean across tasks.
            assertThat(r.get("ecsmax").get(h)).isCloseTo(hottest, within(1e-6));
            assertThat(r.get("ecsavg").get(h)).isCloseTo(mean, within(1e-6));
            assertThat(r.get("ecsmin").get(h)).isLessThanOrEqualTo(coolest + 1e-6);
        }
    }

    @Test
    void receiptsLogRouterClimbsToItsHardLimitWhileTheAppStaysNearFortyPercent() {
        String task = runningTasks("checkout-eu", "receipts", EU).get(0);
        JsonNode described = ecs("DescribeTasks", "{\"cluster\":\"checkout-eu\",\"tasks\":[\"" + task + "\"]}", EU)
                .path("tasks").get(0);
        Map<String, JsonNode> containers = new LinkedHashMap<>();
        described.path("containers").forEach(c -> containers.put(c.path("name").asText(), c));
        Map<String, String> router = dims("ClusterName", "checkout-eu", "ServiceName", "receipts", "TaskId", task,
                "ContainerName", "log-router");
        Map<String, String> app = dims("ClusterName", "checkout-eu", "ServiceName", "receipts", "TaskId", task,
                "ContainerName", "app");
        Map<String, List<Double>> r = data(EU, List.of(
                stat("router", ContainerInsights.NAMESPACE, "ContainerMemoryUtilization", router, "Maximum", 3600),
                stat("routermib", ContainerInsights.NAMESPACE, "ContainerMemoryUtilized", router, "Maximum", 3600),
                stat("app", ContainerInsights.NAMESPACE, "ContainerMemoryUtilization", app, "Average", 3600),
                stat("restarts", ContainerInsights.NAMESPACE, "RestartCount", router, "Sum", 3600),
                stat("apprestarts", ContainerInsights.NAMESPACE, "RestartCount", app, "Sum", 3600)));

        assertThat(described.path("cpu").asText()).isEqualTo("512");
        assertThat(described.path("memory").asText()).isEqualTo("1024");
        assertThat(containers).containsOnlyKeys("app", "log-router");
        assertThat(containers.get("log-router").path("memory").asText()).isEqualTo("128");
        assertThat(containers.get("log-router").path("memoryReservation").asText()).isEqualTo("64");
        assertThat(containers.get("app").path("memory").asText()).isEqualTo("768");
        assertThat(containers.get("app").path("lastStatus").asText()).isEqualTo("RUNNING");
        assertThat(max(r.get("router"))).isBetween(97.0, 100.0);
        assertThat(max(r.get("routermib"))).isBetween(124.0, 128.0);
        assertThat(r.get("app")).hasSize(24).allSatisfy(v -> assertThat(v).isBetween(38.0, 42.0));
        // restarted at its limit once every 6 hours; the app has no restart policy, so no series
        assertThat(r.get("restarts").stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(4.0);
        assertThat(r.get("apprestarts")).isEmpty();
    }

    @Test
    void oneTaskOfPaymentsIsCloseToItsEphemeralStorageLimit() {
        List<String> tasks = runningTasks("checkout-eu", "payments", EU);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            queries.add(stat("t" + i, ContainerInsights.NAMESPACE, "TaskEphemeralStorageUtilization",
                    dims("ClusterName", "checkout-eu", "ServiceName", "payments", "TaskId", tasks.get(i)), "Maximum", 3600));
        }
        queries.add(stat("reserved", ContainerInsights.NAMESPACE, "EphemeralStorageReserved",
                dims("ClusterName", "checkout-eu", "ServiceName", "payments", "TaskId", tasks.get(0)), "Maximum", 3600));
        Map<String, List<Double>> r = data(EU, queries);

        List<Double> peaks = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            peaks.add(max(r.get("t" + i)));
        }
        assertThat(peaks.stream().filter(p -> p > 90 && p < 100)).as("%s", peaks).hasSize(1);
        assertThat(peaks.stream().filter(p -> p < 50)).as("%s", peaks).hasSize(tasks.size() - 1);
        assertThat(r.get("reserved")).containsOnly(20.0);
    }

    @Test
    void aStandardClusterPublishesPerServiceOnlyAndADisabledOneNothing() {
        String task = runningTasks("data-pipeline", "transform", "us-east-1").get(0);
        Map<String, List<Double>> r = data("us-east-1", List.of(
                stat("svc", ContainerInsights.NAMESPACE, "CpuUtilized", dims("ClusterName", "data-pipeline", "ServiceName", "transform"), "Sum", 3600),
                stat("rsv", ContainerInsights.NAMESPACE, "CpuReserved", dims("ClusterName", "data-pipeline", "ServiceName", "transform"), "Average", 3600),
                stat("storage", ContainerInsights.NAMESPACE, "EphemeralStorageUtilized", dims("ClusterName", "data-pipeline", "ServiceName", "transform"), "Average", 3600),
                stat("running", ContainerInsights.NAMESPACE, "RunningTaskCount", dims("ClusterName", "data-pipeline", "ServiceName", "transform"), "Average", 3600),
                stat("pct", ContainerInsights.NAMESPACE, "TaskCpuUtilization", dims("ClusterName", "data-pipeline", "ServiceName", "transform"), "Average", 3600),
                stat("task", ContainerInsights.NAMESPACE, "CpuUtilized", dims("ClusterName", "data-pipeline", "ServiceName", "transform", "TaskId", task), "Sum", 3600),
                stat("off", ContainerInsights.NAMESPACE, "CpuUtilized", dims("ClusterName", "storage-prod", "ServiceName", "storage-prod_register"), "Sum", 3600)));

        assertThat(r.get("svc")).hasSize(24).allSatisfy(v -> assertThat(v).isPositive());
        assertThat(r.get("rsv")).hasSize(24);
        assertThat(r.get("storage")).hasSize(24);
        assertThat(r.get("running")).containsOnly(4.0);
        assertThat(r.get("pct")).as("enhanced only").isEmpty();
        assertThat(r.get("task")).as("enhanced only").isEmpty();
        assertThat(r.get("off")).as("Container Insights disabled").isEmpty();
    }

    /** Every dimension set a metric is listed with is one of AWS's for it, and the enhanced ones appear. */
    @Test
    void listMetricsListsAwsDimensionSetsAndPages() {
        Map<String, Set<Set<String>>> seen = new LinkedHashMap<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = cw("ListMetrics", "{\"Namespace\":\"ECS/ContainerInsights\""
                    + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + "}", EU);
            pages++;
            for (JsonNode m : page.path("Metrics")) {
                Set<String> names = new TreeSet<>();
                m.path("Dimensions").forEach(d -> names.add(d.path("Name").asText()));
                seen.computeIfAbsent(m.path("MetricName").asText(), k -> new HashSet<>()).add(names);
                assertThat(m.path("Namespace").asText()).isEqualTo("ECS/ContainerInsights");
            }
            token = page.path("NextToken").asText(null);
        } while (token != null);

        assertThat(pages).isEqualTo(1);
        for (ContainerInsights.Metric m : ContainerInsights.METRICS) {
            Set<Set<String>> allowed = new HashSet<>();
            m.standard().forEach(s -> allowed.add(new TreeSet<>(s)));
            m.enhancedOnly().forEach(s -> allowed.add(new TreeSet<>(s)));
            assertThat(allowed).as(m.name()).containsAll(seen.getOrDefault(m.name(), Set.of()));
        }
        assertThat(seen.get("ContainerMemoryUtilization"))
                .contains(new TreeSet<>(Set.of("ClusterName", "ServiceName", "TaskId", "ContainerName")));
        assertThat(seen.get("TaskCpuUtilization")).contains(new TreeSet<>(Set.of("ClusterName", "ServiceName", "TaskId")))
                .noneMatch(s -> s.contains("ContainerName"));
        assertThat(seen).doesNotContainKey("ContainerInstanceCount"); // Fargate only in eu-west-1

        JsonNode filtered = cw("ListMetrics", "{\"Namespace\":\"ECS/ContainerInsights\",\"MetricName\":\"RestartCount\","
                + "\"Dimensions\":[{\"Name\":\"ContainerName\",\"Value\":\"log-router\"}]}", EU);
        assertThat(filtered.path("Metrics")).hasSize(4).allSatisfy(m ->
                assertThat(m.path("Dimensions").toString()).contains("log-router"));
    }

    @Test
    void metricsInsightsFindsTheHotTaskByTaskId() {
        String query = "SELECT MAX(TaskCpuUtilization) FROM SCHEMA(\\\"ECS/ContainerInsights\\\", ClusterName, ServiceName, TaskId)"
                + " WHERE ServiceName = 'cart-api' GROUP BY TaskId ORDER BY MAX() DESC LIMIT 1";
        JsonNode r = cw("GetMetricData", "{\"MetricDataQueries\":[{\"Id\":\"q\",\"Expression\":\"" + query
                + "\",\"Period\":3600}]," + DAY + "}", EU);
        Map<String, List<Double>> peaks = new LinkedHashMap<>();
        List<String> tasks = runningTasks("checkout-eu", "cart-api", EU);
        for (String t : tasks) {
            peaks.put(t, data(EU, List.of(stat("m", ContainerInsights.NAMESPACE, "TaskCpuUtilization",
                    dims("ClusterName", "checkout-eu", "ServiceName", "cart-api", "TaskId", t), "Maximum", 3600))).get("m"));
        }
        String hottest = peaks.entrySet().stream().max(java.util.Comparator.comparingDouble(e -> max(e.getValue())))
                .orElseThrow().getKey();

        assertThat(r.path("MetricDataResults")).hasSize(1);
        assertThat(r.path("MetricDataResults").get(0).path("Label").asText()).isEqualTo(hottest);
        assertThat(emulator.log().snapshot().metricsAnalysed()).isEqualTo(4);
    }

    @Test
    void theQueryProtocolListsAndServesTheSameSeries() {
        String form = "Action=ListMetrics&Version=2010-08-01&Namespace=" + enc("ECS/ContainerInsights")
                + "&MetricName=ContainerMemoryUtilization&Dimensions.member.1.Name=ServiceName&Dimensions.member.1.Value=receipts";
        RawHttp.Response list = RawHttp.cloudWatchQuery(emulator.endpoint(), form, EU);
        String task = runningTasks("checkout-eu", "receipts", EU).get(0);
        long end = NOW.getEpochSecond() / 3600 * 3600;
        String data = "Action=GetMetricData&Version=2010-08-01&StartTime=" + enc(Instant.ofEpochSecond(end - 3600).toString())
                + "&EndTime=" + enc(Instant.ofEpochSecond(end).toString())
                + "&MetricDataQueries.member.1.Id=r&MetricDataQueries.member.1.MetricStat.Metric.Namespace=" + enc("ECS/ContainerInsights")
                + "&MetricDataQueries.member.1.MetricStat.Metric.MetricName=ContainerMemoryUtilized"
                + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=ClusterName"
                + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=checkout-eu"
                + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Name=ServiceName"
                + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Value=receipts"
                + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.3.Name=TaskId"
                + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.3.Value=" + task
                + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.4.Name=ContainerName"
                + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.4.Value=log-router"
                + "&MetricDataQueries.member.1.MetricStat.Period=60&MetricDataQueries.member.1.MetricStat.Stat=Average";
        RawHttp.Response values = RawHttp.cloudWatchQuery(emulator.endpoint(), data, EU);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("<ListMetricsResponse").contains("<MetricName>ContainerMemoryUtilization</MetricName>")
                .contains("<Name>ContainerName</Name><Value>log-router</Value>");
        assertThat(values.status()).as(values.text()).isEqualTo(200);
        assertThat(values.text().split("<member>").length - 1).as("an hour of minutes, each a timestamp and a value, and the result")
                .isEqualTo(1 + 60 + 60);
        assertThat(emulator.log().snapshot().protocols()).containsEntry("awsQuery", 2L);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
