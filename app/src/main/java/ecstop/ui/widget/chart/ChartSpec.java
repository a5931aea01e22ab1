package ecstop.ui.widget.chart;

import ecstop.domain.Thresholds;
import ecstop.domain.TimeWindow;
import ecstop.domain.timeline.Markers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to chart: lines over the window {@code [start, end)}, the y range, the warn and hot
 * lines (none when empty), the markers with the one ←/→ selected (an index into
 * {@code markers.inOrder()}), the glyphs, and the zone the time axis reads in. Series 0 is
 * drawn over the others.
 */
public record ChartSpec(List<ChartSeries> series, Instant start, Instant end, ZoneId zone, YRange y,
                        Optional<Thresholds> thresholds, Markers markers, OptionalInt selected, GlyphMode mode) {
    public ChartSpec {
        series = List.copyOf(series);
        Objects.requireNonNull(zone, "zone");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("empty window " + start + ".." + end);
        }
    }

    /** The lines over a window, 0–110%, no threshold lines or markers, in braille. */
    public static ChartSpec of(List<ChartSeries> series, TimeWindow window, ZoneId zone) {
        return new ChartSpec(series, window.start(), window.end(), zone, YRange.PERCENT, Optional.empty(),
                Markers.NONE, OptionalInt.empty(), GlyphMode.BRAILLE);
    }

    public ChartSpec withThresholds(Thresholds t) {
        return new ChartSpec(series, start, end, zone, y, Optional.of(t), markers, selected, mode);
    }

    public ChartSpec withMarkers(Markers m, OptionalInt sel) {
        return new ChartSpec(series, start, end, zone, y, thresholds, m, sel, mode);
    }

    public ChartSpec withMode(GlyphMode m) {
        return new ChartSpec(series, start, end, zone, y, thresholds, markers, selected, m);
    }

    public ChartSpec withY(YRange r) {
        return new ChartSpec(series, start, end, zone, r, thresholds, markers, selected, mode);
    }
}
