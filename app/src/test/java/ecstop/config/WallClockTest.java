package ecstop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test runs' clock: whole seconds either way, and nothing that could stop a run. */
class WallClockTest {
    @Test
    void anOffsetIsWholeSecondsEitherWayAndAnythingElseMovesNothing() {
        assertThat(WallClock.offset("259200")).isEqualTo(Duration.ofDays(3));
        assertThat(WallClock.offset("+72000")).isEqualTo(Duration.ofHours(20));
        assertThat(WallClock.offset("-3600")).isEqualTo(Duration.ofHours(-1));
        assertThat(WallClock.offset(null)).isZero();
        assertThat(WallClock.offset(" ")).isZero();
        assertThat(WallClock.offset("tomorrow")).isZero();
    }

    @Test
    void aProcessStartedWithTheVariableReadsTheMovedClock() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Now.class.getName()).redirectErrorStream(true);
        pb.environment().put(WallClock.OFFSET_VARIABLE, String.valueOf(Duration.ofDays(30).toSeconds()));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).isZero();
        Instant moved = Instant.parse(out);
        // from the system's clock, not this process's: under the clock matrix this one is moved already
        Instant expected = Instant.now().plus(Duration.ofDays(30));
        assertThat(Duration.between(moved, expected).abs()).as("read %s", moved).isLessThan(Duration.ofMinutes(5));
    }

    /** Prints the clock as the process reads it. */
    public static final class Now {
        public static void main(String[] args) {
            System.out.println(WallClock.utc().instant());
        }
    }

    @Test
    void unsetTheClockIsTheSystemsAndTheVariableIsNotTakenForAMistypedSetting() {
        if (System.getenv(WallClock.OFFSET_VARIABLE) == null) {
            Instant before = Instant.now();
            Instant read = WallClock.utc().instant();
            assertThat(read).isBetween(before, Instant.now());
        }
        assertThat(SettingsLoader.unknownVariables(Map.of(WallClock.OFFSET_VARIABLE, "60", "ECS_TOP_LOKBACK", "3h")))
                .singleElement().asString().contains("ECS_TOP_LOKBACK");
    }
}
