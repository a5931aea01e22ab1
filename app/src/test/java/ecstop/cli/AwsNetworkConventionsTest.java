package ecstop.cli;

import ecstop.config.WallClock;
import static org.assertj.core.api.Assertions.assertThat;

import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Faults;
import ecstop.emulator.Fleet;
import ecstop.emulator.Tls;
import ecstop.testing.EmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI's network conventions through the real command line, the real SDK clients
 * and real HTTP: a real forward proxy (tinyproxy, on loopback) named by HTTPS_PROXY or
 * HTTP_PROXY and skipped for NO_PROXY hosts; an emulator served over TLS with a private CA
 * that only AWS_CA_BUNDLE or the profile's ca_bundle makes trusted; and the retries
 * AWS_MAX_ATTEMPTS, AWS_RETRY_MODE and the profile's max_attempts and retry_mode ask for,
 * counted by the emulator. The AWS config file and credentials are the test's own (the
 * SDK's system properties), as in BadInputTest (PrivateAwsFiles).
 */
class AwsNetworkConventionsTest {
    /** A CA and a server certificate for the whole class: keytool takes a few seconds. */
    @TempDir
    static Path keys;

    private static TestCa ca;

    @TempDir
    Path home;

    /** Each test's emulators and proxies, closed after it. */
    @RegisterExtension
    final EmulatorExtension emulators = EmulatorExtension.onDemand();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> env = new HashMap<>();
    private Path awsConfig;

    @BeforeAll
    static void makeCa() {
        ca = TestCa.create(keys);
    }

    @BeforeEach
    void privateAwsFiles() throws IOException {
        awsConfig = PrivateAwsFiles.install(home);
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "secret");
    }

    @AfterEach
    void restore() {
        PrivateAwsFiles.clear();
    }

    @Test
    void httpProxyCarriesEveryCallToAnHttpEndpoint() throws IOException {
        Emulator emulator = emulator();
        TinyProxy proxy = proxy();
        env.put("HTTP_PROXY", proxy.url());
        // the other scheme's proxy is not for this endpoint: were it used, nothing would answer
        env.put("HTTPS_PROXY", "http://127.0.0.1:9");

        assertThat(once(emulator)).as(err()).isZero();

        assertThat(out()).contains("replicator");
        long calls = emulator.log().snapshot().totalCalls();
        assertThat(calls).isPositive();
        assertThat(proxy.requests()).hasSize((int) calls)
                .allSatisfy(r -> assertThat(r).startsWith("POST " + emulator.endpoint() + "/"));
    }

    @Test
    void noProxyHostsGoDirect() throws IOException {
        Emulator emulator = emulator();
        TinyProxy proxy = proxy();
        env.put("http_proxy", proxy.url());
        env.put("no_proxy", "example.com,127.0.0.1");

        assertThat(once(emulator)).as(err()).isZero();

        assertThat(out()).contains("replicator");
        assertThat(emulator.log().snapshot().totalCalls()).isPositive();
        assertThat(proxy.requests()).isEmpty();
    }

    @Test
    void aProxyThatIsNotThereIsANetworkFailureNotASilentDetour() {
        Emulator emulator = emulator();
        env.put("HTTP_PROXY", "http://127.0.0.1:9");
        env.put("AWS_MAX_ATTEMPTS", "1");

        assertThat(once(emulator)).isEqualTo(3);
        assertThat(err()).startsWith("ecs-top: cannot reach AWS");
        assertThat(emulator.log().snapshot().totalCalls()).isZero();
    }

    @Test
    void tlsWithAPrivateCaNeedsItsBundle() throws Exception {
        Emulator emulator = tlsEmulator();
        env.put("AWS_MAX_ATTEMPTS", "1");

        assertThat(once(emulator)).as("the runtime's own trust store does not know the CA").isEqualTo(3);
        assertThat(err()).startsWith("ecs-top: cannot reach AWS").contains("certification path");
        assertThat(emulator.log().snapshot().totalCalls()).as("no request gets past the handshake").isZero();

        reset();
        env.put("AWS_CA_BUNDLE", ca.caPem().toString());
        assertThat(once(emulator)).as(err()).isZero();
        assertThat(out()).contains("replicator");
    }

    @Test
    void theProfilesCaBundleIsHonouredAndTheVariableWinsOverIt() throws Exception {
        Emulator emulator = tlsEmulator();
        Files.writeString(awsConfig, "[default]\nca_bundle = " + ca.caPem() + "\n");
        assertThat(once(emulator)).as(err()).isZero();
        assertThat(out()).contains("replicator");

        reset();
        Files.writeString(awsConfig, "[profile dev]\nca_bundle = " + ca.caPem()
                + "\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n");
        assertThat(once(emulator, "--profile", "dev")).as(err()).isZero();

        reset();
        env.put("AWS_CA_BUNDLE", keys.resolve("missing.pem").toString());
        assertThat(once(emulator, "--profile", "dev")).isEqualTo(2);
        assertThat(err()).isEqualTo("ecs-top: AWS_CA_BUNDLE: " + keys.resolve("missing.pem") + " does not exist\n");
    }

    @Test
    void httpsGoesThroughTheProxyAsATunnel() throws Exception {
        Emulator emulator = tlsEmulator();
        TinyProxy proxy = proxy();
        env.put("HTTPS_PROXY", proxy.url());
        env.put("AWS_CA_BUNDLE", ca.caPem().toString());

        assertThat(once(emulator)).as(err()).isZero();

        assertThat(out()).contains("replicator");
        String authority = emulator.endpoint().getAuthority();
        // one tunnel per connection, and the connections are kept alive: at least one, at most one per call
        assertThat(proxy.requests()).isNotEmpty().allSatisfy(r -> assertThat(r).isEqualTo("CONNECT " + authority))
                .hasSizeLessThanOrEqualTo((int) emulator.log().snapshot().totalCalls());
    }

    @Test
    void maxAttemptsAndRetryModeDecideHowOftenAFailingCallIsMade() throws IOException {
        Emulator emulator = emulator(b -> b.faults(Faults.NONE.withErrorRate(1.0)));

        assertThat(listClustersAttempts(emulator)).as("standard mode's own 3").isEqualTo(3);

        env.put("AWS_RETRY_MODE", "legacy");
        assertThat(listClustersAttempts(emulator)).as("legacy mode's own 4").isEqualTo(4);

        env.put("AWS_MAX_ATTEMPTS", "2");
        assertThat(listClustersAttempts(emulator)).isEqualTo(2);

        env.clear();
        Files.writeString(awsConfig, "[default]\nmax_attempts = 5\nretry_mode = standard\n");
        assertThat(listClustersAttempts(emulator)).as("the profile's max_attempts").isEqualTo(5);

        env.put("AWS_MAX_ATTEMPTS", "1");
        assertThat(listClustersAttempts(emulator)).as("the variable over the profile").isEqualTo(1);

        env.clear();
        Files.writeString(awsConfig, "[default]\nretry_mode = legacy\n");
        assertThat(listClustersAttempts(emulator)).as("the profile's retry_mode").isEqualTo(4);

        env.put("ECS_TOP_RETRY_MODE", "standard");
        assertThat(listClustersAttempts(emulator)).as("ecs-top's own setting over the profile's").isEqualTo(3);
    }

    @Test
    void aBadRetrySettingIsOneLineAndExit2() {
        Emulator emulator = emulator();
        env.put("AWS_MAX_ATTEMPTS", "three");
        assertThat(once(emulator)).isEqualTo(2);
        assertThat(err()).isEqualTo("ecs-top: AWS_MAX_ATTEMPTS 'three' is not a number of attempts; "
                + "use a whole number from 1 (1: no retries)\n");
        assertThat(emulator.log().snapshot().totalCalls()).isZero();
    }

    /** --once without --cluster: the first call is ListClusters, which the emulator fails every time. */
    private long listClustersAttempts(Emulator emulator) {
        emulator.log().reset();
        reset();
        assertThat(run("--once", "--region", "us-east-1", "--endpoint-url", emulator.endpoint().toString()))
                .as(err()).isEqualTo(3);
        assertThat(err()).contains("ecs:ListClusters");
        return emulator.log().snapshot().calls("ListClusters");
    }

    private int once(Emulator emulator, String... more) {
        List<String> args = new ArrayList<>(List.of("--once", "--region", "us-east-1",
                "--endpoint-url", emulator.endpoint().toString(), "--cluster", "storage-prod"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private int run(String... args) {
        CliEnvironment e = new CliEnvironment(env, home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, s -> AwsReaders.fromSettings(s, env), () -> WallClock.utc().instant(), false);
        return Main.run(args, e);
    }

    private Emulator emulator() {
        return emulator(b -> b);
    }

    /** The demo fleet, with {@code knobs}. */
    private Emulator emulator(UnaryOperator<EmulatorConfig.Builder> knobs) {
        return emulators.start(b -> knobs.apply(b.fleet(Fleet.demo(EmulatorConfig.DEFAULT_SEED))));
    }

    private Emulator tlsEmulator() throws Exception {
        SSLContext tls = Tls.fromKeyStore(ca.serverKeyStore(), ca.password());
        Emulator e = emulator(b -> b.tls(tls));
        assertThat(e.endpoint().getScheme()).isEqualTo("https");
        return e;
    }

    private TinyProxy proxy() throws IOException {
        return emulators.closing(TinyProxy.start(home));
    }

    private void reset() {
        out.reset();
        err.reset();
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private String err() { return err.toString(StandardCharsets.UTF_8); }
}
