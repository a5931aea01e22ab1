package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `ecs-top emulator` as the CLI runs it: flags in, one line out, served until interrupted. */
class EmulatorCommandTest {
    static final Pattern LINE = Pattern.compile("ecs-top emulator listening on (http://127\\.0\\.0\\.1:\\d+) \\(Ctrl-C to stop\\)\\R");

    @Test
    void servesTheDemoWithItsKnobsUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new EmulatorCommand());
        cli.setOut(new PrintWriter(out, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(cli.execute("--port", "0", "--demo-services", "12",
                "--deny", "cloudwatch:GetMetricData", "--latency", "1ms", "--seed", "9")));
        serving.start();
        URI endpoint = awaitEndpoint(out);

        RawHttp.Response services = RawHttp.ecs(endpoint, "ListServices", "{\"cluster\":\"catalogue\",\"maxResults\":100}");
        RawHttp.Response metrics = RawHttp.cloudWatchJson(endpoint, "GetMetricData", "{}");
        serving.interrupt();
        serving.join(10_000);

        assertThat(out.toString()).matches(LINE);
        assertThat(services.json().path("serviceArns")).hasSize(12);
        assertThat(metrics.header("x-amzn-query-error")).isEqualTo("AccessDenied;Sender");
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThatThrownBy(() -> RawHttp.ecs(endpoint, "ListClusters", "{}")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aRateOutsideZeroToOneIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EmulatorCommand());
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("--port", "0", "--throttle-rate", "2");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("throttleRate must be in [0, 1]");
    }

    @Test
    void aLatencyWithoutAUnitIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new EmulatorCommand());
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("--latency", "50")).isEqualTo(2);
        assertThat(err.toString()).contains("needs a unit");
    }

    @Test
    void latenciesReadAsPeopleWriteThem() {
        DurationConverter c = new DurationConverter();

        assertThat(c.convert("50ms")).isEqualTo(Duration.ofMillis(50));
        assertThat(c.convert("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.convert("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.convert("0")).isEqualTo(Duration.ZERO);
        assertThat(c.convert("PT0.25S")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void helpListsEveryKnob() {
        String usage = new CommandLine(new EmulatorCommand()).getUsageMessage();

        assertThat(usage).contains("--port", "--seed", "--demo-services", "--latency", "--token-buckets",
                "--throttle-rate", "--error-rate", "--drop-rate", "--deny", "--expired-credentials");
    }

    /** Waits for the one line the command prints once it listens (not a timing assertion). */
    private static URI awaitEndpoint(StringWriter out) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Matcher m = LINE.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the emulator never said it was listening: " + out);
    }
}
