package ecstop.ui.terminal;

import ecstop.config.ColourMode;
import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import ecstop.domain.Thresholds;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.poll.PollSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CLI hands the TUI.
 *
 * @param cluster  the cluster to open at start; empty: the picker (or the only cluster)
 * @param lookback the initial lookback (+/- step through Lookback.STEPS)
 * @param stat     the initial statistic (a toggles)
 * @param refresh  the refresh interval (60 s by default)
 * @param thresholds warn/hot colour thresholds
 * @param ascii    force the ASCII character set (it is also chosen when the locale's charset cannot show blocks)
 * @param colour   AUTO decides from TERM/COLORTERM
 * @param header   shown first in the status bar: profile and region, or the endpoint ("demo · us-east-1")
 * @param clock    the clock for requests and ages; its zone is used for the detail pane's times
 * @param rightsize the rule the right-sizing table applies
 * @param mouse    take clicks and the wheel from the terminal (off: the terminal keeps its own selection)
 */
public record UiOptions(Optional<String> cluster, Lookback lookback, Stat stat, Duration refresh, Thresholds thresholds,
                        boolean ascii, ColourMode colour, String header, Clock clock, RightsizeRule rightsize,
                        boolean mouse) {
    public UiOptions {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(stat, "stat");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(rightsize, "rightsize");
        header = header == null ? "" : header;
        PollSettings.every(refresh); // validates the interval
    }

    public UiOptions(Optional<String> cluster, Lookback lookback, Stat stat, Duration refresh, Thresholds thresholds,
                     boolean ascii, ColourMode colour, String header, Clock clock) {
        this(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock, RightsizeRule.DEFAULT, true);
    }

    public static UiOptions defaults() {
        return new UiOptions(Optional.empty(), Lookback.hours(24), Stat.MAX, PollSettings.DEFAULT_INTERVAL,
                Thresholds.DEFAULT, false, ColourMode.AUTO, "", Clock.systemDefaultZone());
    }

    public UiOptions withCluster(String name) {
        return new UiOptions(Optional.ofNullable(name), lookback, stat, refresh, thresholds, ascii, colour, header, clock, rightsize, mouse);
    }

    public UiOptions withClock(Clock c) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, c, rightsize, mouse);
    }

    public UiOptions withAscii(boolean a) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, a, colour, header, clock, rightsize, mouse);
    }

    public UiOptions withColour(ColourMode c) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, c, header, clock, rightsize, mouse);
    }

    public UiOptions withRightsize(RightsizeRule r) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock, r, mouse);
    }

    public UiOptions withMouse(boolean m) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock, rightsize, m);
    }

    public UiOptions withHeader(String h) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, h, clock, rightsize, mouse);
    }
}
