package ecstop.ui.present;

import ecstop.domain.Failure;
import ecstop.domain.Level;
import ecstop.domain.Metric;
import ecstop.domain.Periods;
import ecstop.domain.Point;
import ecstop.domain.Scope;
import ecstop.domain.Series;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceReadKeys;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.Thresholds;
import ecstop.domain.TimeWindow;
import ecstop.domain.signal.Severity;
import ecstop.domain.timeline.Answer;
import ecstop.domain.timeline.AnswerLine;
import ecstop.domain.timeline.ClockText;
import ecstop.domain.timeline.Marker;
import ecstop.domain.timeline.Markers;
import ecstop.domain.timeline.ServiceSeries;
import ecstop.domain.timeline.ServiceTimeline;
import ecstop.domain.timeline.ChartPeriod;
import ecstop.ui.present.DetailModel.Message;
import ecstop.ui.present.DetailModel.Section;
import ecstop.ui.state.OpenService;
import ecstop.ui.state.Pane;
import ecstop.ui.state.Detail;
import ecstop.ui.state.State;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Text;
import ecstop.ui.widget.chart.ChartSeries;
import ecstop.ui.widget.chart.ChartSpec;
import ecstop.ui.widget.chart.GlyphMode;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The open service's detail as sections: its tasks line, its signals, its timeline (the answer
 * line and the chart), its periods. Pure, like the other presenters.
 */
final class DetailPresenter {
    private final Glyphs glyphs;
    private final Thresholds thresholds;

    DetailPresenter(Glyphs glyphs, Thresholds thresholds) {
        this.glyphs = glyphs;
        this.thresholds = thresholds;
    }

    /**
     * The one place the detail's lines are shared out. Inside a box of {@code height}: the
     * tasks line, then the signals (see {@link #signals}), then the timeline's line
     * (the answer, the chosen marker, or why there is no chart), then the chart and the
     * periods. With room for both, the chart takes a bit over half, up to {@link #CHART_MAX};
     * with room for a small chart only (80x24: four lines) the chart stays and the periods go,
     * since the chart shows the whole window and "since when" at a glance where the table
     * shows three hours; with less, the periods only.
     */
    record Room(int height) {
        /** A plot of three rows, the time axis and its labels, and the legend. */
        static final int CHART_MIN = 6;
        /** The periods' header and two of them. */
        static final int PERIODS_MIN = 3;
        static final int CHART_MAX = 16;
        /** A plot of two rows, the axis and its labels: the smallest chart still worth its lines. */
        static final int SMALL_CHART = 4;

        /**
         * Lines the signals may take when the service shows {@code kinds} of them: each one's
         * first line (what it is) up to half of what is below the tasks line, as before the
         * chart; the lines after them (each signal's events, which the chart shows as markers
         * too) up to a third, and no more than leaves the timeline's line and a small chart
         * theirs; at least one line.
         */
        int signals(int kinds) {
            int below = height - 3;
            if (below <= 0) {
                return 0;
            }
            int half = Math.max(1, below / 2);
            int third = Math.min(below / 3, below - 1 - SMALL_CHART);
            return Math.max(1, Math.min(half, Math.max(kinds, third)));
        }

        /** Lines the chart takes when {@code signals} lines are shown (0: no chart). */
        int chart(int signals) {
            int left = height - 4 - signals;
            if (left >= CHART_MIN + PERIODS_MIN) {
                return Math.min(CHART_MAX, left - Math.max(PERIODS_MIN, left * 2 / 5));
            }
            return left >= SMALL_CHART ? left : 0;
        }

        /** The chart, if drawn, leaves no line to the periods. */
        boolean chartOnly(int signals) {
            int chart = chart(signals);
            return chart > 0 && chart == height - 4 - signals;
        }
    }

    /** {@code height}: the detail pane's, box included. */
    DetailModel detail(State s, ZoneId zone, int height) {
        ServiceRef service = s.nav().detail().map(Detail::service).orElse(null);
        String name = service == null ? "" : service.name();
        Optional<Snapshot> snap = s.fleet().snapshot();
        String period = snap.map(x -> Periods.describe(x.window().period())).orElse("");
        String title = name + (period.isEmpty() ? "" : glyphs.sep() + period + glyphs.sep() + snap.get().lookback().label());
        ServiceInfo info = service == null ? null : s.fleet().info().get(service);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(DetailModel.TASKS, 1, new Message(tasksLine(info, glyphs), info == null)));
        List<DetailModel.SignalLine> signals = signalLines(s, zone, height);
        for (DetailModel.SignalLine line : signals) {
            sections.add(new Section(DetailModel.SIGNAL, 1, new Message(line.text(), line.dim(), line.severity())));
        }
        Room room = new Room(height);
        List<Section> timeline = timeline(s, service, zone, room, signals.size());
        sections.addAll(timeline);
        // the lines above the chart beyond the timeline's one (a note on what it could not read) count as signals' do
        int above = signals.size() + (int) timeline.stream().filter(x -> x.name().equals(DetailModel.TIMELINE_NOTE)).count();
        boolean charted = timeline.stream().anyMatch(x -> x.name().equals(DetailModel.CHART));
        if (!charted || !room.chartOnly(above)) {
            sections.add(new Section(DetailModel.PERIODS, 0, periods(s, service, zone)));
        }
        return new DetailModel(title, s.nav().focus().equals(Pane.DETAIL), name, sections);
    }

    /**
     * Rows a page key moves in the detail of {@code height}: the periods' lines, what the
     * sections above leave them (one when the chart took their place).
     */
    int page(State s, int height) {
        List<Section> sections = detail(s, ZoneId.of("UTC"), height).sections();
        if (!sections.get(sections.size() - 1).name().equals(DetailModel.PERIODS)) {
            return 1;
        }
        int above = sections.subList(0, sections.size() - 1).stream().mapToInt(Section::lines).sum();
        return Math.max(1, height - 2 - above - 1);
    }

    /**
     * The timeline's sections: one line, a note of the markers it could not read if any, then
     * the chart if {@code room} has lines for it below {@code signals} lines. The line is the
     * most urgent metric's answer (see {@link AnswerLine}), or the marker ←/→ chose, or
     * (before the timeline is read for this lookback) a dim note, or why it could not be read.
     */
    private List<Section> timeline(State s, ServiceRef service, ZoneId zone, Room room, int signals) {
        if (service == null) {
            return List.of();
        }
        OpenService open = s.fleet().open().of(service);
        Optional<Either<Failure, ServiceTimeline>> read = open.answer(ServiceReadKeys.TIMELINE);
        if (read.isEmpty() || read.get().isRight() && !read.get().get().lookback().equals(s.question().lookback())) {
            return List.of(new Section(DetailModel.TIMELINE, 1, new Message("reading the timeline" + glyphs.ellipsis(), true)));
        }
        if (read.get().isLeft()) {
            return List.of(new Section(DetailModel.TIMELINE, 1, new Message(
                    glyphs.text("no timeline: " + read.get().getLeft().line()), false, Optional.of(Severity.WARN))));
        }
        ServiceTimeline t = read.get().get();
        Markers shown = open.chartMarkers().orElse(Markers.NONE);
        Optional<Marker> chosen = s.nav().detail().flatMap(Detail::marker).filter(shown.inOrder()::contains);
        List<Section> out = new ArrayList<>();
        out.add(new Section(DetailModel.TIMELINE, 1, chosen.map(m -> markerLine(m, shown, t.now(), zone))
                .orElseGet(() -> answer(t, service, zone))));
        if (!t.warnings().isEmpty()) {
            // a marker source that could not be read (scaling activities denied, say): its markers are missing, say why
            out.add(new Section(DetailModel.TIMELINE_NOTE, 1, new Message(glyphs.text(String.join("; ", t.warnings())), false,
                    Optional.of(Severity.WARN))));
        }
        int chartLines = room.chart(signals + out.size() - 1);
        if (chartLines > 0) {
            OptionalInt selected = chosen.map(m -> OptionalInt.of(shown.inOrder().indexOf(m))).orElse(OptionalInt.empty());
            List<ChartSpec> specs = new ArrayList<>();
            Optional<ServiceSeries> weekAgo = s.nav().detail().filter(Detail::weekAgo)
                    .flatMap(d -> open.answer(ServiceReadKeys.WEEK_AGO)).flatMap(Either::toJavaOptional);
            for (Metric m : List.of(Metric.CPU, Metric.MEMORY)) {
                specs.add(chart(t, m, service, shown, selected, weekAgo, zone));
            }
            out.add(new Section(DetailModel.CHART, chartLines, new DetailModel.Chart(specs)));
        }
        return out;
    }

    /** The most urgent of the two metrics' answers, in its level's colour while it lasts. */
    private Message answer(ServiceTimeline t, ServiceRef service, ZoneId zone) {
        TimeWindow w = t.series().window();
        Metric headline = null;
        Answer found = null;
        for (Metric m : List.of(Metric.MEMORY, Metric.CPU)) {
            Answer a = AnswerLine.answer(t.series().max(m), w.period(), thresholds.of(m, service.name()), t.markers(),
                    w.start(), t.now());
            if (found == null || AnswerLine.urgency(a) < AnswerLine.urgency(found)) {
                headline = m;
                found = a;
            }
        }
        String text = AnswerLine.text(headline == Metric.CPU ? "CPU" : "memory", found, w.start(), t.now(), zone);
        Optional<Severity> colour = found instanceof Answer.Now n
                ? Optional.of(n.level() == Level.HOT ? Severity.CRIT : Severity.WARN) : Optional.empty();
        return new Message(glyphs.text(text), false, colour);
    }

    /** "marker 3/5 · 12-05 14:05 ⟳ the deployment of :42 · → past the newest: the answer". */
    private Message markerLine(Marker m, Markers shown, Instant now, ZoneId zone) {
        int at = shown.inOrder().indexOf(m) + 1;
        String keys = glyphs.ascii() ? "Left/Right" : "←/→";
        return new Message(glyphs.text("marker " + at + "/" + shown.size() + glyphs.sep() + ClockText.at(m.time(), now, zone)
                + " " + m.kind().mark(glyphs.ascii()) + " " + m.text() + glyphs.sep() + keys + " steps, past the newest: the answer"),
                false, Optional.empty());
    }

    /**
     * One metric's chart: maximum and average at the timeline's period over its window (the
     * renderer folds the periods into columns, each statistic its own way), 0–110% with the
     * service's warn and hot lines, and the markers; with {@code weekAgo}, that window's
     * maximum seven days earlier as a dim line.
     */
    private ChartSpec chart(ServiceTimeline t, Metric m, ServiceRef service, Markers shown, OptionalInt selected,
                            Optional<ServiceSeries> weekAgo, ZoneId zone) {
        TimeWindow w = t.series().window();
        String label = m == Metric.CPU ? "CPU" : "Mem";
        List<ChartSeries> lines = new ArrayList<>(List.of(
                ChartSeries.of(label + " max", t.series().max(m), w.period(), Stat.MAX),
                ChartSeries.of(label + " avg", t.series().avg(m), w.period(), Stat.AVG)));
        // a week ago's maximum, dim behind today's lines, moved on a week to lie under the same hours
        weekAgo.ifPresent(a -> lines.add(ChartSeries.of("max a week ago", a.max(m), a.window().period(), Stat.MAX)
                .overlaid(ChartPeriod.WEEK_AGO)));
        return ChartSpec.of(lines, w, zone)
                .withThresholds(thresholds.of(m, service.name()))
                .withMarkers(shown, selected)
                .withMode(glyphs.ascii() ? GlyphMode.ASCII : GlyphMode.BRAILLE);
    }

    private DetailModel.Body periods(State s, ServiceRef service, ZoneId zone) {
        Optional<Snapshot> snap = s.fleet().snapshot();
        Optional<ServiceUsage> usage = snap.flatMap(x -> x.services().stream().filter(u -> u.ref().equals(service)).findFirst());
        if (usage.isEmpty()) {
            return new Message(snap.isEmpty() ? "loading" + glyphs.ellipsis() : "not in the latest data", true);
        }
        TimeWindow w = snap.get().window();
        DateTimeFormatter fmt = timeFormat(w).withZone(zone);
        List<DetailModel.Figure> columns = new ArrayList<>();
        List<Map<Instant, Double>> values = new ArrayList<>();
        for (DetailModel.Figure f : DetailModel.FIGURES) {
            Series whole = usage.get().series(f.metric(), f.stat());
            boolean notAsked = whole.isEmpty() && !usage.get().series(f.metric(), f.stat().other()).isEmpty();
            columns.add(new DetailModel.Figure(f.label(), f.metric(), f.stat(), notAsked));
            Map<Instant, Double> byTime = new HashMap<>();
            for (Point pt : whole.points()) {
                byTime.put(pt.time(), pt.value());
            }
            values.add(byTime);
        }
        List<DetailModel.Row> rows = new ArrayList<>();
        for (long bucket = w.buckets() - 1; bucket >= 0; bucket--) {
            Instant t = w.start().plus(w.period().multipliedBy(bucket));
            List<OptionalDouble> cells = new ArrayList<>(values.size());
            for (Map<Instant, Double> byTime : values) {
                Double v = byTime.get(t);
                cells.add(v == null ? OptionalDouble.empty() : OptionalDouble.of(v));
            }
            rows.add(new DetailModel.Row(fmt.format(t), cells));
        }
        return new DetailModel.Rows(columns, Math.max(5, Text.width(fmt.format(w.start()))), rows,
                s.nav().detail().map(Detail::scroll).orElse(0));
    }

    /** The open service's signal lines, as many as its {@link Room} gives them. */
    private List<DetailModel.SignalLine> signalLines(State s, ZoneId zone, int height) {
        Optional<ServiceRef> service = s.nav().detail().map(Detail::service);
        if (service.isEmpty()) {
            return List.of();
        }
        int room = new Room(height).signals(s.fleet().signals().of(service.get()).size());
        if (room <= 0) {
            return List.of();
        }
        Instant now = s.fleet().snapshot().map(Snapshot::fetchedAt).orElse(Instant.EPOCH);
        return SignalLines.of(s.fleet().signals(), service.get(), Optional.ofNullable(s.fleet().info().get(service.get())),
                s.question().scope().orElse(null) instanceof Scope.Fleet, now, zone, glyphs, room);
    }

    /** "3 desired · 3 running · 0 pending · FARGATE · web:42 · rollout COMPLETED". */
    static String tasksLine(ServiceInfo i, Glyphs gl) {
        if (i == null) {
            return "tasks: not fetched yet";
        }
        String sep = gl.sep();
        return i.desired() + " desired" + sep + i.running() + " running" + sep + i.pending() + " pending" + sep
                + nonBlank(i.launchType()) + sep + nonBlank(i.taskDefinitionShort()) + sep
                + "rollout " + nonBlank(i.rolloutState());
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? "?" : s;
    }

    private static DateTimeFormatter timeFormat(TimeWindow w) {
        Duration span = Duration.between(w.start(), w.end());
        if (w.period().compareTo(Duration.ofDays(1)) >= 0) {
            return DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
        }
        if (span.compareTo(Duration.ofDays(1)) > 0) {
            return DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);
        }
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    }

}
