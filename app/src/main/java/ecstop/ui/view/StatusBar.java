package ecstop.ui.view;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import ecstop.ui.present.Rect;
import ecstop.ui.present.StatusPart;
import ecstop.ui.widget.Glyphs;
import ecstop.ui.widget.Pen;
import ecstop.ui.widget.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * The bottom line: where we are, how old the data is and when it refreshes, what the session
 * has cost, and the last error. When the line is too narrow, the least useful parts go
 * first; an error and a stale marker are the last to go.
 */
public final class StatusBar {
    /** A piece of the line; lower {@code keep} is dropped first. */
    record Part(String text, TextColor fg, TextColor bg, boolean bold, int keep) {}

    public void draw(TextGraphics g, Rect r, List<StatusPart> line, RenderContext c) {
        List<Part> parts = coloured(line, c.palette());
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

    private static List<Part> coloured(List<StatusPart> parts, Palette p) {
        List<Part> out = new ArrayList<>(parts.size());
        for (StatusPart s : parts) {
            out.add(new Part(s.text(), s.error() ? p.errorFg() : p.statusFg(), s.error() ? p.errorBg() : p.statusBg(),
                    s.bold(), s.keep()));
        }
        return out;
    }
}
