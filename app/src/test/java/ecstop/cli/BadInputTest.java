package ecstop.cli;

import ecstop.config.WallClock;
import static org.assertj.core.api.Assertions.assertThat;

import ecstop.emulator.Emulator;
import ecstop.emulator.Fleet;
import ecstop.emulator.SimService;
import ecstop.testing.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real command line and the real SDK: the AWS config and credentials
 * files are temporary ones (the SDK's aws.configFile and aws.sharedCredentialsFile
 * settings), instance metadata is off, and calls go to an emulator. One clear line on
 * stderr each, the exit code that fits, never a stack trace.
 */
class BadInputTest {
    @TempDir
    Path home;

    @RegisterExtension
    final EmulatorExtension emulators = EmulatorExtension.onDemand();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();
    private Path awsConfig;

    @BeforeEach
    void privateAwsFiles() throws IOException {
        awsConfig = PrivateAwsFiles.install(home);
    }

    @AfterEach
    void restore() {
        PrivateAwsFiles.clear();
    }

    private int run(String... args) {
        CliEnvironment e = new CliEnvironment(env, home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, AwsReaders::fromSettings, () -> WallClock.utc().instant(), false);
        return Main.run(args, e);
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    /** Exactly one line on stderr, and no stack trace anywhere. */
    private String oneLine() {
        String e = err();
        assertThat(e).endsWith("\n").startsWith("ecs-top: ");
        assertThat(e.strip()).doesNotContain("\n");
        assertThat(e + out()).doesNotContain("\tat ").doesNotContain("Exception:");
        return e.strip();
    }

    private String emulator(Fleet fleet) {
        Emulator emulator = emulators.start(fleet);
        System.setProperty("aws.accessKeyId", "AKIDBADINPUT");
        System.setProperty("aws.secretAccessKey", "bad-input-secret");
        return emulator.endpoint().toString();
    }

    @Test
    void anUnknownProfileNamesTheFilesAndTheProfilesThere() throws IOException {
        Files.writeString(awsConfig, "[default]\nregion = eu-west-1\n[profile dev]\nregion = eu-west-2\n");
        assertThat(run("--once", "--profile", "nope")).isEqualTo(2);
        assertThat(oneLine()).isEqualTo("ecs-top: no profile 'nope' in " + awsConfig + " or "
                + home.resolve(".aws/credentials") + "; profiles: default, dev");
    }

    @Test
    void aRegionThatIsNoRegionIsSaidAtOnceNotAsADnsFailure() {
        assertThat(run("--once", "--region", "mars-1")).isEqualTo(2);
        assertThat(oneLine()).isEqualTo("ecs-top: 'mars-1' is not an AWS region (regions look like eu-west-1 or"
                + " us-east-1); check --region, AWS_REGION and the profile's region");
    }

    @Test
    void noRegionAnywhere() {
        assertThat(run("--once")).isEqualTo(2);
        assertThat(oneLine()).contains("no AWS region").contains("--region");
    }

    @Test
    void noCredentialsAnywhere() {
        String endpoint = emulator(Fleet.demo(1));
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        assertThat(run("--once", "--region", "us-east-1", "--endpoint-url", endpoint)).isEqualTo(3);
        assertThat(oneLine()).isEqualTo(
                "ecs-top: no AWS credentials found (set AWS_PROFILE or --profile, or run aws configure)");
    }

    @Test
    void aMalformedAwsConfigNamesTheFileAndTheLine() throws IOException {
        Files.writeString(awsConfig, "[default]\nregion = eu-west-1\n[profile broken\nregion = x\n");
        assertThat(run("--once", "--region", "eu-west-1")).isEqualTo(2);
        assertThat(oneLine()).isEqualTo("ecs-top: cannot read " + awsConfig
                + ": Profile definition must end with ']' on line 3");
    }

    @Test
    void aMalformedEcsTopConfigNamesTheFileAndTheLine() throws IOException {
        Path config = Files.writeString(home.resolve("ecs-top.properties"), "lookback = 6h\nthis line has no equals\n");
        assertThat(run("--once", "--config", config.toString())).isEqualTo(2);
        assertThat(oneLine()).startsWith("ecs-top: " + config + ":2: ");
    }

    @Test
    void aConfigWithThreeBadLinesGetsALineForEachInOneRun() throws IOException {
        Path config = Files.writeString(home.resolve("ecs-top.properties"),
                "lookback = forever\nstat = max\nhot = hot\ncolour = mauve\n");
        assertThat(run("--once", "--config", config.toString())).isEqualTo(2);
        assertThat(err().lines().toList()).hasSize(3).allMatch(l -> l.startsWith("ecs-top: " + config + ":"));
        assertThat(err()).contains(config + ":1: lookback").contains(config + ":3: hot").contains(config + ":4: colour")
                .doesNotContain(":2:");
        assertThat(out()).isEmpty();
    }

    @Test
    void aClusterThatDoesNotExistListsTheOnesThatDo() {
        String endpoint = emulator(Fleet.of(Map.of("alpha", 2, "beta", 0), 1));
        assertThat(run("--once", "--region", "us-east-1", "--endpoint-url", endpoint, "--cluster", "gamma")).isEqualTo(2);
        assertThat(oneLine()).isEqualTo("ecs-top: no cluster 'gamma' in this account and region; clusters: alpha, beta");
    }

    @Test
    void zeroClusters() {
        String endpoint = emulator(Fleet.builder(1).build());
        assertThat(run("--once", "--region", "us-east-1", "--endpoint-url", endpoint)).isEqualTo(3);
        assertThat(oneLine()).isEqualTo("ecs-top: no ECS clusters in this account and region (check --region and --profile)");
    }

    @Test
    void zeroServicesSayNoServicesInEveryFormat() {
        String endpoint = emulator(Fleet.builder(1).cluster("empty", 1, List.of()).build());
        String[] args = {"--once", "--region", "us-east-1", "--endpoint-url", endpoint};
        assertThat(run(args)).isZero();
        assertThat(out()).contains("CPU · empty").contains("(no services)").contains("0 services");
        out.reset();
        assertThat(run(append(args, "--format", "json"))).isZero();
        assertThat(out()).contains("\"cluster\" : \"empty\"").containsPattern("\"services\" : \\[ *\\]");
        out.reset();
        assertThat(run(append(args, "--format", "csv"))).isZero();
        assertThat(out().lines()).hasSize(1);
        assertThat(err()).isEmpty();
    }

    @Test
    void oddNamesAndValuesAreHarmlessInEveryFormat() {
        String evil = "odd\u001b[2J\u001b]0;pwned\u0007-サービス\u202e";
        String endpoint = emulator(Fleet.builder(1).cluster("odd", 1, List.of(
                SimService.running(evil, SimService.EC2, 2),
                SimService.running("long-" + "x".repeat(400), SimService.EC2, 1),
                SimService.running("idle", SimService.EC2, 1).idle(1, 0))).build());
        String[] args = {"--once", "--region", "us-east-1", "--endpoint-url", endpoint};
        for (String format : List.of("text", "json", "csv")) {
            out.reset();
            assertThat(run(append(args, "--format", format))).as(format).isZero();
            assertThat(out()).as(format).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e")
                    .contains("サービス");
        }
        assertThat(out()).as("csv").contains("odd?[2J?]0;pwned?-サービス?");
        out.reset();
        assertThat(run(append(args, "--format", "json"))).isZero();
        assertThat(out()).as("json keeps the name, escaped").contains("odd\\u001B[2J\\u001B]0;pwned\\u0007-サービス\\u202E");
        assertThat(err()).isEmpty();
    }

    @Test
    void nanNegativeAndTenThousandPercentPrintAsWhatTheyAre() {
        Fixtures.StubReader reader = new Fixtures.StubReader(List.of("odd"), r -> io.vavr.control.Either.right(
                Fixtures.snapshot("odd", List.of(
                        Fixtures.usage("nan", Double.NaN, Double.NaN),
                        Fixtures.usage("negative", -5.0, -0.5),
                        Fixtures.usage("huge", 10_000.0, 12.0)), Map.of())));
        CliEnvironment e = new CliEnvironment(env, home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, settings -> io.vavr.control.Either.right(reader), () -> WallClock.utc().instant(), false);
        assertThat(Main.run(new String[] {"--once"}, e)).isZero();
        assertThat(out()).contains("huge     10000.0% " + "█".repeat(TextReport.BAR_WIDTH))
                .contains("negative   -2.5% \n").containsPattern("nan +no data").doesNotContain("NaN");
        out.reset();
        assertThat(Main.run(new String[] {"--once", "--format", "json"}, e)).isZero();
        assertThat(out()).contains("\"cpu\" : null").contains("\"cpu\" : -2.5").contains("\"cpu\" : 10000.0")
                .doesNotContain("NaN");
        out.reset();
        assertThat(Main.run(new String[] {"--once", "--format", "csv"}, e)).isZero();
        assertThat(out()).contains("\r\nhuge,10000.0,12.0,").contains("\r\nnan,,,").contains("\r\nnegative,-2.5,-0.5,");
        assertThat(err()).isEmpty();
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
