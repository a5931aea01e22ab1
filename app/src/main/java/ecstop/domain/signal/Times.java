package ecstop.domain.signal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times and durations as signals print them: UTC to the minute, durations in two units. */
public final class Times {
    private Times() {}

    /** "2026-11-20T10:00Z". */
    public static String minute(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES).toString().replace(":00Z", "Z");
    }

    /** "45s", "12m", "3h 5m", "2d 4h". */
    public static String brief(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86_400) {
            return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + "m");
        }
        return s / 86_400 + "d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + "h");
    }
}
