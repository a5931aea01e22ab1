package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.config.Settings;
import ecstop.domain.Failure;
import ecstop.domain.FleetReader;
import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Main end to end, with a FleetReader test double instead of AWS and a temporary home. */
class MainTest {
    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();
    private Settings seenSettings;

    private int run(Function<Settings, Either<String, FleetReader>> readers, boolean terminal, String... args) {
        CliEnvironment e = new CliEnvironment(env, home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal, s -> {
                    seenSettings = s;
                    return readers.apply(s);
                }, () -> Fixtures.NOW, false);
        return Main.run(args, e);
    }

    private int run(FleetReader reader, String... args) {
        return run(s -> Either.right(reader), false, args);
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    private static FleetReader unused() {
        return new Fixtures.StubReader(List.of(), r -> { throw new AssertionError("no AWS call expected"); });
    }

    private void assertOneLine(String text) {
        assertThat(text).endsWith("\n");
        assertThat(text.strip()).doesNotContain("\n").doesNotContain("\tat ").startsWith("ecs-top: ");
    }

    @Test
    void unknownFlagIsOneLineAndExit2() {
        assertThat(run(unused(), "--bogus")).isEqualTo(2);
        assertOneLine(err());
        assertThat(err()).isEqualTo("ecs-top: Unknown option: '--bogus' (try --help)\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void badLookbackNamesTheValue() {
        assertThat(run(unused(), "--once", "--lookback", "90x")).isEqualTo(2);
        assertOneLine(err());
        assertThat(err()).contains("--lookback: '90x' is not a lookback");
    }

    @Test
    void badIntegerForDemoServicesIsAUsageError() {
        assertThat(run(unused(), "--demo", "--demo-services", "many")).isEqualTo(2);
        assertOneLine(err());
        assertThat(err()).contains("--demo-services").contains("many");
    }

    @Test
    void badEnvironmentIsAConfigurationError() {
        env.put("ECS_TOP_STAT", "p99");
        assertThat(run(unused(), "--once")).isEqualTo(2);
        assertThat(err()).isEqualTo("ecs-top: environment variable ECS_TOP_STAT: 'p99' is not allowed; use max, avg\n");
    }

    @Test
    void versionAndHelpExit0WithoutTouchingAws() {
        assertThat(run(s -> { throw new AssertionError("no reader for --version"); }, false, "--version")).isZero();
        assertThat(out().lines().toList()).hasSize(4).satisfiesExactly(
                l -> assertThat(l).isEqualTo("ecs-top " + Version.current()),
                l -> assertThat(l).matches("commit ([0-9a-f]{40}(-dirty)?|unknown)"),
                l -> assertThat(l).isEqualTo("AWS SDK for Java " + Version.awsSdk()),
                l -> assertThat(l).startsWith("Java 17"));
        // filtered at build time from the parent pom, not a placeholder
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(Version.awsSdk()).isEqualTo(software.amazon.awssdk.core.util.VersionInfo.SDK_VERSION);
        out.reset();
        assertThat(run(s -> { throw new AssertionError("no reader for --help"); }, false, "--help")).isZero();
        assertThat(out()).contains("--once").contains("--lookback").contains("--demo-services").contains("--endpoint-url");
        assertThat(err()).isEmpty();
    }

    @Test
    void theInteractiveModeWithoutATerminalSaysToUseOnce() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("storage-prod"), r -> Either.right(Fixtures.storage()));
        assertThat(run(s -> Either.right(reader), false)).isEqualTo(2);
        assertThat(err()).isEqualTo("ecs-top: the interactive view needs a terminal; use --once to print a snapshot\n");
    }

    @Test
    void onceWithTheOnlyClusterPrintsTheChartsWithoutAnsiWhenPiped() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("storage-prod"), r -> Either.right(Fixtures.storage()));

        assertThat(run(reader, "--once", "--lookback", "6h", "--stat", "avg")).isZero();

        assertThat(err()).isEmpty();
        assertThat(out()).startsWith("CPU · storage-prod · storage-prod_ · peak 24h\n").doesNotContain("\u001b");
        assertThat(reader.requests).hasSize(1);
        assertThat(reader.requests.get(0).cluster().name()).isEqualTo("storage-prod");
        assertThat(reader.requests.get(0).lookback()).isEqualTo(Lookback.hours(6));
        assertThat(reader.requests.get(0).stat()).isEqualTo(Stat.AVG);
        assertThat(reader.requests.get(0).now()).isEqualTo(Fixtures.NOW);
        assertThat(reader.requests.get(0).withServiceInfo()).as("the signals need the events and deployments").isTrue();
        assertThat(reader.stoppedRequests).extracting(ecstop.domain.ClusterRef::name).containsExactly("storage-prod");
        assertThat(out()).contains("\nSignals · stopped tasks, last ~1h").contains("register     CRIT SHORT  1 of 2 running, 1 pending");
    }

    @Test
    void onATerminalHotRowsAreRed() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("storage-prod"), r -> Either.right(Fixtures.storage()));
        assertThat(run(s -> Either.right(reader), true, "--once")).isZero();
        assertThat(out()).contains("\u001b[31m");
    }

    @Test
    void noColorTurnsTheRedOffOnATerminalUnlessColourIsAskedFor() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("storage-prod"), r -> Either.right(Fixtures.storage()));
        env.put("NO_COLOR", "1");
        assertThat(run(s -> Either.right(reader), true, "--once")).isZero();
        assertThat(out()).contains("replicator").doesNotContain("\u001b");
        assertThat(seenSettings.colour().resolve(env)).isEqualTo(ecstop.config.ColourMode.NONE);

        // no-color.org: a setting the user makes on purpose wins over NO_COLOR
        out.reset();
        assertThat(run(s -> Either.right(reader), true, "--once", "--colour", "256")).isZero();
        assertThat(out()).contains("\u001b[31m");

        // and an empty NO_COLOR is no NO_COLOR
        out.reset();
        env.put("NO_COLOR", "");
        assertThat(run(s -> Either.right(reader), true, "--once")).isZero();
        assertThat(out()).contains("\u001b[31m");

        out.reset();
        env.remove("NO_COLOR");
        assertThat(run(s -> Either.right(reader), true, "--once", "--colour", "none")).isZero();
        assertThat(out()).contains("replicator").doesNotContain("\u001b");
    }

    @Test
    void anUnknownEcsTopVariableWarnsOnStderrAndTheRunGoesOn() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("storage-prod"), r -> Either.right(Fixtures.storage()));
        env.put("ECS_TOP_LOOKBAK", "6h");
        assertThat(run(reader, "--once")).isZero();
        assertThat(out()).startsWith("CPU · storage-prod");
        assertOneLine(err());
        assertThat(err()).startsWith("ecs-top: warning: environment variable ECS_TOP_LOOKBAK is not a setting and is ignored;")
                .contains("ECS_TOP_LOOKBACK");
    }

    @Test
    void jsonAndCsvAskForTaskCountsAndCarryTheSignals() throws Exception {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("storage-prod"), r -> Either.right(Fixtures.storage()));
        assertThat(run(reader, "--once", "--format", "json")).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out());
        assertThat(json.path("services").get(2).path("name").asText()).isEqualTo("storage-prod_register");
        assertThat(json.path("services").get(2).path("signals").get(0).path("kind").asText()).isEqualTo("short");
        assertThat(json.path("signals").path("stoppedTasks").path("unavailable").isNull()).isTrue();
        assertThat(reader.requests.get(0).withServiceInfo()).isTrue();
        out.reset();
        assertThat(run(reader, "--once", "--format", "csv")).isZero();
        assertThat(out()).contains("\r\nstorage-prod_register,41.0,91.0,1,2,1,EC2,register:7,IN_PROGRESS,short:crit:1\r\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void failOnExits4AndNamesTheServicesAndWhatTheyShow() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("storage-prod"), r -> Either.right(Fixtures.storage()));

        assertThat(run(reader, "--once", "--fail-on", "oom,short")).isEqualTo(4);
        assertOneLine(err());
        assertThat(err()).isEqualTo("ecs-top: 1 service shows what --fail-on asks about: storage-prod_register (short)\n");
        assertThat(out()).startsWith("CPU · storage-prod");
        err.reset();
        assertThat(run(reader, "--once", "--fail-on", "short,hot")).isEqualTo(4);
        assertThat(err()).isEqualTo("ecs-top: 3 services show what --fail-on asks about: storage-prod_bag-verifier (hot),"
                + " storage-prod_register (short), storage-prod_replicator (hot)\n");
        err.reset();
        assertThat(run(reader, "--once", "--fail-on", "oom,placement,deploy,health,crash")).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void anUnknownFailOnValueIsOneLineAndExit2BeforeAnyAwsCall() {
        assertThat(run(unused(), "--once", "--fail-on", "oom,starved")).isEqualTo(2);
        assertThat(err()).isEqualTo("ecs-top: --fail-on: 'starved' is not a signal; use a comma-separated list of"
                + " oom, crash, placement, short, deploy, health, hot\n");
        err.reset();
        assertThat(run(unused(), "--fail-on", "oom")).isEqualTo(2);
        assertThat(err()).isEqualTo("ecs-top: --fail-on works with --once only (the interactive view never exits by itself)\n");
    }

    @Test
    void stoppedTasksThatCannotBeReadAreOneLineAndTheChartsStillPrint() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("storage-prod"), r -> Either.right(Fixtures.storage()));
        reader.stopped = c -> Either.left(new Failure(Failure.Kind.ACCESS_DENIED, "ecs:ListTasks", ""));

        assertThat(run(reader, "--once", "--fail-on", "oom")).isZero();

        assertOneLine(err());
        assertThat(err()).isEqualTo("ecs-top: signals from stopped tasks (OOM kills, crashes) are missing: access denied to"
                + " ecs:ListTasks (the IAM policy needs ecs:ListTasks)\n");
        assertThat(out()).startsWith("CPU · storage-prod").contains("Signals · stopped tasks: not read (see stderr)");
    }

    @Test
    void severalClustersAndNoClusterFlagPrintsTheFleet() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("a", "b", "c"), r -> { throw new AssertionError(); });
        reader.fleet = r -> Either.right(Fixtures.fleet(ecstop.domain.Target.of("default", "eu-west-1"),
                "a/web", 12.0, 30.0, "c/worker", 97.5, 40.0, "b/idle", null, null));

        assertThat(run(reader, "--once")).isZero();

        assertThat(err()).isEmpty();
        assertThat(out()).startsWith("CPU · fleet · peak 24h\nc / worker").contains("a / web").contains("b / idle");
    }

    @Test
    void zeroClustersIsAClearAwsSideError() {
        assertThat(run(new Fixtures.StubReader(List.of(), r -> { throw new AssertionError(); }), "--once")).isEqualTo(3);
        assertThat(err()).isEqualTo("ecs-top: no ECS clusters in this account and region (check --region and --profile)\n");
    }

    @Test
    void anUnknownClusterListsTheClustersThatExist() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("alpha", "beta"), r -> Either.left(
                new Failure(Failure.Kind.NOT_FOUND, "ecs:ListServices", "cluster 'gamma' does not exist in this account and region")));
        assertThat(run(reader, "--once", "--cluster", "gamma")).isEqualTo(2);
        assertThat(err()).isEqualTo("ecs-top: no cluster 'gamma' in this account and region; clusters: alpha, beta\n");
    }

    @Test
    void theClusterFlagSkipsListingClusters() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("alpha", "beta"), r -> Either.right(Fixtures.storage()));
        assertThat(run(reader, "--once", "--cluster", "beta")).isZero();
        assertThat(reader.clusterCalls).isZero();
        assertThat(reader.requests.get(0).cluster().name()).isEqualTo("beta");
    }

    @Test
    void awsErrorsAreOneLineAndExit3() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("prod"), r -> Either.left(
                new Failure(Failure.Kind.SSO_EXPIRED, "ecs:ListServices", "run aws sso login --profile prod")));
        assertThat(run(reader, "--once", "--profile", "prod")).isEqualTo(3);
        assertThat(err()).isEqualTo("ecs-top: the SSO session has expired: run aws sso login --profile prod\n");
        assertThat(seenSettings.profile()).contains("prod");

        err.reset();
        reader.clusters = Either.left(new Failure(Failure.Kind.ACCESS_DENIED, "ecs:ListClusters", ""));
        assertThat(run(reader, "--once")).isEqualTo(3);
        assertThat(err()).isEqualTo("ecs-top: access denied to ecs:ListClusters (the IAM policy needs ecs:ListClusters)\n");
    }

    @Test
    void aReaderThatCannotBeBuiltIsAConfigurationError() {
        assertThat(run(s -> Either.left("no AWS region: pass --region, set AWS_REGION, or set region in your profile in ~/.aws/config"),
                false, "--once")).isEqualTo(2);
        assertOneLine(err());
    }

    @Test
    void anUnexpectedExceptionIsOneLineAndExit1() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("prod"), r -> { throw new IllegalStateException("boom"); });
        assertThat(run(reader, "--once")).isEqualTo(1);
        assertOneLine(err());
        assertThat(err()).contains("internal error: java.lang.IllegalStateException: boom");
    }

    @Test
    void flagsReachTheSettings() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("p"), r -> Either.right(Fixtures.storage()));
        env.put("AWS_REGION", "eu-west-1");
        assertThat(run(reader, "--once", "--region", "eu-west-2", "--endpoint-url", "http://127.0.0.1:4566",
                "--refresh", "30s", "--ascii")).isZero();
        assertThat(seenSettings.region()).contains("eu-west-2");
        assertThat(seenSettings.endpointUrl()).contains("http://127.0.0.1:4566");
        assertThat(seenSettings.refresh()).hasSeconds(30);
        assertThat(seenSettings.ascii()).isTrue();
        assertThat(out()).contains("#").doesNotContain("█");
    }
}
