package ecstop.domain.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Level;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The answer line's rules as a table. A series is written as runs of minutes from the
 * window's start: {@code 50*120 96*5 _*3} is two hours at 50%, five minutes at 96%, then
 * three minutes with no datapoint. "Now" is the end of the last minute written, so trailing
 * {@code _} minutes make the data stale. Markers are {@code minute:letter:text} (the
 * letter is the kind's ASCII mark), separated by {@code ;}. Thresholds are warn 80, hot 95.
 * Every clock and zone is pinned.
 */
class AnswerLineTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no datapoints at all              | 2026-12-05T00:00Z | UTC |                          |                                  | memory: no data in this window
            only gaps                         | 2026-12-05T00:00Z | UTC | _*60                     |                                  | memory: no data in this window
            never hot, never warm             | 2026-12-05T00:00Z | UTC | 40*60 62*10 50*50        | 30:D:the deployment of :42       | memory never ≥ 80% in this window (peak 62.0%)
            never warm, and the data stopped  | 2026-12-05T00:00Z | UTC | 40*10 _*30               |                                  | memory never ≥ 80% in this window (peak 40.0%); no data since 00:10
            hot now, after a deployment       | 2026-12-05T12:00Z | UTC | 50*120 70*5 96*130       | 119:D:the deployment of :42      | memory ≥ 95% since 14:05 (2h 10m), 6m after the deployment of :42
            hot now, no change before it      | 2026-12-05T12:00Z | UTC | 50*120 96*130            |                                  | memory ≥ 95% since 14:00 (2h 10m)
            exactly at the threshold is hot   | 2026-12-05T00:00Z | UTC | 50*5 95*10               |                                  | memory ≥ 95% since 00:05 (10m)
            hot then cooled                   | 2026-12-05T00:00Z | UTC | 50*190 96*30 50*60       |                                  | memory not hot now; last ≥ 95% 03:10–03:40 (30m)
            hot then cooled, after a change   | 2026-12-05T00:00Z | UTC | 50*190 96*30 50*60       | 184:D:the deployment of :42      | memory not hot now; last ≥ 95% 03:10–03:40 (30m), 6m after the deployment of :42
            a run that began before the window| 2026-12-04T14:00Z | UTC | 97*1440                  |                                  | memory ≥ 95% since before 12-04 14:00 (over 1d)
            a run before the window, ended    | 2026-12-05T10:00Z | UTC | 97*30 50*60              | 5:D:the deployment of :41        | memory not hot now; last ≥ 95% until 10:30 (since before 10:00)
            a short gap inside a run          | 2026-12-05T00:00Z | UTC | 50*60 96*10 _*3 97*10    |                                  | memory ≥ 95% since 01:00 (23m)
            a gap of five minutes still bridges| 2026-12-05T00:00Z | UTC | 50*60 96*10 _*5 97*10   |                                  | memory ≥ 95% since 01:00 (25m)
            a longer gap ends the run         | 2026-12-05T00:00Z | UTC | 50*60 96*10 _*6 97*10    |                                  | memory ≥ 95% since 01:16 (10m)
            one cool minute ends the run      | 2026-12-05T00:00Z | UTC | 50*60 96*10 94.9*1 96*10 |                                  | memory ≥ 95% since 01:11 (10m)
            warm now, hot before              | 2026-12-05T00:00Z | UTC | 50*60 96*10 85*30        | 55:D:the deployment of :42       | memory ≥ 80% since 01:00 (40m), 5m after the deployment of :42; last ≥ 95% 01:00–01:10 (10m), 5m after the deployment of :42
            warm before, never hot, cool now  | 2026-12-05T00:00Z | UTC | 50*60 85*10 50*10        |                                  | memory below 80% now; last ≥ 80% 01:00–01:10 (10m)
            hot, then the data stopped        | 2026-12-05T00:00Z | UTC | 50*60 96*10 _*30         |                                  | memory: no data since 01:10; last ≥ 95% 01:00–01:10 (10m)
            data four minutes old is still now| 2026-12-05T00:00Z | UTC | 50*60 96*10 _*4          |                                  | memory ≥ 95% since 01:00 (14m)
            an OOM kill is not a cause        | 2026-12-05T00:00Z | UTC | 50*60 96*10              | 30:D:the deployment of :42;55:O:an OOM kill | memory ≥ 95% since 01:00 (10m), 30m after the deployment of :42
            the newest change wins            | 2026-12-05T00:00Z | UTC | 50*60 96*10              | 30:D:the deployment of :42;50:S:scaling to 6 tasks | memory ≥ 95% since 01:00 (10m), 10m after scaling to 6 tasks
            a change in the run's first minute| 2026-12-05T00:00Z | UTC | 50*60 96*10              | 60.5:T:task definition :43       | memory ≥ 95% since 01:00 (10m), within a minute of task definition :43
            a change after the run began      | 2026-12-05T00:00Z | UTC | 50*60 96*10              | 62:D:the deployment of :42       | memory ≥ 95% since 01:00 (10m)
            a change over six hours before    | 2026-12-05T00:00Z | UTC | 50*400 96*20             | 0:S:scaling to 6 tasks           | memory ≥ 95% since 06:40 (20m)
            a release over six hours before   | 2026-12-05T00:00Z | UTC | 50*400 96*20             | 0:D:the deployment of :42        | memory ≥ 95% since 06:40 (20m), 6h 40m after the deployment of :42
            a release before the window       | 2026-12-05T00:00Z | UTC | 50*400 96*20             | -2000:T:task definition :43      | memory ≥ 95% since 06:40 (20m), 1d 16h after task definition :43
            a release over three days before  | 2026-12-05T00:00Z | UTC | 50*400 96*20             | -4000:D:the deployment of :42    | memory ≥ 95% since 06:40 (20m)
            a scaling after a release wins    | 2026-12-05T00:00Z | UTC | 50*400 96*20             | 0:D:the deployment of :42;300:S:scaling to 6 tasks | memory ≥ 95% since 06:40 (20m), 1h 40m after scaling to 6 tasks
            local times in the reader's zone (01:15 on the 6th there)| 2026-12-05T12:00Z | Asia/Tokyo | 50*120 70*5 96*130 | 119:D:the deployment of :42     | memory ≥ 95% since 12-05 23:05 (2h 10m), 6m after the deployment of :42
            a day boundary in the reader's zone| 2026-12-05T12:00Z | America/New_York | 97*600 | | memory ≥ 95% since before 07:00 (over 10h)
            across midnight                   | 2026-12-04T22:00Z | UTC | 50*60 96*180             | 50:D:the deployment of :42       | memory ≥ 95% since 12-04 23:00 (3h), 10m after the deployment of :42
            """)
    void says(String rule, String start, String zone, String series, String markers, String expected) {
        Instant windowStart = Instant.parse(start.replace("Z", ":00Z"));
        Parsed p = parse(windowStart, series == null ? "" : series);
        String line = AnswerLine.line("memory", p.series, MINUTE, Thresholds.DEFAULT, markers(windowStart, markers),
                windowStart, p.now, ZoneId.of(zone));
        assertThat(line).as(rule).isEqualTo(expected);
    }

    @Test
    void theAnswerCarriesTheRunNotOnlyItsWords() {
        Instant start = Instant.parse("2026-12-05T12:00:00Z");
        Parsed p = parse(start, "50*120 70*5 96*130");
        Answer a = AnswerLine.answer(p.series, MINUTE, Thresholds.DEFAULT, markers(start, "119:D:the deployment of :42"), start, p.now);
        assertThat(a).isInstanceOfSatisfying(Answer.Now.class, now -> {
            assertThat(now.level()).isEqualTo(Level.HOT);
            assertThat(now.run().start()).isEqualTo(Instant.parse("2026-12-05T14:05:00Z"));
            assertThat(now.run().end()).isEqualTo(p.now);
            assertThat(now.run().after()).map(Marker::kind).contains(MarkerKind.DEPLOYMENT_STARTED);
        });
    }

    @Test
    void perServiceThresholdsMoveTheRun() {
        Instant start = Instant.parse("2026-12-05T00:00:00Z");
        Parsed p = parse(start, "50*60 85*10 92*10");
        assertThat(AnswerLine.line("cpu", p.series, MINUTE, new Thresholds(60, 90), Markers.NONE, start, p.now, ZoneId.of("UTC")))
                .isEqualTo("cpu ≥ 90% since 01:10 (10m)");
        assertThat(AnswerLine.line("cpu", p.series, MINUTE, Thresholds.DEFAULT, Markers.NONE, start, p.now, ZoneId.of("UTC")))
                .isEqualTo("cpu ≥ 80% since 01:00 (20m)");
    }

    @Test
    void fiveMinuteDataBridgesOnePeriod() {
        Instant start = Instant.parse("2026-12-05T00:00:00Z");
        List<Point> points = List.of(new Point(start, 50), new Point(start.plusSeconds(300), 97),
                new Point(start.plusSeconds(900), 98));
        Instant now = start.plusSeconds(1200);
        assertThat(AnswerLine.line("memory", new Series(points), Duration.ofMinutes(5), Thresholds.DEFAULT, Markers.NONE,
                start, now, ZoneId.of("UTC"))).isEqualTo("memory ≥ 95% since 00:05 (15m)");
    }

    private record Parsed(Series series, Instant now) {}

    private static Parsed parse(Instant start, String spec) {
        List<Point> points = new ArrayList<>();
        int minute = 0;
        for (String part : spec.trim().split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] vn = part.split("\\*");
            int n = Integer.parseInt(vn[1]);
            for (int i = 0; i < n; i++, minute++) {
                if (!vn[0].equals("_")) {
                    points.add(new Point(start.plusSeconds(60L * minute), Double.parseDouble(vn[0])));
                }
            }
        }
        return new Parsed(new Series(points), start.plusSeconds(60L * minute));
    }

    private static Markers markers(Instant start, String spec) {
        List<Marker> out = new ArrayList<>();
        if (spec != null) {
            for (String m : spec.split(";")) {
                String[] f = m.trim().split(":", 3);
                MarkerKind kind = java.util.Arrays.stream(MarkerKind.values()).filter(k -> k.mark(true) == f[1].charAt(0))
                        .findFirst().orElseThrow();
                out.add(new Marker(start.plusMillis(Math.round(Double.parseDouble(f[0]) * 60_000)), kind, f[2]));
            }
        }
        return Markers.of(out);
    }
}
