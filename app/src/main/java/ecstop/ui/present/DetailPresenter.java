package ecstop.ui.present;

import ecstop.domain.Periods;
import ecstop.domain.Point;
import ecstop.domain.Scope;
import ecstop.domain.Series;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.TimeWindow;
import ecstop.ui.present.DetailModel.Message;
import ecstop.ui.present.DetailModel.Section;
import ecstop.ui.state.Pane;
import ecstop.ui.state.Detail;
import ecstop.ui.state.State;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Text;
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

/** The open service's detail as sections: its tasks line, its signals, its periods. Pure, like the other presenters. */
final class DetailPresenter {
    private final Glyphs glyphs;

    DetailPresenter(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    /**
     * The one place the detail's lines are shared out. Inside a box of {@code height}: the
     * tasks line, then the signals, up to half of what is below it so the periods keep the
     * other half, then the periods' header and the periods.
     */
    record Room(int height) {
        /** Lines the signals may take. */
        int signals() {
            int below = height - 3;
            return below <= 0 ? 0 : Math.max(1, below / 2);
        }

        /** Lines left to the periods (a page of them) when {@code signals} lines are shown. */
        int periods(int signals) {
            return Math.max(1, height - 4 - signals);
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
        for (DetailModel.SignalLine line : signalLines(s, zone, height)) {
            sections.add(new Section(DetailModel.SIGNAL, 1, new Message(line.text(), line.dim(), line.severity())));
        }
        sections.add(new Section(DetailModel.PERIODS, 0, periods(s, service, zone)));
        return new DetailModel(title, s.nav().focus().equals(Pane.DETAIL), name, sections);
    }

    /** Rows a page key moves in the detail of {@code height}: the periods' lines. */
    int page(State s, int height) {
        return new Room(height).periods(signalLines(s, ZoneId.of("UTC"), height).size());
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
        int room = new Room(height).signals();
        if (service.isEmpty() || room <= 0) {
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
