package ecstop.ui.widget.chart;

import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.Stat;
import ecstop.domain.Thresholds;
import ecstop.domain.timeline.Marker;
import ecstop.domain.timeline.MarkerKind;
import ecstop.domain.timeline.Markers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A small fixed story for the chart's tests, six hours of minutes from 12:00 UTC: memory at
 * 40% until a deployment at 13:00, climbing to 100% by 15:00, no data from 15:30 to 16:00
 * (the tasks were replaced), then 97% with one minute at 130% (past the top) at 16:30 when a
 * task is killed for memory, and a scale-out at 17:00. The average runs 20 points under the
 * maximum.
 */
final class ChartFixture {
    static final Instant START = Instant.parse("2026-12-05T12:00:00Z");
    static final Instant END = START.plus(Duration.ofHours(6));
    static final Duration MINUTE = Duration.ofMinutes(1);

    private ChartFixture() {}

    static double maxAt(int minute) {
        if (minute < 60) {
            return 40;
        }
        if (minute < 180) {
            return 40 + (minute - 60) * 60.0 / 120;
        }
        if (minute < 210) {
            return 100;
        }
        if (minute < 240) {
            return Double.NaN;
        }
        return minute == 270 ? 130 : 97;
    }

    static Series series(double offset) {
        return series(offset, Duration.ZERO);
    }

    /** The story {@code offset} points higher, told {@code earlier} before. */
    static Series series(double offset, Duration earlier) {
        List<Point> out = new ArrayList<>();
        for (int m = 0; m < 360; m++) {
            double v = maxAt(m);
            if (!Double.isNaN(v)) {
                out.add(new Point(START.minus(earlier).plusSeconds(60L * m), Math.max(0, v + offset)));
            }
        }
        return new Series(out);
    }

    static Markers markers() {
        return Markers.of(List.of(
                new Marker(START.plusSeconds(60 * 60), MarkerKind.DEPLOYMENT_STARTED, "the deployment of :42"),
                new Marker(START.plusSeconds(80 * 60), MarkerKind.DEPLOYMENT_COMPLETED, "the deployment of :42 completing"),
                new Marker(START.plusSeconds(270 * 60), MarkerKind.OOM_KILL, "an OOM kill of task 1a2b"),
                new Marker(START.plusSeconds(300 * 60), MarkerKind.SCALING, "scaling to 6 tasks")));
    }

    static ChartSpec spec(GlyphMode mode) {
        return new ChartSpec(List.of(
                ChartSeries.of("max", series(0), MINUTE, Stat.MAX),
                ChartSeries.of("avg", series(-20), MINUTE, Stat.AVG)),
                START, END, ZoneOffset.UTC, YRange.PERCENT, java.util.Optional.of(Thresholds.DEFAULT),
                markers(), OptionalInt.empty(), mode);
    }

    /**
     * The grid as text, then each cell's ink as one character: blank ' ', axis 'a', label
     * 'l', a line's index '0'-'9', a dimmed line 'd', warn 'w', hot 'h', clipped '^', a
     * marker 'm', a marker's line '|', the selected marker 's'.
     */
    static String picture(ChartGrid g) {
        StringBuilder sb = new StringBuilder(g.text()).append("\n\n");
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                Ink ink = g.inkAt(c, r);
                sb.append(switch (ink.role()) {
                    case BLANK -> ' ';
                    case AXIS -> 'a';
                    case LABEL -> 'l';
                    case SERIES -> (char) ('0' + ink.series());
                    case DIM -> 'd';
                    case WARN -> 'w';
                    case HOT -> 'h';
                    case CLIP -> '^';
                    case MARKER -> 'm';
                    case LINE -> '|';
                    case SELECTED -> 's';
                });
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
