package ecstop.cli;

import ecstop.config.WallClock;
import static org.assertj.core.api.Assertions.assertThat;

import ecstop.emulator.Accounts;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import ecstop.testing.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --demo} reads --region and --profile as an account does, through Main, the real
 * reader, SDK and HTTP: each answer is compared with the same command against the same
 * accounts served by a standalone emulator ({@code --endpoint-url}, real credentials from
 * private AWS files), which is how the issue found the demo wrong. Rows are compared by
 * profile, region, cluster and service, never by figure: the demo's figures follow the wall
 * clock, and the two runs are moments apart.
 */
class DemoRegionsTest {
    @RegisterExtension
    static final EmulatorExtension STANDALONE = EmulatorExtension.serving(
            Accounts.demo(EmulatorConfig.DEFAULT_SEED, Fleet.DEFAULT_BIG_CLUSTER_SERVICES, false));

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void privateAwsFiles() throws IOException {
        PrivateAwsFiles.install(home);
        // two profiles for the standalone emulator; the demo must not need them
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = AKIDDEFAULT\n"
                + "aws_secret_access_key = s\n[prod]\naws_access_key_id = AKIDPROD\naws_secret_access_key = s\n"
                + "[staging]\naws_access_key_id = AKIDSTAGING\naws_secret_access_key = s\n");
    }

    @AfterEach
    void restore() {
        PrivateAwsFiles.clear();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        CliEnvironment e = new CliEnvironment(new HashMap<>(), home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, AwsReaders::fromSettings, () -> WallClock.utc().instant(), false, AwsReaders::targets);
        return Main.run(args, e);
    }

    private int demo(String... args) {
        return run(concat(List.of("--demo", "--once"), args));
    }

    private int standalone(String... args) {
        return run(concat(List.of("--once", "--endpoint-url", STANDALONE.endpoint().toString()), args));
    }

    private static String[] concat(List<String> first, String... rest) {
        return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(rest)).toArray(String[]::new);
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    /** The CSV's rows without their figures (the last two columns, cpu and memory). */
    private Set<String> rows() {
        return out().lines().skip(1).map(l -> l.substring(0, l.lastIndexOf(',', l.lastIndexOf(',') - 1)))
                .collect(Collectors.toSet());
    }

    @Test
    void theEuRegionAloneIsTheEuFleetOnly() {
        assertThat(demo("--region", "eu-west-1", "--format", "csv")).isZero();
        Set<String> demoRows = rows();
        assertThat(err()).isEmpty();
        assertThat(out().lines().findFirst()).contains("region,cluster,service,cpu,memory");
        assertThat(demoRows).contains("eu-west-1,checkout-eu,payments", "eu-west-1,media-eu,transcoder")
                .allMatch(r -> r.startsWith("eu-west-1,checkout-eu,") || r.startsWith("eu-west-1,media-eu,"));

        assertThat(standalone("--region", "eu-west-1", "--format", "csv")).isZero();
        assertThat(demoRows).isEqualTo(rows());

        assertThat(demo("--region", "eu-west-1")).isZero();
        assertThat(out()).contains("checkout-eu").contains("media-eu")
                .doesNotContain("storage-prod").doesNotContain("catalogue").doesNotContain("us-east-1");
    }

    @Test
    void anEuClusterIsFoundInItsRegion() {
        assertThat(demo("--cluster", "checkout-eu", "--region", "eu-west-1")).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).contains("CPU · checkout-eu").contains("payments").contains("refunds");
    }

    @Test
    void aRegionWithoutAFleetGetsTheLineAnAccountGets() {
        assertThat(standalone("--region", "ap-south-1")).isEqualTo(3);
        String account = err();
        assertThat(account).isEqualTo("ecs-top: no ECS clusters in this account and region (check --region and --profile)\n");

        assertThat(demo("--region", "ap-south-1")).isEqualTo(3);
        assertThat(err()).isEqualTo(account);
        assertThat(out()).isEmpty();
    }

    @Test
    void aRegionThatIsNoRegionIsRefusedAsAwsRefusesIt() {
        assertThat(run("--once", "--region", "mars-1")).isEqualTo(2);
        String real = err();
        assertThat(real).startsWith("ecs-top: 'mars-1' is not an AWS region").endsWith("\n").hasLineCount(1);

        assertThat(demo("--region", "mars-1")).isEqualTo(2);
        assertThat(err()).isEqualTo(real);
    }

    @Test
    void profilesNameTheTargetsAsAnEndpointsProfilesDo() {
        assertThat(demo("--profile", "prod,staging", "--region", "eu-west-1", "--format", "csv")).isZero();
        Set<String> demoRows = rows();
        assertThat(out().lines().findFirst()).contains("profile,region,cluster,service,cpu,memory");
        assertThat(demoRows).contains("prod,eu-west-1,checkout-eu,payments", "staging,eu-west-1,checkout-eu,payments")
                .allMatch(r -> r.startsWith("prod,eu-west-1,") || r.startsWith("staging,eu-west-1,"));

        assertThat(standalone("--profile", "prod,staging", "--region", "eu-west-1", "--format", "csv")).isZero();
        assertThat(demoRows).isEqualTo(rows());
    }

    @Test
    void withoutARegionTheFleetStillSpansBothAndAClusterIsLookedForInTheFirst() {
        assertThat(demo("--format", "csv")).isZero();
        assertThat(rows().stream().map(r -> r.substring(0, r.indexOf(','))).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("us-east-1", "eu-west-1");

        assertThat(demo("--cluster", "storage-prod")).isZero();
        assertThat(out()).contains("CPU · storage-prod");
    }
}
