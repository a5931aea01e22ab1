package ecstop.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The wall clock every process of ecs-top reads, moved by {@value #OFFSET_VARIABLE} (whole
 * seconds, may be negative) when it is set: {@code .ci/clock-matrix} runs the suite at other
 * moments this way. The variable is inherited, so Maven, the forked test JVM, the apps the
 * tests start (in tmux too) and the emulators see the same moment while time still passes.
 * Not a user setting (the README names it under Development). libfaketime did the same from
 * outside but slowed the JVM 50-100 fold (its clock_gettime wrapper sits under every
 * System.nanoTime), which put a whole run out of reach.
 */
public final class WallClock {
    public static final String OFFSET_VARIABLE = "ECS_TOP_CLOCK_OFFSET_SECONDS";
    private static final Duration OFFSET = offset(System.getenv(OFFSET_VARIABLE));

    private WallClock() {}

    /** UTC, as the process should read it. */
    public static Clock utc() {
        return moved(Clock.systemUTC());
    }

    /** The system's zone, as the process should read it. */
    public static Clock local() {
        return moved(Clock.systemDefaultZone());
    }

    /** The same clock in {@code zone}. */
    public static Clock in(ZoneId zone) {
        return moved(Clock.system(zone));
    }

    private static Clock moved(Clock c) {
        return OFFSET.isZero() ? c : Clock.offset(c, OFFSET);
    }

    /** An unset, empty or malformed value moves nothing: a test run must not die of it. */
    static Duration offset(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(seconds.strip().replace("+", "")));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
