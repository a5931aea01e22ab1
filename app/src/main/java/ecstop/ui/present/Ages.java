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

    /** An interval as the status bar names it: "60s", "10m", "3m" (175 s rounds to the nearest minute), "2h". */
    static String interval(Duration d) {
        long s = Math.max(0, d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
        if (s < 120) return s + "s";
        if (s < 7_200) return Math.round(s / 60.0) + "m";
        if (s < 172_800) return Math.round(s / 3_600.0) + "h";
        return Math.round(s / 86_400.0) + "d";
    }
}
