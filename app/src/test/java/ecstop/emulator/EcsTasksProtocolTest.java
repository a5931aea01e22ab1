package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ListTasks and DescribeTasks as they look on the wire: AWS's limits and paging, the hour a
 * stopped task stays visible, the fields a stopped task carries.
 */
class EcsTasksProtocolTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:";
    static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(fleet()).clock(CLOCK);

    /** Services that lose tasks to OOM kills, one deploying, a scheduled job, and a second cluster. */
    static Fleet fleet() {
        return Fleet.builder(7)
                .cluster("shop", 2, List.of(
                        SimService.running("web", SimService.EC2, 3).withTrouble(Trouble.OOM_KILLS, Duration.ofMinutes(10)),
                        SimService.running("worker", SimService.FARGATE, 2).deploying(2),
                        SimService.running("churn", SimService.FARGATE, 1).withTrouble(Trouble.OOM_KILLS, Duration.ofSeconds(15))))
                .job(new SimJob("report", Duration.ofMinutes(30), 0))
                .cluster("other", 0, List.of(SimService.running("web", SimService.FARGATE, 1)))
                .build();
    }

    @BeforeEach
    void backToNow() {
        CLOCK.set(NOW);
    }

    static JsonNode ecs(String operation, String body) {
        RawHttp.Response r = RawHttp.ecs(emulator.endpoint(), operation, body);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static List<String> stoppedArns(String filter) {
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            String t = token == null ? "" : ",\"nextToken\":\"" + token + "\"";
            JsonNode page = ecs("ListTasks", "{\"cluster\":\"shop\",\"desiredStatus\":\"STOPPED\"" + filter + t + "}");
            assertThat(page.path("taskArns").size()).isLessThanOrEqualTo(100);
            page.path("taskArns").forEach(a -> all.add(a.asText()));
            token = page.hasNonNull("nextToken") ? page.get("nextToken").asText() : null;
        } while (token != null);
        return all;
    }

    @Test
    void stoppedTasksAreTheLastHoursAHundredAPageByDefault() {
        List<String> web = stoppedArns(",\"serviceName\":\"web\"");
        List<String> all = stoppedArns("");

        assertThat(web).hasSize(6).doesNotHaveDuplicates().allMatch(a -> a.startsWith(ARN + "task/shop/"));
        // churn stops a task every 15 s: 240 in the hour; the job ran twice.
        assertThat(all).hasSize(6 + 240 + 2).doesNotHaveDuplicates().containsAll(web);
        assertThat(emulator.log().snapshot().calls("ListTasks")).isEqualTo(1 + 3);
    }

    @Test
    void aStoppedTaskIsGoneAnHourLaterAndThenDescribedAsMissing() {
        List<String> before = stoppedArns(",\"serviceName\":\"web\"");
        CLOCK.advance(Duration.ofMinutes(30));
        List<String> after = stoppedArns(",\"serviceName\":\"web\"");

        assertThat(after).hasSize(6);
        List<String> expired = before.stream().filter(a -> !after.contains(a)).toList();
        assertThat(expired).hasSize(3);
        JsonNode r = ecs("DescribeTasks", "{\"cluster\":\"shop\",\"tasks\":[\"" + String.join("\",\"", before) + "\"]}");
        assertThat(r.path("tasks")).hasSize(3);
        assertThat(texts(r.path("failures"), "arn")).containsExactlyInAnyOrderElementsOf(expired);
        assertThat(texts(r.path("failures"), "reason")).containsOnly("MISSING");
    }

    @Test
    void anOomKilledTaskCarriesTheStopCodeReasonAndExitCode137() {
        String arn = stoppedArns(",\"serviceName\":\"web\"").get(0);
        JsonNode task = ecs("DescribeTasks", "{\"cluster\":\"shop\",\"tasks\":[\"" + arn + "\"]}").path("tasks").get(0);

        assertThat(task.path("taskArn").asText()).isEqualTo(arn);
        assertThat(task.path("group").asText()).isEqualTo("service:web");
        assertThat(task.path("lastStatus").asText()).isEqualTo("STOPPED");
        assertThat(task.path("desiredStatus").asText()).isEqualTo("STOPPED");
        assertThat(task.path("stopCode").asText()).isEqualTo("EssentialContainerExited");
        assertThat(task.path("stoppedReason").asText()).isEqualTo("Essential container in task exited");
        assertThat(task.path("stoppedAt").isNumber()).as("epoch seconds as a number").isTrue();
        Instant stopped = Instant.ofEpochSecond(task.path("stoppedAt").asLong());
        assertThat(stopped).isAfter(NOW.minus(Duration.ofHours(1))).isBeforeOrEqualTo(NOW);
        JsonNode container = task.path("containers").get(0);
        assertThat(container.path("exitCode").asInt()).isEqualTo(137);
        assertThat(container.path("reason").asText()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        assertThat(task.path("taskDefinitionArn").asText()).isEqualTo(ARN + "task-definition/web:1");
    }

    @Test
    void aTaskNoServiceRanHasAFamilyGroup() {
        List<String> report = stoppedArns(",\"family\":\"report\"");
        JsonNode r = ecs("DescribeTasks", "{\"cluster\":\"shop\",\"tasks\":[\"" + String.join("\",\"", report) + "\"]}");

        assertThat(report).hasSize(2);
        assertThat(texts(r.path("tasks"), "group")).containsOnly("family:report");
        r.path("tasks").forEach(t -> assertThat(t.path("containers").get(0).path("exitCode").asInt()).isZero());
    }

    @Test
    void runningIsTheDefaultDesiredStatusAndCoversPendingTasks() {
        JsonNode all = ecs("ListTasks", "{\"cluster\":\"shop\"}");
        JsonNode worker = ecs("ListTasks", "{\"cluster\":\"shop\",\"serviceName\":\"worker\"}");
        JsonNode pendingDesired = ecs("ListTasks", "{\"cluster\":\"shop\",\"desiredStatus\":\"PENDING\"}");
        JsonNode fargate = ecs("ListTasks", "{\"cluster\":\"shop\",\"launchType\":\"FARGATE\"}");

        assertThat(all.path("taskArns")).hasSize(3 + 4 + 1);
        assertThat(worker.path("taskArns")).hasSize(4);
        assertThat(pendingDesired.path("taskArns")).isEmpty();
        assertThat(fargate.path("taskArns")).hasSize(5);
        List<String> statuses = texts(ecs("DescribeTasks", "{\"cluster\":\"shop\",\"tasks\":" + worker.path("taskArns") + "}")
                .path("tasks"), "lastStatus");
        assertThat(statuses).containsExactlyInAnyOrder("RUNNING", "RUNNING", "PROVISIONING", "PROVISIONING");
    }

    @Test
    void limitsAndBadInputAreInvalidParameters() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add("t" + i);
        }
        assertError("ListTasks", "{\"cluster\":\"shop\",\"maxResults\":101}", "InvalidParameterException");
        assertError("ListTasks", "{\"cluster\":\"shop\",\"maxResults\":0}", "InvalidParameterException");
        assertError("ListTasks", "{\"cluster\":\"shop\",\"desiredStatus\":\"DEAD\"}", "InvalidParameterException");
        assertError("ListTasks", "{\"cluster\":\"shop\",\"startedBy\":\"me\"}", "InvalidParameterException");
        assertError("ListTasks", "{\"cluster\":\"shop\",\"serviceName\":\"ghost\"}", "ServiceNotFoundException");
        assertError("ListTasks", "{\"cluster\":\"nowhere\"}", "ClusterNotFoundException");
        assertError("DescribeTasks", "{\"cluster\":\"shop\",\"tasks\":[]}", "InvalidParameterException");
        assertError("DescribeTasks", "{\"cluster\":\"shop\",\"tasks\":[\"" + String.join("\",\"", ids) + "\"]}",
                "InvalidParameterException");
        String token = ecs("ListTasks", "{\"cluster\":\"shop\",\"desiredStatus\":\"STOPPED\",\"maxResults\":1}")
                .path("nextToken").asText();
        assertError("ListTasks", "{\"cluster\":\"shop\",\"nextToken\":\"" + token + "\"}", "InvalidParameterException");
    }

    @Test
    void aTaskOfAnotherClusterOrUnknownIdIsMissing() {
        String arn = stoppedArns(",\"serviceName\":\"web\"").get(0);
        String id = arn.substring(arn.lastIndexOf('/') + 1);

        JsonNode byId = ecs("DescribeTasks", "{\"cluster\":\"shop\",\"tasks\":[\"" + id + "\",\"feedbeef\"]}");
        JsonNode elsewhere = ecs("DescribeTasks", "{\"cluster\":\"other\",\"tasks\":[\"" + arn + "\"]}");

        assertThat(texts(byId.path("tasks"), "taskArn")).containsExactly(arn);
        assertThat(texts(byId.path("failures"), "arn")).containsExactly(ARN + "task/shop/feedbeef");
        assertThat(elsewhere.path("tasks")).isEmpty();
        assertThat(texts(elsewhere.path("failures"), "arn")).containsExactly(arn);
    }

    static void assertError(String operation, String body, String type) {
        RawHttp.Response r = RawHttp.ecs(emulator.endpoint(), operation, body);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.json().path("__type").asText()).as(body).isEqualTo(type);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
