package ecstop.cli;

import ecstop.config.WallClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import ecstop.aws.AwsFleetReader;
import ecstop.aws.AwsTarget;
import ecstop.config.RetryPolicy;
import ecstop.emulator.Faults;
import ecstop.emulator.Fleet;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.LogManager;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials never reach the log. A --once run and a TUI session with known access key,
 * secret and session token (the SDK's system-property credentials, the first link of its
 * default chain) against the emulator, with the faults that make the most noise — expired
 * token, access denied, server errors, dropped connections — and then the log files are
 * searched for them.
 */
class LogSecretsTest {
    static final String KEY_ID = "AKIAECSTOPLOGTEST0001";
    static final String SECRET = "ecsTopLogTestSecret/K7MDENG+bPxRfiCYzzzzzzz";
    static final String TOKEN = "IQoJb3JpZ2luX2VjsessionTOKENecstoplogtest0001//////////wEaCXVzLWVhc3QtMSJH";

    @TempDir
    Path home;

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(Map.of("prod", 12), 4));

    @AfterEach
    void reset() {
        List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken").forEach(System::clearProperty);
        LogManager.getLogManager().reset();
    }

    @Test
    void credentialsAndTokensNeverReachTheLog() throws IOException {
        System.setProperty("aws.accessKeyId", KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET);
        System.setProperty("aws.sessionToken", TOKEN);
        Path state = home.resolve("state");
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment cli = new CliEnvironment(env, home, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, AwsReaders::fromSettings, () -> WallClock.utc().instant(), true);

        String[] once = {"--once", "--region", "us-east-1", "--endpoint-url", emulator.endpoint().toString(),
                "--format", "json"};
        assertThat(Main.run(once, cli)).as("the credentials work: %s", err).isZero();
        for (Faults f : List.of(Faults.NONE.withExpiredCredentials(true), Faults.NONE.withDenied("ecs:ListServices"),
                Faults.NONE.withErrorRate(1.0), Faults.NONE.withDropRate(1.0))) {
            emulator.faults(f);
            assertThat(Main.run(once, cli)).isEqualTo(ExitCode.AWS);
        }
        emulator.faults(Faults.NONE);

        // the TUI's poller logs every failed refresh; Main has installed the log by now
        AwsTarget target = new AwsTarget(Optional.empty(), Optional.of("us-east-1"),
                Optional.of(emulator.endpoint()), false, Optional.of(RetryPolicy.STANDARD));
        try (AwsFleetReader reader = AwsFleetReader.create(target).get()) {
            Headless ui = Headless.open(reader, UiOptions.defaults().withCluster("prod")
                    .withClock(Clock.fixed(ecstop.config.WallClock.utc().instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)),
                    new TerminalSize(100, 30)).settle();
            for (Faults f : List.of(Faults.NONE.withExpiredCredentials(true), Faults.NONE.withDenied("GetMetricData"),
                    Faults.NONE.withErrorRate(1.0), Faults.NONE)) {
                emulator.faults(f);
                ui.advance(Duration.ofSeconds(60));
            }
            ui.poller().close();
        }

        Path dir = state.resolve("ecs-top");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ecs-top.log"))))
                .isEqualTo("rw-------");
        String log;
        try (Stream<Path> files = Files.list(state.resolve("ecs-top"))) {
            log = files.map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
        assertThat(log).as("the session was logged")
                .contains("once: cluster prod").contains("expired").contains("access denied").contains("snapshot of prod failed");
        assertThat(log).doesNotContain(KEY_ID).doesNotContain(SECRET).doesNotContain(TOKEN)
                .doesNotContain(SECRET.substring(0, 12)).doesNotContain(TOKEN.substring(0, 16))
                .doesNotContainIgnoringCase("x-amz-security-token").doesNotContain("Credential=");
    }
}
