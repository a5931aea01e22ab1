package ecstop.domain.timeline;

import ecstop.domain.Bars;
import ecstop.domain.Level;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.Thresholds;
import ecstop.domain.signal.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The line above the chart that answers "since when, and after what": when the current hot
 * (or warn) run began and which change came just before it, e.g. {@code memory ≥ 95% since
 * 14:05 (2h 10m), 6m after the deployment of :42}, or when the last one was.
 *
 * <p>The rules, each tested: a run is consecutive datapoints at or over the threshold (at,
 * as {@link Level#of} colours it); a gap in the data of up to {@link #BRIDGE} (or one
 * period, if longer) does not end a run, since missing minutes are not cool ones, but a
 * datapoint below does; "now" needs data no older than {@link #FRESH}; the cause is the
 * newest change (a deployment, revision or scaling; see {@link MarkerKind#change}) at or
 * before the run's first minute and at most {@link #CAUSE_LOOKBEHIND} before it; failing
 * that, the newest release (a deployment or revision, {@link MarkerKind#release}) at most
 * {@link #RELEASE_LOOKBEHIND} before it: a release's code runs until the next one, and what
 * it does wrong (a leak) can take days to show, while scaling's effect shows within minutes.
 * (Not "the first run since the release": a climb crosses the line many times, a minute over
 * and a minute under, before it stays over.)
 */
public final class AnswerLine {
    public static final Duration BRIDGE = Duration.ofMinutes(5);
    /** CloudWatch publishes AWS/ECS a minute or two late; older than this is not "now". */
    public static final Duration FRESH = Duration.ofMinutes(5);
    public static final Duration CAUSE_LOOKBEHIND = Duration.ofHours(6);
    public static final Duration RELEASE_LOOKBEHIND = Duration.ofDays(3);

    private AnswerLine() {}

    /** The answer and its words in one call: what the chart section shows. */
    public static String line(String metric, Series series, Duration period, Thresholds t, Markers markers,
                              Instant windowStart, Instant now, ZoneId zone) {
        return text(metric, answer(series, period, t, markers, windowStart, now), windowStart, now, zone);
    }

    public static Answer answer(Series series, Duration period, Thresholds t, Markers markers,
                                Instant windowStart, Instant now) {
        List<Point> points = series.points().stream().filter(p -> !p.time().isBefore(windowStart)).toList();
        if (points.isEmpty()) {
            return new Answer.NoData();
        }
        Point last = points.get(points.size() - 1);
        Instant dataEnd = last.time().plus(period);
        boolean fresh = Duration.between(dataEnd, now).compareTo(FRESH) <= 0;
        Optional<Instant> noDataSince = fresh ? Optional.empty() : Optional.of(dataEnd);
        Duration bridge = period.compareTo(BRIDGE) > 0 ? period : BRIDGE;
        List<Run> hot = runs(points, t.hot(), period, bridge, windowStart, markers);
        List<Run> warn = runs(points, t.warn(), period, bridge, windowStart, markers);
        Optional<Run> lastHot = hot.isEmpty() ? Optional.empty() : Optional.of(hot.get(hot.size() - 1));
        Optional<Run> lastWarn = warn.isEmpty() ? Optional.empty() : Optional.of(warn.get(warn.size() - 1));
        if (fresh && last.value() >= t.hot()) {
            return new Answer.Now(Level.HOT, t.hot(), lastHot.orElseThrow(), t.hot(), Optional.empty());
        }
        if (fresh && last.value() >= t.warn()) {
            return new Answer.Now(Level.WARN, t.warn(), lastWarn.orElseThrow(), t.hot(), lastHot);
        }
        if (lastHot.isPresent()) {
            return new Answer.Earlier(Level.HOT, t.hot(), lastHot.get(), noDataSince);
        }
        if (lastWarn.isPresent()) {
            return new Answer.Earlier(Level.WARN, t.warn(), lastWarn.get(), noDataSince);
        }
        double peak = points.stream().mapToDouble(Point::value).max().orElseThrow();
        return new Answer.Never(t.warn(), peak, noDataSince);
    }

    /**
     * How much an answer asks for a look, smallest first: hot now, warn now, hot earlier, warn
     * earlier, never, no data. The detail and {@code --once} lead with the most urgent metric.
     */
    public static int urgency(Answer a) {
        if (a instanceof Answer.Now n) {
            return n.level() == Level.HOT ? 0 : 1;
        }
        if (a instanceof Answer.Earlier e) {
            return e.level() == Level.HOT ? 2 : 3;
        }
        return a instanceof Answer.Never ? 4 : 5;
    }

    public static String text(String metric, Answer answer, Instant windowStart, Instant now, ZoneId zone) {
        if (answer instanceof Answer.Never n) {
            return metric + " never ≥ " + Thresholds.percent(n.warn()) + " in this window (peak " + Bars.percent(n.peak()) + ")"
                    + n.noDataSince().map(s -> "; no data since " + at(s, now, zone)).orElse("");
        }
        if (answer instanceof Answer.Now n) {
            return metric + " ≥ " + Thresholds.percent(n.threshold()) + " " + since(n.run(), windowStart, now, zone)
                    + n.lastHot().map(h -> "; last ≥ " + Thresholds.percent(n.hot()) + " " + span(h, windowStart, now, zone))
                    .orElse("");
        }
        if (answer instanceof Answer.Earlier e) {
            String state = e.noDataSince().map(s -> ": no data since " + at(s, now, zone))
                    .orElse(e.level() == Level.HOT ? " not hot now" : " below " + Thresholds.percent(e.threshold()) + " now");
            return metric + state + "; last ≥ " + Thresholds.percent(e.threshold()) + " " + span(e.run(), windowStart, now, zone);
        }
        return metric + ": no data in this window";
    }

    private static String since(Run r, Instant windowStart, Instant now, ZoneId zone) {
        if (r.beganBeforeWindow()) {
            return "since before " + at(windowStart, now, zone) + " (over " + Times.brief(Duration.between(windowStart, now)) + ")";
        }
        return "since " + at(r.start(), now, zone) + " (" + Times.brief(Duration.between(r.start(), now)) + ")" + cause(r);
    }

    private static String span(Run r, Instant windowStart, Instant now, ZoneId zone) {
        if (r.beganBeforeWindow()) {
            return "until " + at(r.end(), now, zone) + " (since before " + at(windowStart, now, zone) + ")";
        }
        return at(r.start(), now, zone) + "–" + at(r.end(), now, zone) + " (" + Times.brief(r.length()) + ")" + cause(r);
    }

    private static String cause(Run r) {
        return r.after().map(m -> {
            Duration d = Duration.between(m.time(), r.start());
            return d.compareTo(Duration.ofMinutes(1)) < 0
                    ? ", within a minute of " + m.text()
                    : ", " + Times.brief(d) + " after " + m.text();
        }).orElse("");
    }

    private static String at(Instant t, Instant now, ZoneId zone) {
        return ClockText.at(t, now, zone);
    }

    private static List<Run> runs(List<Point> points, double threshold, Duration period, Duration bridge,
                                  Instant windowStart, Markers markers) {
        List<Run> out = new ArrayList<>();
        int first = -1;
        int prev = -1;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            boolean over = p.value() >= threshold;
            boolean bridged = prev >= 0
                    && Duration.between(points.get(prev).time().plus(period), p.time()).compareTo(bridge) <= 0;
            if (first >= 0 && (!over || !bridged)) {
                out.add(run(points, first, prev, period, bridge, windowStart, markers));
                first = -1;
            }
            if (over && first < 0) {
                first = i;
            }
            prev = i;
        }
        if (first >= 0) {
            out.add(run(points, first, prev, period, bridge, windowStart, markers));
        }
        return out;
    }

    private static Run run(List<Point> points, int first, int last, Duration period, Duration bridge,
                           Instant windowStart, Markers markers) {
        Instant start = points.get(first).time();
        boolean before = first == 0 && Duration.between(windowStart, start).compareTo(bridge) <= 0;
        Instant firstMinute = start.plus(period).minusNanos(1);
        Optional<Marker> after = before ? Optional.empty()
                : markers.lastChangeBefore(firstMinute, start.minus(CAUSE_LOOKBEHIND))
                        .or(() -> markers.lastReleaseBefore(firstMinute, start.minus(RELEASE_LOOKBEHIND)));
        return new Run(start, points.get(last).time().plus(period), before, after);
    }
}
