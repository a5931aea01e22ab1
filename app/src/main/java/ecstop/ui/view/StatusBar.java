package ecstop.ui.view;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.domain.CallStats;
import ecstop.domain.Snapshot;
import ecstop.ui.State;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bottom line: where we are, how old the data is and when it refreshes, what the session
 * has cost, and the last error. When the line is too narrow, the least useful parts go
 * first; an error and a stale marker are the last to go.
 */
public final class StatusBar {
    /** A piece of the line; lower {@code keep} is dropped first. */
    record Part(String text, TextColor fg, TextColor bg, boolean bold, int keep) {}

    public void draw(TextGraphics g, Rect r, State s, RenderContext c) {
        List<Part> parts = parts(s, c);
        String hint = " ? help  q quit ";
        int room = r.width();
        boolean withHint = true;
        while (width(parts, c.glyphs()) + (withHint ? Text.width(hint) : 0) > room) {
            if (withHint && parts.stream().allMatch(p -> p.keep() >= 4)) {
                withHint = false;
                continue;
            }
            int lowest = parts.stream().mapToInt(Part::keep).min().orElse(99);
            if (lowest >= 9 || parts.size() <= 1) {
                break;
            }
            parts.removeIf(p -> p.keep() == lowest);
        }
        Palette p = c.palette();
        Pen.put(g, r.col(), r.row(), " ".repeat(Math.max(0, room)), p.statusFg(), p.statusBg());
        int x = r.col();
        String sep = c.glyphs().sep();
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String text = (i == 0 ? " " : "") + part.text();
            int left = r.col() + room - x;
            if (left <= 0) {
                break;
            }
            String shown = Text.fit(text, left, c.glyphs().ellipsis());
            Pen.put(g, x, r.row(), shown, part.fg(), part.bg(), part.bold());
            x += Text.width(shown);
            if (i < parts.size() - 1 && x + sep.length() < r.col() + room) {
                Pen.put(g, x, r.row(), sep, p.statusFg(), p.statusBg());
                x += sep.length();
            }
        }
        if (withHint && x + Text.width(hint) <= r.col() + room) {
            Pen.put(g, r.col() + room - Text.width(hint), r.row(), hint, p.statusFg(), p.statusBg(), true);
        }
    }

    private static int width(List<Part> parts, Glyphs gl) {
        int w = 1;
        for (Part p : parts) {
            w += Text.width(Text.sanitize(p.text()));
        }
        return w + Math.max(0, parts.size() - 1) * gl.sep().length();
    }

    /** The session's calls and the metrics CloudWatch bills for, both as counted, and their price. */
    private static String cost(CallStats stats) {
        double usd = stats.estimatedCostUsd();
        String price = usd == 0 ? "0" : String.format(Locale.ROOT, usd < 1 ? "%.4f" : "%.2f", usd);
        return stats.totalCalls() + " calls, " + stats.metricsRequested() + " metrics ~$" + price;
    }

    List<Part> parts(State s, RenderContext c) {
        Palette p = c.palette();
        TextColor fg = p.statusFg();
        TextColor bg = p.statusBg();
        List<Part> parts = new ArrayList<>();
        if (!c.header().isBlank()) {
            parts.add(new Part(c.header(), fg, bg, false, 4));
        }
        parts.add(new Part(s.cluster().orElse("no cluster"), fg, bg, true, 8));
        parts.add(new Part(s.lookback().label() + " " + s.stat().key(), fg, bg, false, 6));
        if (s.snapshot().isPresent()) {
            Snapshot snap = s.snapshot().get();
            Duration age = Duration.between(snap.fetchedAt(), c.now());
            if (s.stale()) {
                parts.add(new Part("STALE " + Ages.shortly(age), p.errorFg(), p.errorBg(), true, 9));
            } else {
                // as hard to drop as STALE: with a long cluster-list error beside it, the error
                // is cut rather than the age of the data on screen
                parts.add(new Part("refreshed " + Ages.shortly(age) + " ago", fg, bg, false, 9));
            }
            if (s.catchingUp()) {
                parts.add(new Part("loading " + s.lookback().label() + " " + s.stat().key() + c.glyphs().ellipsis(),
                        fg, bg, true, 7));
            }
        } else if (s.loading()) {
            parts.add(new Part("loading" + c.glyphs().ellipsis(), fg, bg, true, 9));
        }
        s.nextRefresh().ifPresent(next -> {
            Duration in = Duration.between(c.now(), next);
            parts.add(new Part(in.isNegative() || in.isZero() ? "refreshing" + c.glyphs().ellipsis()
                    : "next in " + Ages.shortly(in), fg, bg, false, 2));
        });
        CallStats stats = s.session();
        if (stats.totalCalls() > 0) {
            parts.add(new Part(cost(stats), fg, bg, false, 3));
        }
        s.lastError().or(s::clustersError)
                .ifPresent(f -> parts.add(new Part(f.line(), p.errorFg(), p.errorBg(), true, 9)));
        return parts;
    }
}
