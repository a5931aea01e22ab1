package ecstop.ui.widget.chart;

import ecstop.ui.Golden;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chart drawn from {@link ChartFixture}'s story against golden files under
 * golden/chart: the characters, then the ink of every cell. Regenerate with
 * {@code -Dgolden.update=true} and read the pictures before committing them.
 */
class ChartGoldenTest {
    @ParameterizedTest
    @EnumSource(GlyphMode.class)
    void fortyByEight(GlyphMode mode) {
        Golden.assertMatches("chart/story-40x8-" + mode.name().toLowerCase(java.util.Locale.ROOT),
                ChartFixture.picture(Chart.render(ChartFixture.spec(mode), 40, 8)));
    }

    @ParameterizedTest
    @EnumSource(GlyphMode.class)
    void eightyByFourteen(GlyphMode mode) {
        Golden.assertMatches("chart/story-80x14-" + mode.name().toLowerCase(java.util.Locale.ROOT),
                ChartFixture.picture(Chart.render(ChartFixture.spec(mode), 80, 14)));
    }

    @Test
    void theSelectedMarkerShowsItsTimeAndText() {
        ChartSpec spec = ChartFixture.spec(GlyphMode.BRAILLE).withMarkers(ChartFixture.markers(), OptionalInt.of(0));
        Golden.assertMatches("chart/story-60x10-selected", ChartFixture.picture(Chart.render(spec, 60, 10)));
    }

    @Test
    void aWeekAgoDimUnderNow() {
        ChartSpec now = ChartFixture.spec(GlyphMode.BRAILLE);
        // Last week's same window, read seven days earlier, 30 points lower.
        Duration week = Duration.ofDays(7);
        ChartSeries weekAgo = ChartSeries.of("a week ago", ChartFixture.series(-30, week), ChartFixture.MINUTE,
                ecstop.domain.Stat.MAX).overlaid(week);
        ChartSpec spec = new ChartSpec(List.of(now.series().get(0), weekAgo), now.start(), now.end(), now.zone(), now.y(),
                now.thresholds(), now.markers(), OptionalInt.empty(), GlyphMode.BRAILLE);
        Golden.assertMatches("chart/story-60x10-week-ago", ChartFixture.picture(Chart.render(spec, 60, 10)));
    }
}
