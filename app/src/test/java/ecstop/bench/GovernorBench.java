package ecstop.bench;

import static ecstop.bench.BenchReport.ordered;
import static ecstop.bench.Stats.f;
import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import ecstop.aws.AwsFleetReader;
import ecstop.aws.BenchReaders;
import ecstop.domain.Governor;
import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import ecstop.ui.terminal.Headless;
import ecstop.ui.terminal.UiOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's cost figure: a day of ecs-top left open on a 100-service cluster, simulated on a
 * stepped clock — Headless (the real App, Poller, Cadence, State and panes) on the production
 * AwsFleetReader, real SDK clients and HTTP, against the emulator, whose clock is the same
 * stepped one — and billed by the emulator's own count of metrics requested ($0.01 per 1,000).
 * The person looks four times a day for 15 minutes (1 h focused, 23 h unfocused), pressing a
 * key every 5 minutes while there. Four ways to run it: today's default before the governor
 * (every 60 s all day); the governor as configured by default (focus reports, as tmux sends
 * them with focus-events on, and the $1.00 budget, which such a day never reaches); the same
 * without a budget; and the governor without focus reports, where only keys tell (15 minutes
 * without one counts as away). A fifth is the budget's own case: someone watches all 24
 * hours, so attention saves nothing and the budget alone must hold the day to $1.00.
 *
 * <p>Freshness: after every focus-in (or, without focus reports, the first key of a visit),
 * whether the data on screen was fetched at or after that moment, and how long that refresh
 * took on the wall clock with the emulator answering every call 50 ms late (the fetch
 * benchmark's setting); on the stepped clock a fetch takes no time. Fetched at the focus-in
 * and on screen within that wall time, the data is that many milliseconds old when it appears.
 */
class GovernorBench {
    static final int SERVICES = 100;
    static final Instant MIDNIGHT = Instant.parse("2026-11-20T00:00:00Z");
    /** When the person looks: four visits of 15 minutes. */
    static final List<Duration> VISITS = List.of(Duration.ofHours(9), Duration.ofHours(12), Duration.ofHours(15),
            Duration.ofHours(18));
    static final Duration VISIT = Duration.ofMinutes(15);
    static final Duration KEY_EVERY = Duration.ofMinutes(5);
    static final Duration LATENCY = Duration.ofMillis(50);
    static final double TARGET_USD = 0.50;
    static final long TARGET_AGE_SECONDS = 5;
    static final double USD_PER_METRIC = 0.01 / 1000;

    enum Way {
        DEFAULT("before the governor: every 60 s all day", Governor.OFF, true),
        FOCUS("governor as shipped: focus reports, 10 min unfocused, $1.00 budget", Governor.DEFAULT, true),
        NO_BUDGET("the same with budget = 0: 60 s while focused", new Governor(Duration.ofMinutes(10),
                Duration.ofMinutes(15), 0), true),
        KEYS("governor without focus reports: keys only, away 15 min after the last", Governor.DEFAULT, false),
        WATCHED("watched all 24 h (focused, a key every 5 min), $1.00 budget", Governor.DEFAULT, true);

        final String label;
        final Governor governor;
        final boolean focusReports;

        Way(String label, Governor governor, boolean focusReports) {
            this.label = label;
            this.governor = governor;
            this.focusReports = focusReports;
        }

        /** The budget's own case: someone looks all day, and the budget, not attention, must hold the cost. */
        boolean watchedAllDay() { return this == WATCHED; }
    }

    record Day(Way way, long refreshes, long getMetricData, long calls, long metrics, double usd, boolean freshAtEveryReturn,
               long maxFocusInMillis, String focusedPace) {}

    @Test
    void aDayLeftOpenCostsUnderFiftyCents() {
        List<Day> days = new ArrayList<>();
        for (Way w : Way.values()) {
            days.add(day(w));
        }
        report(days);
        for (Day d : days.subList(1, days.size())) {
            if (d.way().watchedAllDay()) {
                // a day of refreshes (the first, and the cluster list's, included) within the budget
                assertThat(d.usd()).as("a watched day within the budget").isLessThanOrEqualTo(d.way().governor.budgetUsdPerDay());
                continue;
            }
            assertThat(d.usd()).as("a governed day, by the emulator's count: %s", d.way()).isLessThanOrEqualTo(TARGET_USD);
            assertThat(d.freshAtEveryReturn()).as("data fetched at every return: %s", d.way()).isTrue();
            assertThat(d.maxFocusInMillis()).as("wall time of a return's refresh: %s", d.way())
                    .isLessThan(TARGET_AGE_SECONDS * 1000);
        }
    }

    private static Day day(Way way) {
        AtomicReference<Clock> clock = new AtomicReference<>(Clock.fixed(MIDNIGHT, ZoneOffset.UTC));
        Fleet fleet = Fleet.of(Map.of("prod", SERVICES), 13);
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().fleet(fleet)
                .clock(() -> clock.get().instant()).build());
             AwsFleetReader reader = BenchReaders.onClock(emulator.endpoint(), () -> clock.get().instant())) {
            UiOptions options = UiOptions.defaults().withCluster("prod").withHeader("bench")
                    .withClock(clock.get()).withGovernor(way.governor);
            Headless h = Headless.open(reader, options, new TerminalSize(160, 45));
            clock.set(h.clock());
            h.settle();
            if (way.focusReports) {
                h.focus(false); // the pane was left unfocused at midnight
            }
            boolean fresh = true;
            long maxMillis = 0;
            String focusedPace = "";
            if (way.watchedAllDay()) {
                h.focus(true);
                for (Duration d = KEY_EVERY; d.compareTo(Duration.ofDays(1)) < 0; d = d.plus(KEY_EVERY)) {
                    runUntil(h, MIDNIGHT.plus(d));
                    h.press(new KeyStroke(d.toMinutes() % 10 == 0 ? 'k' : 'j', false, false));
                }
                focusedPace = "60 s, then " + h.state().health().pace().map(p -> p.every().toSeconds() + " s" + (p.budgetStretched()
                        ? " (budget)" : "")).orElse("?");
            }
            for (Duration visit : way.watchedAllDay() ? List.<Duration>of() : VISITS) {
                runUntil(h, MIDNIGHT.plus(visit));
                Instant back = h.clock().instant();
                emulator.latency(LATENCY);
                long t0 = System.nanoTime();
                if (way.focusReports) {
                    h.focus(true);
                } else {
                    h.press(new KeyStroke('j', false, false));
                }
                maxMillis = Math.max(maxMillis, Duration.ofNanos(System.nanoTime() - t0).toMillis());
                emulator.latency(Duration.ZERO);
                fresh &= !h.state().fleet().snapshot().orElseThrow().fetchedAt().isBefore(back);
                focusedPace = h.state().health().pace().map(p -> p.every().toSeconds() + " s" + (p.budgetStretched() ? " (budget)" : ""))
                        .orElse("?");
                for (Duration d = KEY_EVERY; d.compareTo(VISIT) < 0; d = d.plus(KEY_EVERY)) {
                    runUntil(h, MIDNIGHT.plus(visit).plus(d));
                    h.press(new KeyStroke(d.toMinutes() % 10 == 0 ? 'k' : 'j', false, false));
                }
                runUntil(h, MIDNIGHT.plus(visit).plus(VISIT));
                if (way.focusReports) {
                    h.focus(false);
                }
            }
            runUntil(h, MIDNIGHT.plus(Duration.ofDays(1)));
            h.poller().close();
            RequestLog.Counts c = emulator.log().snapshot();
            return new Day(way, c.calls("ListServices"), c.calls("GetMetricData"), c.totalCalls(), c.metricsRequested(),
                    c.metricsRequested() * USD_PER_METRIC, fresh, maxMillis, way == Way.DEFAULT ? "60 s" : focusedPace);
        }
    }

    /** Steps the clock to {@code end}, one armed refresh at a time, so each runs when it falls due. */
    private static void runUntil(Headless h, Instant end) {
        while (true) {
            Instant next = h.poller().nextRefresh().orElse(end);
            if (next.isAfter(end) || !next.isAfter(h.clock().instant())) {
                break;
            }
            h.advance(Duration.between(h.clock().instant(), next));
        }
        if (end.isAfter(h.clock().instant())) {
            h.advance(Duration.between(h.clock().instant(), end));
        }
    }

    private static void report(List<Day> days) {
        List<String[]> rows = new ArrayList<>();
        for (Day d : days) {
            boolean governed = d.way() != Way.DEFAULT;
            rows.add(new String[] {d.way().label, d.focusedPace(), f("%,d", d.refreshes()), f("%,d", d.getMetricData()),
                    f("%,d", d.calls()), f("%,d", d.metrics()), f("$%.2f", d.usd()), f("$%.0f", d.usd() * 30),
                    governed && !d.way().watchedAllDay()
                            ? (d.freshAtEveryReturn() ? "yes, " : "**NO**, ") + f("%,d ms", d.maxFocusInMillis()) : "—",
                    governed && !d.way().watchedAllDay() ? (d.usd() <= TARGET_USD ? "yes" : "**NO**") : "—"});
        }
        String md = "## Cost of a day left open\n\n"
                + "A " + SERVICES + "-service cluster, 24h lookback, Maximum, refresh 60 s; Headless on the production reader "
                + "against the emulator, on one stepped clock. Looked at four times for 15 minutes (1 h focused, 23 h "
                + "unfocused), a key every 5 minutes while there. Billing by the emulator's count of metrics requested at "
                + "$0.01 per 1,000. *while focused*: the refresh interval during a visit. *fresh on return*: whether the "
                + "data on screen after each focus-in (without focus reports, the visit's first key) was fetched at that "
                + "moment, and the longest wall time that refresh took with every call answered 50 ms late: the age of the "
                + "data when it appears.\n\n"
                + BenchReport.table(new String[] {"how it runs", "while focused", "refreshes", "GetMetricData", "calls",
                        "metrics", "day", "30 days", "fresh on return", "≤ $0.50"}, rows);
        List<Object> json = new ArrayList<>();
        for (Day d : days) {
            json.add(ordered("way", d.way().name(), "refreshes", d.refreshes(), "getMetricData", d.getMetricData(),
                    "calls", d.calls(), "metrics", d.metrics(), "usd", d.usd(), "freshAtEveryReturn", d.freshAtEveryReturn(),
                    "maxReturnRefreshMillis", d.maxFocusInMillis(), "focusedPace", d.focusedPace()));
        }
        BenchReport.section("governor-day", ordered("services", SERVICES, "targetUsd", TARGET_USD, "days", json), md);
    }
}
