package ecstop.ui.view;

import ecstop.domain.Thresholds;
import ecstop.ui.widget.Glyphs;
import java.time.Instant;
import java.time.ZoneId;

/** What a frame needs besides the State: how to draw, and the time it is drawn at. */
public record RenderContext(Palette palette, Glyphs glyphs, Thresholds thresholds, ZoneId zone, String header,
                            Instant now) {
    public RenderContext at(Instant t) {
        return new RenderContext(palette, glyphs, thresholds, zone, header, t);
    }
}
