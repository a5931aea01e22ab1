package ecstop.ui.present;

import java.time.Duration;

/** "12s", "3m", "2h", "4d": an age short enough for the status bar. */
final class Ages {
    private Ages() {}

    static String shortly(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) return s + "s";
        if (s < 3_600) return s / 60 + "m";
        if (s < 86_400) return s / 3_600 + "h";
        return s / 86_400 + "d";
    }
}
