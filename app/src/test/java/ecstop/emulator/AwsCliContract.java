package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecstop.testing.EmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client nobody here wrote: the AWS CLI, pointed at the emulator with --endpoint-url, must
 * get well-formed, correct answers. Subclasses say which CLI (and so which CloudWatch
 * protocol) and when it may be missing. Runs with a clean environment and a temporary HOME,
 * so no user configuration or real credentials are involved.
 */
abstract class AwsCliContract {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");
    static final String END = "2026-11-21T13:00:00Z";
    static final String START = "2026-11-20T13:00:00Z";
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One for both CLIs' classes in turn: started before each class and stopped after it. The
     * demo's accounts: us-east-1 is the demo fleet, eu-west-1 its second region (checkout-eu,
     * with Container Insights' enhanced observability).
     */
    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Accounts.demo(EmulatorConfig.DEFAULT_SEED,
            Fleet.DEFAULT_BIG_CLUSTER_SERVICES, false)).at(NOW);

    @TempDir
    static Path home;

    /** The CLI to run; the subclass skips or fails before this is asked when it is missing. */
    abstract Path cli();

    /** The CloudWatch wire protocol this CLI speaks. */
    abstract String cloudWatchProtocol();

    record Run(int exit, byte[] out, String err) {}

    Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cli().toString(), "--endpoint-url", emulator.endpoint().toString(),
                "--output", "json"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path == null ? "/usr/bin:/bin" : path);
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("AWS_ACCESS_KEY_ID", "AKIDEMULATOR");
        env.put("AWS_SECRET_ACCESS_KEY", "emulator-secret");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        Path err = Files.createTempFile(home, "aws", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("aws finished").isTrue();
        return new Run(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    }

    JsonNode aws(String... args) throws IOException, InterruptedException {
        Run r = run(args);
        assertThat(r.exit()).as("aws %s exit status; stderr: %s", String.join(" ", args), r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void listClusters() throws Exception {
        JsonNode r = aws("ecs", "list-clusters");

        assertThat(texts(r.path("clusterArns"))).containsExactly(
                "arn:aws:ecs:us-east-1:123456789012:cluster/storage-prod",
                "arn:aws:ecs:us-east-1:123456789012:cluster/catalogue",
                "arn:aws:ecs:us-east-1:123456789012:cluster/archivematica",
                "arn:aws:ecs:us-east-1:123456789012:cluster/data-pipeline",
                "arn:aws:ecs:us-east-1:123456789012:cluster/sandbox");
        assertThat(emulator.log().snapshot().protocols()).containsOnlyKeys("awsJson1_1");
    }

    @Test
    void listServicesFollowsNextTokenAtTheDefaultPageSize() throws Exception {
        JsonNode r = aws("ecs", "list-services", "--cluster", "catalogue");

        assertThat(texts(r.path("serviceArns"))).hasSize(150).doesNotHaveDuplicates()
                .allMatch(a -> a.startsWith("arn:aws:ecs:us-east-1:123456789012:service/catalogue/"));
        assertThat(emulator.log().snapshot().calls("ListServices")).isEqualTo(15);
    }

    @Test
    void describeServicesShowsTheRolloutAndTheMissingOne() throws Exception {
        JsonNode r = aws("ecs", "describe-services", "--cluster", "storage-prod",
                "--services", "storage-prod_bag-unpacker", "ghost");

        JsonNode s = r.path("services").get(0);
        assertThat(s.path("serviceName").asText()).isEqualTo("storage-prod_bag-unpacker");
        assertThat(s.path("desiredCount").asInt()).isEqualTo(4);
        assertThat(s.path("runningCount").asInt()).isEqualTo(2);
        assertThat(s.path("pendingCount").asInt()).isEqualTo(2);
        assertThat(s.path("deployments").get(0).path("rolloutState").asText()).isEqualTo("IN_PROGRESS");
        assertThat(s.path("events").get(0).path("message").asText())
                .startsWith("(service storage-prod_bag-unpacker) was unable to place a task")
                .contains("insufficient memory available");
        assertThat(instant(s.path("events").get(0).path("createdAt"))).isBeforeOrEqualTo(NOW);
        assertThat(r.path("failures").get(0).path("arn").asText())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/storage-prod/ghost");
        assertThat(r.path("failures").get(0).path("reason").asText()).isEqualTo("MISSING");
    }

    @Test
    void listTasksAndDescribeTasksShowTheLastHoursOomKills() throws Exception {
        JsonNode list = aws("ecs", "list-tasks", "--cluster", "storage-prod", "--desired-status", "STOPPED");
        List<String> arns = texts(list.path("taskArns"));
        List<String> describe = new ArrayList<>(List.of("ecs", "describe-tasks", "--cluster", "storage-prod", "--tasks"));
        describe.addAll(arns);
        describe.add("arn:aws:ecs:us-east-1:123456789012:task/storage-prod/0123456789abcdef0123456789abcdef");
        JsonNode tasks = aws(describe.toArray(String[]::new));

        assertThat(arns).hasSizeBetween(6, 7).doesNotHaveDuplicates()
                .allMatch(a -> a.startsWith("arn:aws:ecs:us-east-1:123456789012:task/storage-prod/"));
        assertThat(tasks.path("tasks")).hasSize(arns.size());
        for (JsonNode t : tasks.path("tasks")) {
            assertThat(t.path("group").asText()).isEqualTo("service:storage-prod_file-finder");
            assertThat(t.path("stopCode").asText()).isEqualTo("EssentialContainerExited");
            assertThat(instant(t.path("stoppedAt"))).isAfter(NOW.minusSeconds(3600)).isBeforeOrEqualTo(NOW);
            assertThat(t.path("containers").get(0).path("exitCode").asInt()).isEqualTo(137);
            assertThat(t.path("containers").get(0).path("reason").asText())
                    .isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        }
        assertThat(tasks.path("failures").get(0).path("reason").asText()).isEqualTo("MISSING");
        assertThat(emulator.log().snapshot().calls()).containsOnlyKeys("ListTasks", "DescribeTasks");
    }

    @Test
    void listTasksFollowsNextTokenAndFiltersByService() throws Exception {
        JsonNode running = aws("ecs", "list-tasks", "--cluster", "catalogue", "--page-size", "100");
        JsonNode oneService = aws("ecs", "list-tasks", "--cluster", "storage-prod", "--service-name", "storage-prod_bag-unpacker");

        assertThat(texts(running.path("taskArns"))).hasSizeGreaterThan(100).doesNotHaveDuplicates();
        assertThat(emulator.log().snapshot().calls("ListTasks")).isGreaterThan(1);
        assertThat(oneService.path("taskArns")).hasSize(4);
    }

    @Test
    void aDeniedListTasksIsReportedWithItsCode() throws Exception {
        emulator.faults(Faults.NONE.withDenied("ecs:ListTasks"));
        try {
            Run r = run("ecs", "list-tasks", "--cluster", "storage-prod", "--desired-status", "STOPPED");

            assertThat(r.exit()).isNotZero();
            assertThat(r.err()).contains("AccessDenied").contains("ecs:ListTasks");
        } finally {
            emulator.faults(Faults.NONE);
        }
    }

    @Test
    void getMetricDataAndGetMetricStatisticsAgree() throws Exception {
        String dims = "{\"Name\":\"ClusterName\",\"Value\":\"storage-prod\"},"
                + "{\"Name\":\"ServiceName\",\"Value\":\"storage-prod_replicator\"}";
        JsonNode data = aws("cloudwatch", "get-metric-data", "--start-time", START, "--end-time", END,
                "--metric-data-queries", "[{\"Id\":\"cpumax\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"AWS/ECS\","
                        + "\"MetricName\":\"CPUUtilization\",\"Dimensions\":[" + dims + "]},\"Period\":3600,"
                        + "\"Stat\":\"Maximum\"}},{\"Id\":\"idle\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"AWS/ECS\","
                        + "\"MetricName\":\"CPUUtilization\",\"Dimensions\":[{\"Name\":\"ClusterName\",\"Value\":\"storage-prod\"},"
                        + "{\"Name\":\"ServiceName\",\"Value\":\"storage-prod_ingests\"}]},\"Period\":3600,\"Stat\":\"Maximum\"}}]");
        JsonNode stats = aws("cloudwatch", "get-metric-statistics", "--namespace", "AWS/ECS",
                "--metric-name", "CPUUtilization", "--dimensions", "Name=ClusterName,Value=storage-prod",
                "Name=ServiceName,Value=storage-prod_replicator", "--start-time", START, "--end-time", END,
                "--period", "3600", "--statistics", "Maximum", "Average");

        JsonNode cpu = data.path("MetricDataResults").get(0);
        assertThat(cpu.path("Id").asText()).isEqualTo("cpumax");
        assertThat(cpu.path("StatusCode").asText()).isEqualTo("Complete");
        List<Instant> times = new ArrayList<>();
        cpu.path("Timestamps").forEach(t -> times.add(instant(t)));
        assertThat(times).hasSize(24).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(times.get(0)).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));
        JsonNode idle = data.path("MetricDataResults").get(1);
        assertThat(idle.path("Values")).isEmpty();

        Map<Instant, JsonNode> byTime = new HashMap<>();
        stats.path("Datapoints").forEach(d -> byTime.put(instant(d.path("Timestamp")), d));
        assertThat(byTime).hasSize(24);
        for (int i = 0; i < times.size(); i++) {
            JsonNode d = byTime.get(times.get(i));
            assertThat(d.path("Maximum").asDouble()).isCloseTo(cpu.path("Values").get(i).asDouble(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(d.path("Maximum").asDouble()).isGreaterThanOrEqualTo(d.path("Average").asDouble());
            assertThat(d.path("Unit").asText()).isEqualTo("Percent");
        }
        // The replicator's nightly batch pushes its busiest task past 100%.
        double peak = 0;
        for (JsonNode v : cpu.path("Values")) {
            peak = Math.max(peak, v.asDouble());
        }
        assertThat(peak).isGreaterThan(100);
        assertThat(emulator.log().snapshot().protocols()).containsOnlyKeys(cloudWatchProtocol());
    }

    @Test
    void describeTaskDefinitionGivesTheSizes() throws Exception {
        JsonNode fargate = aws("ecs", "describe-task-definition", "--task-definition", "storage-prod_bags-api").path("taskDefinition");
        JsonNode ec2 = aws("ecs", "describe-task-definition", "--task-definition",
                "arn:aws:ecs:us-east-1:123456789012:task-definition/storage-prod_bag-verifier:1").path("taskDefinition");
        Run missing = run("ecs", "describe-task-definition", "--task-definition", "ghost:3");

        assertThat(fargate.path("family").asText()).isEqualTo("storage-prod_bags-api");
        assertThat(Integer.parseInt(fargate.path("cpu").asText())).isPositive();
        assertThat(fargate.path("requiresCompatibilities").get(0).asText()).isEqualTo("FARGATE");
        assertThat(ec2.path("containerDefinitions").get(0).path("memoryReservation").asInt()).isPositive();
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.err()).contains("ClientException").contains("Unable to describe task definition");
    }

    @Test
    void describeScalingPoliciesFiltersByServiceAndPagesThroughAll() throws Exception {
        JsonNode one = aws("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs",
                "--resource-id", "service/data-pipeline/transform");
        JsonNode all = aws("application-autoscaling", "describe-scaling-policies", "--service-namespace", "ecs");

        List<String> metrics = new ArrayList<>();
        one.path("ScalingPolicies").forEach(p -> metrics.add(p.path("TargetTrackingScalingPolicyConfiguration")
                .path("PredefinedMetricSpecification").path("PredefinedMetricType").asText()));
        assertThat(metrics).containsExactlyInAnyOrder("ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization");
        assertThat(all.path("ScalingPolicies")).hasSize(emulator.fleet().scalingPolicies().size());
        assertThat(emulator.log().snapshot().protocols()).containsOnlyKeys("awsJson1_1");
    }

    @Test
    void describeScalingActivitiesPagesThroughAServicesActivitiesNewestFirst() throws Exception {
        JsonNode r = aws("application-autoscaling", "describe-scaling-activities", "--service-namespace", "ecs",
                "--resource-id", "service/storage-prod/storage-prod_bags-api");

        JsonNode activities = r.path("ScalingActivities");
        assertThat(activities.size()).isGreaterThan(2);
        Instant previous = Instant.MAX;
        for (JsonNode a : activities) {
            Instant start = instant(a.path("StartTime"));
            assertThat(start).isBeforeOrEqualTo(previous).isBefore(NOW);
            previous = start;
            assertThat(a.path("Description").asText()).matches("Setting desired count to \\d+\\.");
            assertThat(a.path("Cause").asText()).contains(" in state ALARM triggered policy storage-prod_bags-api-");
            assertThat(a.path("StatusCode").asText()).isEqualTo("Successful");
        }
        long calls = emulator.log().snapshot().calls("DescribeScalingActivities");
        assertThat(calls).as("the CLI follows NextToken at 50 a page").isEqualTo((activities.size() + 49) / 50);
    }

    @Test
    void describeClustersIncludesTheContainerInsightsSettingWhenAsked() throws Exception {
        JsonNode us = aws("ecs", "describe-clusters", "--clusters", "data-pipeline", "storage-prod", "--include", "SETTINGS");
        JsonNode eu = aws("--region", "eu-west-1", "ecs", "describe-clusters", "--clusters", "checkout-eu", "--include", "SETTINGS");
        JsonNode plain = aws("ecs", "describe-clusters", "--clusters", "data-pipeline");

        assertThat(us.path("clusters").get(0).path("settings").get(0).path("value").asText()).isEqualTo("enabled");
        assertThat(us.path("clusters").get(1).path("settings").get(0).path("value").asText()).isEqualTo("disabled");
        assertThat(eu.path("clusters").get(0).path("settings").get(0).path("name").asText()).isEqualTo("containerInsights");
        assertThat(eu.path("clusters").get(0).path("settings").get(0).path("value").asText()).isEqualTo("enhanced");
        assertThat(plain.path("clusters").get(0).path("settings")).isEmpty();
    }

    @Test
    void listMetricsAndGetMetricDataServeTheEnhancedContainerSeries() throws Exception {
        JsonNode list = aws("--region", "eu-west-1", "cloudwatch", "list-metrics", "--namespace", "ECS/ContainerInsights",
                "--metric-name", "ContainerMemoryUtilization", "--dimensions", "Name=ContainerName,Value=log-router");
        JsonNode tasks = aws("--region", "eu-west-1", "ecs", "list-tasks", "--cluster", "checkout-eu", "--service-name", "receipts");
        String task = texts(tasks.path("taskArns")).get(0).replaceAll(".*/", "");
        JsonNode data = aws("--region", "eu-west-1", "cloudwatch", "get-metric-data", "--start-time", START, "--end-time", END,
                "--metric-data-queries", "[{\"Id\":\"router\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"ECS/ContainerInsights\","
                        + "\"MetricName\":\"ContainerMemoryUtilization\",\"Dimensions\":["
                        + "{\"Name\":\"ClusterName\",\"Value\":\"checkout-eu\"},{\"Name\":\"ServiceName\",\"Value\":\"receipts\"},"
                        + "{\"Name\":\"TaskId\",\"Value\":\"" + task + "\"},{\"Name\":\"ContainerName\",\"Value\":\"log-router\"}]},"
                        + "\"Period\":3600,\"Stat\":\"Maximum\"}}]");

        List<String> sets = new ArrayList<>();
        for (JsonNode m : list.path("Metrics")) {
            List<String> names = new ArrayList<>();
            m.path("Dimensions").forEach(d -> names.add(d.path("Name").asText()));
            sets.add(String.join("+", names));
        }
        assertThat(sets).containsExactlyInAnyOrder("ClusterName+ServiceName+TaskId+ContainerName",
                "ClusterName+TaskDefinitionFamily+TaskId+ContainerName", "ClusterName+TaskDefinitionFamily+ContainerName",
                "ClusterName+ServiceName+ContainerName");
        JsonNode router = data.path("MetricDataResults").get(0);
        assertThat(router.path("Values")).hasSize(24);
        double peak = 0;
        for (JsonNode v : router.path("Values")) {
            peak = Math.max(peak, v.asDouble());
            assertThat(v.asDouble()).isBetween(40.0, 100.0);
        }
        assertThat(peak).as("the log router reaches its hard limit").isGreaterThan(95);
        assertThat(emulator.log().snapshot().protocols()).containsKey(cloudWatchProtocol());
    }

    @Test
    void getProductsReturnsThePriceListAsJsonStrings() throws Exception {
        JsonNode r = aws("pricing", "get-products", "--service-code", "AmazonECS", "--format-version", "aws_v1",
                "--filters", "Type=TERM_MATCH,Field=regionCode,Value=eu-central-1");

        assertThat(r.path("PriceList")).hasSize(7);
        List<String> usageTypes = new ArrayList<>();
        for (JsonNode item : r.path("PriceList")) {
            usageTypes.add(JSON.readTree(item.asText()).path("product").path("attributes").path("usagetype").asText());
        }
        assertThat(usageTypes).contains("EUC1-Fargate-vCPU-Hours:perCPU", "EUC1-Fargate-ARM-GB-Hours");
        assertThat(emulator.log().snapshot().calls("GetProducts")).isEqualTo(1);
    }

    @Test
    void aMetricsInsightsQueryRanksEveryServiceOfEveryCluster() throws Exception {
        JsonNode r = aws("cloudwatch", "get-metric-data", "--start-time", START, "--end-time", END,
                "--metric-data-queries", "[{\"Id\":\"fleet\",\"Period\":3600,\"Expression\":\"SELECT MAX(CPUUtilization)"
                        + " FROM SCHEMA(\\\"AWS/ECS\\\", ClusterName, ServiceName) GROUP BY ClusterName, ServiceName"
                        + " ORDER BY MAX() DESC LIMIT 5\"}]");

        JsonNode results = r.path("MetricDataResults");
        assertThat(results).hasSize(5);
        List<Double> peaks = new ArrayList<>();
        for (JsonNode x : results) {
            assertThat(x.path("Id").asText()).isEqualTo("fleet");
            assertThat(x.path("Label").asText()).matches("[a-z-]+ [a-z_-]+");
            assertThat(x.path("Values")).hasSize(24);
            double peak = 0;
            for (JsonNode v : x.path("Values")) {
                peak = Math.max(peak, v.asDouble());
            }
            peaks.add(peak);
        }
        assertThat(peaks).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(peaks.get(0)).isGreaterThan(100);
        RequestLog.Counts counts = emulator.log().snapshot();
        assertThat(counts.protocols()).containsOnlyKeys(cloudWatchProtocol());
        // Billed per series analysed: every demo service with a running task, not the 5 returned.
        assertThat(counts.metricsAnalysed()).isGreaterThan(150);
    }

    /** The containers pane's query, as ecs-top sends it (ContainerLimitReads), answered to a client nobody here wrote. */
    @Test
    void aMetricsInsightsQueryRanksTheEnhancedClustersContainersByTheirMemoryOfLimit() throws Exception {
        JsonNode r = aws("--region", "eu-west-1", "cloudwatch", "get-metric-data", "--start-time", START, "--end-time", END,
                "--metric-data-queries", "[{\"Id\":\"limits\",\"Period\":3600,\"Expression\":\"SELECT MAX(ContainerMemoryUtilization)"
                        + " FROM SCHEMA(\\\"ECS/ContainerInsights\\\", ClusterName, ContainerName, ServiceName)"
                        + " GROUP BY ClusterName, ServiceName, ContainerName ORDER BY MAX() DESC LIMIT 500\"}]");

        List<String> labels = new ArrayList<>();
        for (JsonNode x : r.path("MetricDataResults")) {
            labels.add(x.path("Label").asText());
            assertThat(x.path("Values")).hasSize(24);
        }
        assertThat(labels).containsExactlyInAnyOrder("checkout-eu fraud-scorer app", "checkout-eu receipts log-router",
                "checkout-eu cart-api app", "checkout-eu payments app", "checkout-eu receipts app");
        assertThat(emulator.log().snapshot().metricsAnalysed()).as("one series per container of a service").isEqualTo(5);
    }

    @Test
    void aMalformedMetricsInsightsQueryIsAValidationError() throws Exception {
        Run r = run("cloudwatch", "get-metric-data", "--start-time", START, "--end-time", END,
                "--metric-data-queries", "[{\"Id\":\"q\",\"Period\":3600,\"Expression\":\"SELECT P99(CPUUtilization) FROM SCHEMA(ECS)\"}]");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("ValidationError").contains("P99");
    }

    @Test
    void anErrorIsReportedWithItsCode() throws Exception {
        emulator.faults(Faults.NONE.withDenied("GetMetricStatistics"));

        Run r = run("cloudwatch", "get-metric-statistics", "--namespace", "AWS/ECS", "--metric-name", "CPUUtilization",
                "--start-time", START, "--end-time", END, "--period", "3600", "--statistics", "Maximum");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("AccessDenied").contains("cloudwatch:GetMetricStatistics");
    }

    static Instant instant(JsonNode t) {
        return t.isNumber() ? Instant.ofEpochMilli((long) (t.asDouble() * 1000)) : OffsetDateTime.parse(t.asText()).toInstant();
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
