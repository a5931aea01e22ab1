package ecstop.ui.present;

import ecstop.domain.CallStats;
import ecstop.domain.Scope;
import ecstop.domain.Pace;
import ecstop.ui.state.Fault;
import ecstop.ui.state.State;
import ecstop.ui.widget.Glyphs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The status line from the State and the clock. Keeps the parts that change only with an
 * answer, formatted once, not every second. UI thread only.
 */
final class StatusLine {
    private final Glyphs glyphs;
    private CallStats costOf;
    private String costText;
    private Pace paceOf;
    private List<StatusPart> paceParts = List.of();

    StatusLine(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    /**
     * The status line's parts: where we are, how old the data is and when it refreshes, what
     * the session has cost, and the last error, each with how hard it is to drop.
     */
    List<StatusPart> parts(State s, Instant now, String header) {
        List<StatusPart> parts = new ArrayList<>();
        if (!header.isBlank()) {
            parts.add(new StatusPart(header, false, false, 4));
        }
        parts.add(new StatusPart(s.question().scope().map(Scope::name).orElse("no cluster"), false, true, 8));
        parts.add(new StatusPart(s.question().lookback().label() + " " + s.question().stat().key(), false, false, 6));
        if (s.fleet().snapshot().isPresent()) {
            Duration age = Duration.between(s.fleet().snapshot().get().fetchedAt(), now);
            if (s.health().lastSession()) {
                // painted from the last session while the first fetch is on its way: says so, and how old
                parts.add(new StatusPart("last session's data, " + Ages.shortly(age) + " old", false, true, 9));
            } else if (s.stale()) {
                parts.add(new StatusPart("STALE " + Ages.shortly(age), true, true, 9));
            } else {
                // as hard to drop as STALE: with a long cluster-list error beside it, the error
                // is cut rather than the age of the data on screen
                parts.add(new StatusPart("refreshed " + Ages.shortly(age) + " ago", false, false, 9));
            }
            if (s.catchingUp()) {
                parts.add(new StatusPart("loading " + s.question().lookback().label() + " " + s.question().stat().key() + glyphs.ellipsis(),
                        false, true, 7));
            }
        } else if (s.loading()) {
            parts.add(new StatusPart("loading" + glyphs.ellipsis(), false, true, 9));
        }
        s.health().nextRefresh().ifPresent(next -> {
            Duration in = Duration.between(now, next);
            parts.add(new StatusPart(in.isNegative() || in.isZero() ? "refreshing" + glyphs.ellipsis()
                    : "next in " + Ages.shortly(in), false, false, 2));
        });
        CallStats stats = s.health().session();
        if (stats.totalCalls() > 0) {
            // the same text until the next answer: formatted once, not every second
            if (stats != costOf) {
                costOf = stats;
                costText = cost(stats);
            }
            parts.add(new StatusPart(costText, false, false, 3));
        }
        s.health().pace().ifPresent(p -> {
            if (p != paceOf) {
                paceOf = p;
                paceParts = List.copyOf(paceParts(p));
            }
            parts.addAll(paceParts);
        });
        if (s.alerting().quiet(now)) {
            parts.add(new StatusPart("alerts quiet " + Ages.shortly(Duration.between(now, s.alerting().quietUntil().get())),
                    false, false, 5));
        }
        s.fleet().notes().filter(n -> s.question().scope().orElse(null) instanceof Scope.Fleet).ifPresent(n -> {
            n.failed().forEach((t, f) -> parts.add(new StatusPart(t.label(glyphs.sep()) + ": " + f.line(), true, true, 8)));
            if (n.limits().truncated()) {
                parts.add(new StatusPart(n.limits().line(), false, true, 5));
            }
        });
        // the bars stand without stopped tasks; what they would have told is missing, and why:
        // as hard to drop as an error, so a narrow line cuts it short rather than losing it
        s.fleet().signals().stoppedTasksUnavailable().filter(f -> s.cluster().isPresent())
                .ifPresent(f -> parts.add(new StatusPart("no OOM/crash signals: " + f.line(), true, false, 9)));
        s.health().lastError().map(Fault::failure).or(s.health()::clustersError)
                .ifPresent(f -> parts.add(new StatusPart(f.line(), true, true, 9)));
        return parts;
    }

    /** The projected cost a day, then the cadence. */
    private List<StatusPart> paceParts(Pace p) {
        List<StatusPart> out = new ArrayList<>(2);
        // the cadence goes first when the line is too narrow, then the projection with "next in"
        p.usdPerDay().ifPresent(usd -> out.add(new StatusPart("~$" + perDay(usd) + "/day", false, false, 2)));
        out.add(new StatusPart(pace(p), false, p.budgetStretched(), 1));
        return out;
    }

    /**
     * "every 60s · unfocused: 10m" while someone looks; "unfocused: every 10m" (or "idle: …",
     * when no key came for a while) while nobody does; "(budget)" when the daily budget set it.
     */
    private String pace(Pace p) {
        String every = "every " + Ages.interval(p.every()) + (p.budgetStretched() ? " (budget)" : "");
        if (p.away()) {
            return (p.looking() == Pace.Looking.UNFOCUSED ? "unfocused: " : "idle: ") + every;
        }
        if (p.awayEvery().isZero()) {
            return every;
        }
        return every + glyphs.sep() + (p.focusReported() ? "unfocused: " : "idle: ") + Ages.interval(p.awayEvery());
    }

    /** "0.32", "0.045": a cost a day, to a tenth of a cent below ten cents. */
    private static String perDay(double usd) {
        return usd == 0 ? "0" : String.format(Locale.ROOT, usd < 0.1 ? "%.3f" : "%.2f", usd);
    }

    /** The session's calls and the metrics CloudWatch bills for, both as counted, and their price. */
    private static String cost(CallStats stats) {
        double usd = stats.estimatedCostUsd();
        String price = usd == 0 ? "0" : String.format(Locale.ROOT, usd < 1 ? "%.4f" : "%.2f", usd);
        return stats.totalCalls() + " calls, " + (stats.atLeast() ? "at least " : "") + stats.metricsRequested() + " metrics ~$" + price;
    }
}
