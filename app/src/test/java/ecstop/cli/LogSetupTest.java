package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {
    @TempDir
    Path home;

    @AfterEach
    void reset() {
        LogManager.getLogManager().reset();
    }

    @Test
    void logsGoToAPrivateFileUnderXdgStateHomeAndNeverToTheConsole() throws IOException {
        Path state = home.resolve("state");
        Logger.getLogger("").addHandler(new ConsoleHandler());

        Path file = LogSetup.install(Map.of("XDG_STATE_HOME", state.toString()), home).orElseThrow();
        org.slf4j.LoggerFactory.getLogger("ecstop.test").info("hello {}", "log");
        org.slf4j.LoggerFactory.getLogger("software.amazon.awssdk.request").debug("Authorization: secret");
        org.slf4j.LoggerFactory.getLogger("software.amazon.awssdk.auth").debug("credentials: secret");

        assertThat(file).isEqualTo(state.resolve("ecs-top/ecs-top.log"));
        assertThat(Logger.getLogger("").getHandlers()).hasSize(1).noneMatch(h -> h instanceof ConsoleHandler);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String log = Files.readString(file);
        assertThat(log).contains("INFO ecstop.test: hello log").doesNotContain("secret");
    }

    @Test
    void withoutXdgStateHomeTheLogIsUnderLocalState() {
        assertThat(LogSetup.directory(Map.of(), home)).isEqualTo(home.resolve(".local/state/ecs-top"));
        assertThat(LogSetup.directory(Map.of("XDG_STATE_HOME", "relative"), home)).isEqualTo(home.resolve(".local/state/ecs-top"));
    }

    @Test
    void theFileRotatesWithinItsBoundAndEveryGenerationIsPrivate() throws IOException {
        Path file = home.resolve("x.log");
        PrivateFileHandler h = new PrivateFileHandler(file, 1_000, 3);
        for (int i = 0; i < 200; i++) {
            h.publish(new LogRecord(Level.INFO, "line " + i + " " + "x".repeat(40)));
        }
        h.close();

        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("x.log", "x.log.1", "x.log.2");
        }
        for (String name : new String[] {"x.log", "x.log.1", "x.log.2"}) {
            Path p = home.resolve(name);
            assertThat(Files.size(p)).isLessThanOrEqualTo(1_000);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(file)).contains("line 199");
    }
}
