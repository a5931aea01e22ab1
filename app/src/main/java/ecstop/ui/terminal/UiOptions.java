package ecstop.ui.terminal;

import ecstop.config.WallClock;
import ecstop.config.ColourMode;
import ecstop.config.Notify;
import ecstop.domain.Governor;
import ecstop.domain.Lookback;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.Thresholds;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.poll.PollSettings;
import ecstop.ui.state.SortOrder;
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
 * @param thresholds warn/hot colour and alert thresholds, with any per-service rules
 * @param ascii    force the ASCII character set (it is also chosen when the locale's charset cannot show blocks)
 * @param colour   AUTO decides from TERM/COLORTERM
 * @param header   shown first in the status bar: profile and region, or the endpoint ("demo · us-east-1")
 * @param clock    the clock for requests and ages; its zone is used for the detail pane's times
 * @param rightsize the rule the right-sizing table applies
 * @param mouse    take clicks and the wheel from the terminal (off: the terminal keeps its own selection)
 * @param sort     the initial sort (what the last session left, or PEAK)
 * @param filter   the initial service filter ("" for none)
 * @param governor the slow cadence while nobody looks and the daily budget ({@link Governor#OFF} by default here)
 * @param alerts   notify when a service crosses its hot threshold
 * @param desktop  the desktop channel for alerts; AUTO decides from the environment
 * @param lastSeen the last session's bars of the cluster to open, painted until the first fetch returns
 */
public record UiOptions(Optional<String> cluster, Lookback lookback, Stat stat, Duration refresh, Thresholds thresholds,
                        boolean ascii, ColourMode colour, String header, Clock clock, RightsizeRule rightsize,
                        boolean mouse, SortOrder sort, String filter, Governor governor, boolean alerts, Notify desktop,
                        Optional<Snapshot> lastSeen) {
    public UiOptions {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(stat, "stat");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(rightsize, "rightsize");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(governor, "governor");
        Objects.requireNonNull(desktop, "desktop");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** The options before any of the later settings: default rule, mouse on, default sort, no filter, no governor, alerts on. */
    public UiOptions(Optional<String> cluster, Lookback lookback, Stat stat, Duration refresh, Thresholds thresholds,
                     boolean ascii, ColourMode colour, String header, Clock clock) {
        this(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock, RightsizeRule.DEFAULT, true,
                SortOrder.PEAK, "", Governor.OFF, true, Notify.AUTO, Optional.empty());
    }

    /** As above with the right-sizing rule and the mouse, as the CLI gives them. */
    public UiOptions(Optional<String> cluster, Lookback lookback, Stat stat, Duration refresh, Thresholds thresholds,
                     boolean ascii, ColourMode colour, String header, Clock clock, RightsizeRule rightsize, boolean mouse) {
        this(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock, rightsize, mouse,
                SortOrder.PEAK, "", Governor.OFF, true, Notify.AUTO, Optional.empty());
    }

    public static UiOptions defaults() {
        return new UiOptions(Optional.empty(), Lookback.hours(24), Stat.MAX, PollSettings.DEFAULT_INTERVAL,
                Thresholds.DEFAULT, false, ColourMode.AUTO, "", WallClock.local());
    }

    /** How the poller paces itself. */
    public PollSettings pollSettings() {
        return PollSettings.every(refresh).with(governor);
    }

    public UiOptions withCluster(String name) {
        return new UiOptions(Optional.ofNullable(name), lookback, stat, refresh, thresholds, ascii, colour, header, clock,
                rightsize, mouse, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withClock(Clock c) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, c,
                rightsize, mouse, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withAscii(boolean a) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, a, colour, header, clock,
                rightsize, mouse, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withColour(ColourMode c) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, c, header, clock,
                rightsize, mouse, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withRightsize(RightsizeRule r) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock,
                r, mouse, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withMouse(boolean m) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock,
                rightsize, m, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withHeader(String h) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, h, clock,
                rightsize, mouse, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withThresholds(Thresholds t) {
        return new UiOptions(cluster, lookback, stat, refresh, t, ascii, colour, header, clock,
                rightsize, mouse, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withRefresh(Duration r) {
        return new UiOptions(cluster, lookback, stat, r, thresholds, ascii, colour, header, clock,
                rightsize, mouse, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withLookback(Lookback l) {
        return new UiOptions(cluster, l, stat, refresh, thresholds, ascii, colour, header, clock,
                rightsize, mouse, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withStat(Stat s) {
        return new UiOptions(cluster, lookback, s, refresh, thresholds, ascii, colour, header, clock,
                rightsize, mouse, sort, filter, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withGovernor(Governor g) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock,
                rightsize, mouse, sort, filter, g, alerts, desktop, lastSeen);
    }

    /** Where the last session on this profile and region left off: sort and filter (cluster, lookback, stat have their own). */
    public UiOptions withView(SortOrder s, String f) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock,
                rightsize, mouse, s, f, governor, alerts, desktop, lastSeen);
    }

    public UiOptions withLastSeen(Optional<Snapshot> s) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock,
                rightsize, mouse, sort, filter, governor, alerts, desktop, s);
    }

    public UiOptions withAlerts(boolean on, Notify n) {
        return new UiOptions(cluster, lookback, stat, refresh, thresholds, ascii, colour, header, clock,
                rightsize, mouse, sort, filter, governor, on, n, lastSeen);
    }
}
