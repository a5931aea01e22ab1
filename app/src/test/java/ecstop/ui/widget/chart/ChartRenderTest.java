package ecstop.ui.widget.chart;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.Stat;
import ecstop.domain.Thresholds;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What must hold of every chart, in every glyph mode, beyond the golden pictures. */
class ChartRenderTest {
    private static final Instant START = ChartFixture.START;
    private static final Instant END = START.plus(Duration.ofHours(1));

    private static ChartSpec oneLine(GlyphMode mode, double... minutes) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < minutes.length; i++) {
            if (!Double.isNaN(minutes[i])) {
                points.add(new Point(START.plusSeconds(60L * i), minutes[i]));
            }
        }
        return new ChartSpec(List.of(ChartSeries.of("max", new Series(points), ChartFixture.MINUTE, Stat.MAX)),
                START, END, ZoneOffset.UTC, YRange.PERCENT, Optional.empty(), ecstop.domain.timeline.Markers.NONE,
                OptionalInt.empty(), mode);
    }

    private static double[] constant(double v, int from, int to) {
        double[] out = new double[60];
        java.util.Arrays.fill(out, Double.NaN);
        java.util.Arrays.fill(out, from, to, v);
        return out;
    }

    private static boolean columnBlank(ChartGrid g, int plotColumn) {
        for (int r = 0; r < g.plotHeight(); r++) {
            if (g.inkAt(g.plotLeft() + plotColumn, r).role() != Ink.Role.BLANK) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest
    @EnumSource(GlyphMode.class)
    void aGapIsLeftEmptyAndZeroIsDrawn(GlyphMode mode) {
        // Zero for the first 20 minutes, nothing for the next 20, zero again for the last 20.
        double[] v = constant(0, 0, 60);
        java.util.Arrays.fill(v, 20, 40, Double.NaN);
        ChartGrid g = Chart.render(oneLine(mode, v), 40, 10);
        int w = g.plotWidth();
        for (int c = 0; c < w; c++) {
            boolean inGap = c >= (w * 20 + 59) / 60 && c < w * 40 / 60;
            boolean withData = c < w * 20 / 60 || c >= (w * 40 + 59) / 60;
            if (inGap) {
                assertThat(columnBlank(g, c)).as("%s column %d, in the gap", mode, c).isTrue();
            }
            if (withData) {
                assertThat(g.inkAt(g.plotLeft() + c, g.plotHeight() - 1).role()).as("%s column %d, at 0%%", mode, c)
                        .isEqualTo(Ink.Role.SERIES);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(GlyphMode.class)
    void aValuePastTheTopIsMarkedInItsColumnOnly(GlyphMode mode) {
        double[] v = constant(50, 0, 60);
        v[30] = 250;
        ChartGrid g = Chart.render(oneLine(mode, v), 40, 10);
        // Minute 30 covers [30, 31) of 60: the columns that overlap it, and no others.
        int w = g.plotWidth();
        int spike = 30 * w / 60;
        int last = (31 * w + 59) / 60 - 1;
        for (int c = 0; c < w; c++) {
            Ink top = g.inkAt(g.plotLeft() + c, 0);
            assertThat(top.role() == Ink.Role.CLIP).as("%s column %d", mode, c).isEqualTo(c >= spike && c <= last);
        }
        assertThat(g.charAt(g.plotLeft() + spike, 0)).isEqualTo(mode.ascii() ? '^' : '↑');
    }

    @ParameterizedTest
    @EnumSource(GlyphMode.class)
    void thresholdLinesGiveWayToData(GlyphMode mode) {
        ChartSpec spec = oneLine(mode, constant(96, 0, 30)).withThresholds(Thresholds.DEFAULT);
        ChartGrid g = Chart.render(spec, 40, 10);
        int hotRow = -1;
        for (int r = 0; r < g.plotHeight() && hotRow < 0; r++) {
            if (g.inkAt(g.plotLeft() + g.plotWidth() - 1, r).role() == Ink.Role.HOT) {
                hotRow = r;
            }
        }
        assertThat(hotRow).as("a hot line in the empty right half").isGreaterThanOrEqualTo(0);
        assertThat(g.inkAt(g.plotLeft() + 1, hotRow).role()).isEqualTo(Ink.Role.SERIES);
        boolean warn = false;
        for (int r = 0; r < g.plotHeight(); r++) {
            warn |= g.inkAt(g.plotLeft() + g.plotWidth() - 1, r).role() == Ink.Role.WARN;
        }
        assertThat(warn).isTrue();
    }

    @ParameterizedTest
    @EnumSource(GlyphMode.class)
    void anySizeGivesAGridOfThatSizeWithOneCellCharacters(GlyphMode mode) {
        ChartSpec spec = ChartFixture.spec(mode).withMarkers(ChartFixture.markers(), OptionalInt.of(2));
        for (int w = 0; w <= 45; w++) {
            for (int h = 0; h <= 12; h++) {
                ChartGrid g = Chart.render(spec, w, h);
                assertThat(g.width()).isEqualTo(w);
                assertThat(g.height()).isEqualTo(h);
                for (String row : g.rows()) {
                    assertThat(row).hasSize(w);
                    assertThat(row.codePoints().allMatch(cp -> !Character.isISOControl(cp) && !Character.isSurrogate((char) cp)))
                            .as("%dx%d %s", w, h, row).isTrue();
                    if (mode.ascii()) {
                        assertThat(row.chars().allMatch(ch -> ch >= ' ' && ch <= '~')).as("%dx%d %s", w, h, row).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theSelectedMarkerWinsItsColumnAndTheLegend() {
        // Selected, the deployment's completion (index 1) shows as SELECTED on the axis, and
        // the legend gives way to its time and text.
        ChartSpec spec = ChartFixture.spec(GlyphMode.ASCII).withMarkers(ChartFixture.markers(), OptionalInt.of(1));
        ChartGrid g = Chart.render(spec, 40, 10);
        String axis = g.row(g.plotHeight());
        assertThat(axis).contains("C");
        int col = axis.indexOf('C');
        assertThat(g.inkAt(col, g.plotHeight()).role()).isEqualTo(Ink.Role.SELECTED);
        assertThat(g.row(9)).startsWith("C 13:20 the deployment of :42 completing");
    }

    @Test
    void markersSharingAColumnShowTheHighestRank() {
        // At 7 columns (too few for a y axis) the deployment's start (13:00) and its
        // completion (13:20) share column 1.
        ChartSpec spec = ChartFixture.spec(GlyphMode.ASCII);
        ChartGrid g = Chart.render(spec, 7, 4);
        assertThat(g.plotLeft()).isZero();
        String axis = g.row(g.plotHeight());
        assertThat(axis).contains("D").doesNotContain("C");
    }

    @Test
    void aLegendRowOnlyWhenThereIsSomethingToExplain() {
        double[] v = constant(50, 0, 60);
        ChartGrid alone = Chart.render(oneLine(GlyphMode.BRAILLE, v), 40, 10);
        assertThat(alone.plotHeight()).isEqualTo(8);
        // The fixture's markers all fall after this one-hour window.
        ChartGrid elsewhere = Chart.render(oneLine(GlyphMode.BRAILLE, v).withMarkers(ChartFixture.markers(), OptionalInt.empty()), 40, 10);
        assertThat(elsewhere.plotHeight()).isEqualTo(8);
        ChartGrid inside = Chart.render(oneLine(GlyphMode.BRAILLE, v).withMarkers(ChartFixture.markers(), OptionalInt.of(3)), 40, 10);
        assertThat(inside.plotHeight()).isEqualTo(7);
        assertThat(inside.row(9)).startsWith("⇅ 17:00 scaling to 6 tasks");
    }
}
