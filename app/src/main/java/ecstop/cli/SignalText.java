package ecstop.cli;

import ecstop.domain.Prefixes;
import ecstop.domain.signal.ClusterSignals;
import ecstop.domain.signal.Horizon;
import ecstop.domain.signal.Severity;
import ecstop.domain.signal.Signal;
import ecstop.domain.signal.Times;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The signals section of the text report: one line per signal, worst first, with the
 * horizon each source covers said once in the title, so a quiet hour reads "none in the
 * last ~1h of stopped tasks", never "0 in 24h".
 */
final class SignalText {
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private SignalText() {}

    record Line(String service, Signal signal) {}

    static String render(OnceReport r, List<String> names, String prefix, int width, boolean colour) {
        ClusterSignals signals = r.signals();
        Instant now = r.snapshot().fetchedAt();
        List<Line> lines = new ArrayList<>();
        for (String n : names) {
            signals.of(n).forEach(s -> lines.add(new Line(n, s)));
        }
        lines.sort(Comparator.comparing((Line l) -> l.signal().severity()).reversed()
                .thenComparing(Line::service).thenComparing(l -> l.signal().kind()));
        StringBuilder sb = new StringBuilder(title(signals)).append('\n');
        if (lines.isEmpty()) {
            sb.append("(none)\n");
        }
        for (Line l : lines) {
            Signal s = l.signal();
            String sev = String.format(java.util.Locale.ROOT, "%-4s", s.severity().name());
            String paint = !colour ? "" : s.severity() == Severity.CRIT ? RED : s.severity() == Severity.WARN ? YELLOW : "";
            sb.append(SafeText.fit(SafeText.safe(Prefixes.strip(l.service(), prefix)), width)).append(' ')
                    .append(paint).append(sev).append(paint.isEmpty() ? "" : RESET).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%-6s", s.kind().word())).append(' ')
                    .append(SafeText.safe(s.summary()))
                    .append(s.at().map(at -> (s.ongoing() ? " · since " : " · last ") + time(at, now)).orElse(""))
                    .append('\n');
        }
        return sb.toString();
    }

    /** "Signals · stopped tasks: last ~1h (ECS keeps them about an hour) · service events: the last 24h DescribeServices returned". */
    static String title(ClusterSignals signals) {
        String stopped = signals.stoppedTasksUnavailable().isPresent() ? "stopped tasks: not read (see stderr)"
                : Horizon.Source.STOPPED_TASKS.label();
        return "Signals · " + stopped + " · service events: up to 24h of what DescribeServices returns";
    }

    /** "12:14Z" today, the date too otherwise. */
    static String time(Instant at, Instant now) {
        String full = Times.minute(at);
        return at.truncatedTo(ChronoUnit.DAYS).equals(now.truncatedTo(ChronoUnit.DAYS)) ? full.substring(11) : full;
    }

    static Optional<String> unavailable(ClusterSignals signals) {
        return signals.stoppedTasksUnavailable().map(f -> "signals from stopped tasks (OOM kills, crashes) are missing: "
                + SafeText.safe(f.line()));
    }
}
