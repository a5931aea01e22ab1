package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecstop.testing.EmulatorExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * storage-prod's story for the timeline (issue 20): file-finder's latest deployment came just
 * before its memory started climbing from the bottom of its sawtooth, and its tasks are being
 * OOM-killed now. What ECS and CloudWatch say must tell that story together.
 */
class LeakingReleaseStoryTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:34:56Z");
    static final String SERVICE = "storage-prod_file-finder";

    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().clock(CLOCK);

    @org.junit.jupiter.api.BeforeEach
    void atNow() {
        CLOCK.set(NOW);
    }

    static double memoryAverage(long hourStart) {
        JsonNode r = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData", "{\"MetricDataQueries\":[{\"Id\":\"m\","
                + "\"MetricStat\":{\"Metric\":{\"Namespace\":\"AWS/ECS\",\"MetricName\":\"MemoryUtilization\",\"Dimensions\":["
                + "{\"Name\":\"ClusterName\",\"Value\":\"storage-prod\"},{\"Name\":\"ServiceName\",\"Value\":\"" + SERVICE + "\"}]},"
                + "\"Period\":3600,\"Stat\":\"Average\"}}],\"StartTime\":" + hourStart + ",\"EndTime\":" + (hourStart + 3600) + "}").json();
        return r.path("MetricDataResults").get(0).path("Values").get(0).asDouble();
    }

    @Test
    void theDeploymentComesJustBeforeMemoryClimbsFromTheBottomAndTheOomKillsFollow() {
        JsonNode service = RawHttp.ecs(emulator.endpoint(), "DescribeServices",
                "{\"cluster\":\"storage-prod\",\"services\":[\"" + SERVICE + "\"]}").json().path("services").get(0);
        JsonNode primary = service.path("deployments").get(0);
        Instant created = Instant.ofEpochSecond(primary.path("createdAt").asLong());
        long firstHour = (created.getEpochSecond() / 3600 + 1) * 3600;
        List<String> events = new ArrayList<>();
        service.path("events").forEach(e -> events.add(e.path("message").asText()));
        JsonNode stopped = RawHttp.ecs(emulator.endpoint(), "ListTasks",
                "{\"cluster\":\"storage-prod\",\"serviceName\":\"" + SERVICE + "\",\"desiredStatus\":\"STOPPED\"}").json();
        JsonNode running = RawHttp.ecs(emulator.endpoint(), "ListTasks",
                "{\"cluster\":\"storage-prod\",\"serviceName\":\"" + SERVICE + "\"}").json();
        JsonNode task = RawHttp.ecs(emulator.endpoint(), "DescribeTasks", "{\"cluster\":\"storage-prod\",\"tasks\":[\""
                + running.path("taskArns").get(0).asText() + "\"]}").json().path("tasks").get(0);

        assertThat(primary.path("status").asText()).isEqualTo("PRIMARY");
        assertThat(primary.path("rolloutState").asText()).isEqualTo("COMPLETED");
        assertThat(created).isBefore(NOW).isAfter(NOW.minusSeconds(72 * 3600));
        assertThat(created.getEpochSecond() % 3600).as("8 minutes before an hour").isEqualTo(3600 - 8 * 60);
        // the hour after the deployment is the cycle's lowest; the hour before it the highest
        assertThat(memoryAverage(firstHour - 3600 - 3600)).isGreaterThan(memoryAverage(firstHour) + 20);
        assertThat(memoryAverage(NOW.getEpochSecond() / 3600 * 3600 - 3600)).isGreaterThan(memoryAverage(firstHour));
        assertThat(Instant.ofEpochSecond(task.path("startedAt").asLong())).isAfter(created).isBefore(created.plusSeconds(600));
        assertThat(stopped.path("taskArns").size()).isGreaterThan(3);
        assertThat(created).isAfter(NOW.minusSeconds(86_400));
        // By now the OOM kills' replacements fill the newest 100 events ECS returns: the
        // deployment shows in deployments[], and in the events only for its first hours.
        assertThat(events).hasSize(100).noneMatch(m -> m.contains("deployment completed"));
        CLOCK.set(created.plusSeconds(1800));
        List<String> early = new ArrayList<>();
        RawHttp.ecs(emulator.endpoint(), "DescribeServices", "{\"cluster\":\"storage-prod\",\"services\":[\"" + SERVICE + "\"]}")
                .json().path("services").get(0).path("events").forEach(e -> early.add(e.path("message").asText()));
        assertThat(early).contains("(service " + SERVICE + ") (deployment " + primary.path("id").asText() + ") deployment completed.");
        assertThat(early).anyMatch(m -> m.startsWith("(service " + SERVICE + ") has started 2 tasks: (task "));
        assertThat(early).anyMatch(m -> m.startsWith("(service " + SERVICE + ") has stopped 2 running tasks: (task "));
    }
}
