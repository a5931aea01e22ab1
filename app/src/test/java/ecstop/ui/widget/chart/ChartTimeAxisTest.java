package ecstop.ui.widget.chart;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Lookback;
import ecstop.domain.TimeWindow;
import ecstop.domain.timeline.ChartPeriod;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartTimeAxisTest {
    /** A Saturday afternoon; every window ends here. */
    private static final Instant NOW = Instant.parse("2026-12-05T14:07:31Z");

    private static String labels(String lookback, int width, String zone) {
        TimeWindow w = ChartPeriod.window(Lookback.parse(lookback).get(), Duration.ZERO, NOW, 4);
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(w.start(), w.end(), ZoneId.of(zone), width);
        for (int i = 1; i < ticks.size(); i++) {
            TimeAxis.Tick a = ticks.get(i - 1);
            TimeAxis.Tick b = ticks.get(i);
            assertThat(b.column() - a.column()).as("room between %s and %s", a, b)
                    .isGreaterThanOrEqualTo((a.label().length() + b.label().length()) / 2 + 2);
        }
        assertThat(ticks).allSatisfy(t -> assertThat(t.column()).isBetween(0, width - 1));
        return ticks.stream().map(TimeAxis.Tick::label).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0} at {1} columns in {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1h  | 76 | UTC | 13:10 13:20 13:30 13:40 13:50 14:00
            3h  | 76 | UTC | 11:30 12:00 12:30 13:00 13:30 14:00
            6h  | 76 | UTC | 09:00 10:00 11:00 12:00 13:00 14:00
            12h | 76 | UTC | 04:00 06:00 08:00 10:00 12:00 14:00
            24h | 76 | UTC | 15:00 18:00 21:00 Sat 5 03:00 06:00 09:00 12:00
            3d  | 76 | UTC | Thu 3 12:00 Fri 4 12:00 Sat 5 12:00
            7d  | 76 | UTC | Sun 29 Mon 30 Tue 1 Wed 2 Thu 3 Fri 4 Sat 5
            14d | 76 | UTC | Mon 23 Wed 25 Fri 27 Sun 29 Tue 1 Thu 3 Sat 5
            30d | 76 | UTC | 11-09 11-16 11-23 11-30
            24h | 35 | UTC | 18:00 Sat 5 06:00 12:00
            7d  | 35 | UTC | Sun 29 Tue 1 Thu 3 Sat 5
            14d | 35 | UTC | Mon 23 Mon 30
            24h | 76 | Asia/Kolkata | 21:00 Sat 5 03:00 06:00 09:00 12:00 15:00 18:00
            24h | 195 | UTC | 15:00 16:00 17:00 18:00 19:00 20:00 21:00 22:00 23:00 Sat 5 01:00 02:00 03:00 04:00 05:00 06:00 07:00 08:00 09:00 10:00 11:00 12:00 13:00 14:00
            14d | 195 | UTC | Sun 22 Mon 23 Tue 24 Wed 25 Thu 26 Fri 27 Sat 28 Sun 29 Mon 30 Tue 1 Wed 2 Thu 3 Fri 4 Sat 5
            """)
    void readsWellAtEveryLookback(String lookback, int width, String zone, String expected) {
        assertThat(labels(lookback, width, zone)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theNightTheClocksGoBackKeepsItsLabelsInOrder() {
        // Europe/London leaves summer time at 02:00 BST on 2026-10-25: 01:00 happens twice, and
        // is labelled once (the hour after it has its own column, unlabelled).
        Instant start = Instant.parse("2026-10-24T22:00:00Z");
        List<TimeAxis.Tick> ticks = TimeAxis.ticks(start, start.plus(Duration.ofHours(6)), ZoneId.of("Europe/London"), 76);
        assertThat(ticks.stream().map(TimeAxis.Tick::label).collect(Collectors.joining(" "))).isEqualTo("23:00 Sun 25 01:00 02:00 03:00");
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).column()).isGreaterThan(ticks.get(i - 1).column());
        }
    }
}
