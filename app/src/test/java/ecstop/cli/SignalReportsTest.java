package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecstop.domain.Failure;
import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceHealth;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.StoppedTasks;
import ecstop.domain.Thresholds;
import ecstop.domain.signal.ClusterSignals;
import ecstop.domain.signal.SignalRules;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signals in the three --once formats, with the horizon each source covers. */
class SignalReportsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textListsTheSignalsWorstFirstUnderTheChartsWithTheirHorizons() {
        String out = TextReport.render(Fixtures.storageWithSignals(), Thresholds.DEFAULT, true, false);

        assertThat(out).endsWith("""
                ingests      no data

                Signals · stopped tasks, last ~1h (ECS keeps them about an hour) · service events: up to 24h of what DescribeServices returns
                register     CRIT PLACE  could not place a task 2 times (insufficient memory) · last 12:24Z
                register     CRIT SHORT  1 of 2 running, 1 pending, for 40m · since 11:54Z
                replicator   WARN OOM    2 tasks killed for memory (OOM, exit 137) · last 12:31Z

                4 services · 5 AWS calls · 8 metrics requested (~$0.0001)
                """);
    }

    @Test
    void onATerminalCriticalIsRedAndWarningYellow() {
        String out = TextReport.render(Fixtures.storageWithSignals(), Thresholds.DEFAULT, true, true);

        assertThat(out).contains("register     \u001b[31mCRIT\u001b[0m PLACE ").contains("replicator   \u001b[33mWARN\u001b[0m OOM ");
    }

    @Test
    void aQuietClusterSaysNoneWithinTheHorizonNotZeroInADay() {
        Snapshot s = Fixtures.storage();
        ClusterSignals none = ClusterSignals.detect(List.of("storage-prod_replicator"), Map.of(),
                Either.right(new StoppedTasks(ecstop.testfleet.Refs.cluster("storage-prod"), Fixtures.NOW, List.of(),
                        ecstop.domain.CallStats.NONE)), Fixtures.NOW, SignalRules.DEFAULT);

        String out = TextReport.render(new OnceReport(s, none, s.stats()), Thresholds.DEFAULT, true, false);

        assertThat(out).contains("Signals · stopped tasks, last ~1h (ECS keeps them about an hour)").contains("\n(none)\n")
                .doesNotContain("24h ·").doesNotContainPattern("\\b0 (OOM|tasks)");
    }

    @Test
    void jsonCarriesEachSignalWithItsHorizonAndEvidenceAndWhatEachSourceCovers() throws Exception {
        JsonNode root = JSON.readTree(JsonReport.render(Fixtures.storageWithSignals()));

        JsonNode replicator = root.path("services").get(3);
        assertThat(replicator.path("name").asText()).isEqualTo("storage-prod_replicator");
        JsonNode oom = replicator.path("signals").get(0);
        assertThat(oom.path("kind").asText()).isEqualTo("oom");
        assertThat(oom.path("severity").asText()).isEqualTo("warn");
        assertThat(oom.path("count").asInt()).isEqualTo(2);
        assertThat(oom.path("at").asText()).isEqualTo("2026-11-20T12:31:56Z");
        assertThat(oom.path("ongoing").asBoolean()).isFalse();
        assertThat(oom.path("horizon").path("source").asText()).isEqualTo("stoppedTasks");
        assertThat(oom.path("horizon").path("from").asText()).isEqualTo("2026-11-20T11:34:56Z");
        assertThat(oom.path("evidence").get(0).path("message").asText())
                .endsWith("replicator exit 137: OutOfMemoryError: Container killed due to memory usage");
        assertThat(root.path("services").get(0).path("signals").isArray()).isTrue();
        assertThat(root.path("services").get(0).path("signals")).isEmpty();
        assertThat(root.path("signals").path("stoppedTasks").path("unavailable").isNull()).isTrue();
        assertThat(root.path("signals").path("stoppedTasks").path("from").asText()).isEqualTo("2026-11-20T11:34:56Z");
        assertThat(root.path("calls").path("ListTasks").asInt()).isEqualTo(1);
        assertThat(root.path("calls").path("DescribeTasks").asInt()).isEqualTo(1);
    }

    @Test
    void csvHasASignalsColumnOfKindSeverityAndCount() {
        assertThat(CsvReport.render(Fixtures.storageWithSignals())).isEqualTo(
                "name,cpu,memory,running,desired,pending,launch_type,task_definition,rollout_state,signals\r\n"
                + "storage-prod_bag-verifier,250.0,12.25,,,,,,,\r\n"
                + "storage-prod_ingests,,,,,,,,,\r\n"
                + "storage-prod_register,41.0,91.0,1,2,1,EC2,register:7,IN_PROGRESS,placement:crit:2;short:crit:1\r\n"
                + "storage-prod_replicator,98.2,55.3,3,3,0,FARGATE,replicator:42,COMPLETED,oom:warn:2\r\n");
    }

    @Test
    void stoppedTasksThatCouldNotBeReadAreSaidOnceAndTheRestStays() throws Exception {
        Snapshot s = Fixtures.storage();
        Failure denied = new Failure(Failure.Kind.ACCESS_DENIED, "ecs:ListTasks", "");
        ClusterSignals signals = ClusterSignals.detect(s.services().stream().map(ServiceUsage::name).toList(),
                OnceReport.infoByName(s), Either.left(denied), Fixtures.NOW, SignalRules.DEFAULT);
        OnceReport r = new OnceReport(s, signals, s.stats());

        String text = TextReport.render(r, Thresholds.DEFAULT, true, false);
        JsonNode json = JSON.readTree(JsonReport.render(r));

        assertThat(text).contains("Signals · stopped tasks: not read (see stderr) ·")
                .contains("register     CRIT SHORT  1 of 2 running, 1 pending");
        assertThat(json.path("signals").path("stoppedTasks").path("unavailable").asText())
                .isEqualTo("access denied to ecs:ListTasks (the IAM policy needs ecs:ListTasks)");
        assertThat(json.path("signals").path("stoppedTasks").path("from").isNull()).isTrue();
        assertThat(SignalText.unavailable(signals)).contains("signals from stopped tasks (OOM kills, crashes) are missing:"
                + " access denied to ecs:ListTasks (the IAM policy needs ecs:ListTasks)");
    }

    @Test
    void eventsWithEscapeSequencesArePrintedHarmlesslyInEveryFormat() {
        Snapshot base = Fixtures.storage();
        ServiceInfo r = OnceReport.infoByName(base).get("storage-prod_register");
        ServiceHealth evil = new ServiceHealth(List.of(new ServiceEvent(Fixtures.NOW.minusSeconds(900),
                "(service storage-prod_register) was unable to place a task\u001b]0;pwned\u0007 \u001b[2J has insufficient CPU units"
                        + " available.\u202e")), List.of(), Optional.empty());
        Map<String, ServiceInfo> info = Map.of(r.name(), new ServiceInfo(r.name(), r.arn(), r.status(), r.desired(), r.running(),
                r.pending(), r.launchType(), r.taskDefinition(), r.rolloutState(), evil));
        Snapshot s = Fixtures.snapshot("storage-prod", base.services(), info);
        ClusterSignals signals = ClusterSignals.detect(List.of(r.name()), info, Either.left(
                new Failure(Failure.Kind.THROTTLED, "ecs:ListTasks", "")), Fixtures.NOW, SignalRules.DEFAULT);
        OnceReport report = new OnceReport(s, signals, s.stats());

        assertThat(TextReport.render(report, Thresholds.DEFAULT, false, false)).doesNotContain("\u001b", "\u0007", "\u202e");
        assertThat(JsonReport.render(report)).doesNotContain("\u001b", "\u0007", "\u202e")
                .contains("was unable to place a task?]0;pwned? ?[2J has insufficient CPU units available.?");
        assertThat(CsvReport.render(report)).doesNotContain("\u001b");
    }
}
