package ecstop.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real forward proxy for the proxy tests: Debian's tinyproxy in the foreground on a
 * loopback port, with a configuration and log of its own in a temporary directory. Its log
 * names every request it forwarded ("POST http://127.0.0.1:PORT/...") and every tunnel it
 * opened ("CONNECT 127.0.0.1:PORT"). Required in CI (.ci/run installs tinyproxy-bin).
 */
final class TinyProxy implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/tinyproxy");
    private static final Pattern REQUEST = Pattern.compile("Request \\(file descriptor \\d+\\): (\\S+ \\S+)");
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;
    private final int port;

    private TinyProxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts one, or skips the test where tinyproxy is missing outside CI. */
    static TinyProxy start(Path dir) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            if (System.getenv("CI") != null) {
                fail("CI needs tinyproxy for the proxy tests: apt-get install -y tinyproxy-bin (.ci/run does)");
            }
            Assumptions.abort("tinyproxy is not installed");
        }
        // a free port can be taken between our probe and tinyproxy's bind: try a few
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path log = dir.resolve("tinyproxy-" + port + ".log");
            Path conf = Files.writeString(dir.resolve("tinyproxy-" + port + ".conf"), String.join("\n",
                    "Port " + port,
                    "Listen 127.0.0.1",
                    "Timeout 30",
                    "LogFile \"" + log + "\"",
                    "LogLevel Connect",
                    "MaxClients 50",
                    "Allow 127.0.0.1",
                    ""), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(BINARY.toString(), "-d", "-c", conf.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("tinyproxy-" + port + ".out").toFile()).start();
            if (awaitListening(p, port)) {
                return new TinyProxy(p, log, port);
            }
            p.destroyForcibly();
        }
        return fail("tinyproxy did not start listening; see its .out and .log files in " + dir);
    }

    /** http://127.0.0.1:PORT */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** "POST http://127.0.0.1:1234/" and "CONNECT 127.0.0.1:1234" lines, in order. */
    List<String> requests() {
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            Matcher m = REQUEST.matcher(Files.readString(log, StandardCharsets.UTF_8));
            return m.results().map(r -> r.group(1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitListening(Process p, int port) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < end && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
