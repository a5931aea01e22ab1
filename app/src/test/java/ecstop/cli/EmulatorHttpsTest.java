package ecstop.cli;

import ecstop.config.WallClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ecs-top emulator --tls-keystore` serves HTTPS that a client nobody here wrote, Debian's
 * awscli, accepts when given the CA (--ca-bundle) and refuses without it. Required in CI,
 * like DebianAwsCliTest; skipped elsewhere without /usr/bin/aws.
 */
class EmulatorHttpsTest {
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final Pattern LISTENING = Pattern.compile("listening on (https://127\\.0\\.0\\.1:\\d+) ");

    @TempDir
    Path dir;

    @Test
    void awscliTalksToTheEmulatorOverTlsWithTheCaBundle() throws Exception {
        if (!Files.isExecutable(AWS)) {
            if (System.getenv("CI") != null) {
                fail("CI needs Debian's awscli: apt-get install -y awscli (.ci/run does)");
            }
            Assumptions.abort("Debian's awscli is not installed");
        }
        TestCa ca = TestCa.create(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliEnvironment env = new CliEnvironment(Map.of(), dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false,
                s -> { throw new AssertionError("the emulator reads no AWS"); }, () -> WallClock.utc().instant(), false);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(Main.run(new String[] {"emulator", "--port", "0",
                "--tls-keystore", ca.serverKeyStore().toString(), "--tls-password", new String(ca.password())}, env)));
        serving.start();
        try {
            String endpoint = awaitEndpoint(out);

            Processes.Result trusted = aws(endpoint, "--ca-bundle", ca.caPem().toString());
            assertThat(trusted.exit()).as(trusted.describe()).isZero();
            assertThat(trusted.out()).contains("cluster/storage-prod");

            Processes.Result untrusted = aws(endpoint);
            assertThat(untrusted.exit()).as(untrusted.describe()).isNotZero();
            assertThat(untrusted.err()).containsIgnoringCase("certificate");
        } finally {
            serving.interrupt();
            serving.join(10_000);
        }
        assertThat(exit.get()).isZero();
    }

    private Processes.Result aws(String endpoint, String... more) {
        List<String> command = new java.util.ArrayList<>(List.of(AWS.toString(), "--endpoint-url", endpoint,
                "--output", "json", "ecs", "list-clusters"));
        command.addAll(List.of(more));
        return Processes.run(command, Map.of(
                "PATH", "/usr/bin:/bin",
                "HOME", dir.toString(),
                "LANG", "C.UTF-8",
                "AWS_ACCESS_KEY_ID", "AKIDEMULATOR",
                "AWS_SECRET_ACCESS_KEY", "emulator-secret",
                "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_CONFIG_FILE", dir.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString()), dir, 120);
    }

    private static String awaitEndpoint(ByteArrayOutputStream out) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            Matcher m = LISTENING.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(20);
        }
        return fail("the emulator never said where it listens: " + out.toString(StandardCharsets.UTF_8));
    }
}
