package ecstop.ui.present;

import ecstop.domain.ServiceEvent;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.signal.Evidence;
import ecstop.domain.signal.Horizon;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.signal.Signal;
import ecstop.ui.present.DetailModel.SignalLine;
import ecstop.ui.widget.Glyphs;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The detail pane's lines on why a service is starved: a line per signal, worst first, with
 * when and how far back it could see, then the event messages and stopped-task reasons behind
 * them, newest first; or one line saying nothing was found and where that was looked for.
 * At most {@code budget} lines, so the hourly table below keeps its room: the signals first,
 * then as many messages as fit.
 */
final class SignalLines {
    /** ECS keeps a stopped task about an hour: the horizon of OOM kills and crashes, short enough for a line. */
    private static final String STOPPED = "last ~1h of stopped tasks";
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;
    private final Instant now;
    private final Glyphs glyphs;

    private SignalLines(ZoneId zone, Instant now, Glyphs glyphs) {
        this.zone = zone;
        this.now = now;
        this.glyphs = glyphs;
    }

    /** {@code fleet}: the fleet view, where stopped tasks are not read. */
    static List<SignalLine> of(ScopeSignals all, ServiceRef service, Optional<ServiceInfo> info, boolean fleet, Instant now,
                               ZoneId zone, Glyphs glyphs, int budget) {
        if (budget <= 0) {
            return List.of();
        }
        SignalLines l = new SignalLines(zone, now, glyphs);
        if (!all.read(service)) {
            return List.of(new SignalLine("signals: not read yet (they come with the task details)", Optional.empty(), true));
        }
        List<Signal> signals = all.of(service);
        if (signals.isEmpty()) {
            Optional<String> events = l.events(info);
            String where = all.stoppedTasksFrom().isPresent()
                    ? " in the " + STOPPED + events.map(e -> " or the " + e).orElse(" (no service events read)")
                    : events.map(e -> " in the " + e).orElse(" (no service events read)") + "; " + l.stoppedTasks(all, fleet);
            return List.of(new SignalLine("no signals" + where, Optional.empty(), true));
        }
        List<SignalLine> out = new ArrayList<>();
        for (Signal s : signals.subList(0, Math.min(budget, signals.size()))) {
            out.add(new SignalLine(l.headline(s), Optional.of(s.severity()), false));
        }
        // stopped tasks are the only source of OOM kills and crashes: say when they were not read
        if (out.size() < budget && all.stoppedTasksFrom().isEmpty()) {
            out.add(new SignalLine(l.stoppedTasks(all, fleet), Optional.empty(), true));
        }
        List<String> messages = l.messages(signals, service.name());
        int room = budget - out.size();
        boolean cut = messages.size() > room;
        int shown = cut ? Math.max(0, room - 1) : messages.size();
        messages.subList(0, shown).forEach(m -> out.add(new SignalLine(m, Optional.empty(), false)));
        if (cut && room > 0) {
            out.add(new SignalLine("  " + glyphs.ellipsis() + " " + (messages.size() - shown) + " older", Optional.empty(), true));
        }
        return out;
    }

    /** "↯ OOM    CRIT 7 tasks killed for memory (OOM, exit 137) · last 12:14 · last ~1h of stopped tasks". */
    private String headline(Signal s) {
        String sep = glyphs.sep();
        return s.kind().mark(glyphs.ascii()) + " " + pad(s.kind().word(), 6) + " " + pad(s.severity().name(), 4) + " "
                + s.summary()
                + s.at().map(at -> sep + (s.ongoing() ? "since " : "last ") + time(at)).orElse("")
                + sep + horizon(s.horizon());
    }

    private String horizon(Horizon h) {
        return switch (h.source()) {
            case STOPPED_TASKS -> STOPPED;
            case SERVICE_EVENTS -> h.source().label() + h.from().map(f -> " since " + time(f)).orElse("");
            case DEPLOYMENTS, TASK_COUNTS -> h.source().label();
        };
    }

    /**
     * Every signal's messages in one list, newest first, each marked with its signal; a
     * message two signals share, once.
     */
    private List<String> messages(List<Signal> signals, String service) {
        record Marked(char mark, Evidence e) {}
        List<Marked> all = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Signal s : signals) {
            for (Evidence e : s.evidence()) {
                if (seen.add(e.at().map(Instant::toString).orElse("") + e.message())) {
                    all.add(new Marked(s.kind().mark(glyphs.ascii()), e));
                }
            }
        }
        all.sort(Comparator.comparing((Marked m) -> m.e().at().orElse(Instant.MIN)).reversed());
        int width = all.stream().mapToInt(m -> m.e().at().map(this::time).orElse("").length()).max().orElse(0);
        return all.stream().map(m -> "  " + pad(m.e().at().map(this::time).orElse(""), width) + " " + m.mark() + " "
                + compact(m.e().message(), service)).toList();
    }

    /**
     * Without the "(service NAME) " ECS starts its events with: the pane is that service's, and
     * what the message says comes into view sooner on a narrow pane. The rest is as ECS wrote
     * it (sanitised), so it can be found in the console.
     */
    private static String compact(String message, String service) {
        String own = "(service " + service + ") ";
        return message.startsWith(own) ? message.substring(own.length()) : message;
    }

    private String stoppedTasks(ScopeSignals all, boolean fleet) {
        if (all.stoppedTasksUnavailable().isPresent()) {
            return "OOM kills and crashes unknown: " + all.stoppedTasksUnavailable().get().line();
        }
        if (all.stoppedTasksFrom().isPresent()) {
            return STOPPED;
        }
        return fleet ? "OOM kills and crashes are read in the cluster's view (c)" : "stopped tasks not read yet";
    }

    /** "service events since 09:12": how far back the events read go; empty when none were. */
    private Optional<String> events(Optional<ServiceInfo> info) {
        return info.flatMap(i -> i.health().events().stream().map(ServiceEvent::createdAt).min(Comparator.naturalOrder()))
                .map(t -> Horizon.Source.SERVICE_EVENTS.label() + " since " + time(t));
    }

    /** "12:14" today, "11-19 23:50" before. */
    private String time(Instant t) {
        boolean today = t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (today ? TODAY : EARLIER).withZone(zone).format(t);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
