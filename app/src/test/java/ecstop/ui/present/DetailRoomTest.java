package ecstop.ui.present;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How the detail's lines are shared out ({@link DetailPresenter.Room}), by the pane heights the
 * layout gives at 80x24 (9), 120x40 (15), 200x50 (19) and the tallest (40): the signals' lines,
 * then the chart's, and whether the chart takes the periods' place.
 */
class DetailRoomTest {
    @ParameterizedTest(name = "height {0}, {1} signal kinds: {2} signal lines")
    @CsvSource({
            // 80x24: each kind's first line, up to half; with one, room for a small chart below
            "9, 1, 1", "9, 3, 3", "9, 5, 3",
            // a third of what is below the tasks line for the events
            "15, 1, 4", "19, 1, 5", "40, 1, 12",
            "3, 1, 0", "4, 1, 1"})
    void theSignalsTakeTheirFirstLinesThenAThird(int height, int kinds, int lines) {
        assertThat(new DetailPresenter.Room(height).signals(kinds)).isEqualTo(lines);
    }

    @ParameterizedTest(name = "height {0}, {1} signal lines: a chart of {2}, alone: {3}")
    @CsvSource({
            "9, 1, 4, true", "9, 2, 0, false", "9, 3, 0, false",
            "15, 1, 6, false", "15, 4, 7, true",
            "19, 1, 9, false", "19, 5, 6, false",
            "40, 1, 16, false", "40, 12, 15, false"})
    void theChartTakesABitOverHalfOrThePeriodsPlaceWhenOnlyASmallOneFits(int height, int signals, int chart, boolean alone) {
        DetailPresenter.Room room = new DetailPresenter.Room(height);
        assertThat(room.chart(signals)).isEqualTo(chart);
        assertThat(room.chartOnly(signals)).isEqualTo(alone);
    }

    @Test
    void withRoomForBothThePeriodsKeepTheirHeaderAndTwoRows() {
        for (int height = 5; height <= 40; height++) {
            for (int signals = 1; signals <= height; signals++) {
                DetailPresenter.Room room = new DetailPresenter.Room(height);
                int left = height - 4 - signals;
                int chart = room.chart(signals);
                assertThat(chart).as("height %d, %d signal lines", height, signals).isBetween(0, Math.max(0, left));
                if (chart > 0 && !room.chartOnly(signals)) {
                    assertThat(left - chart).isGreaterThanOrEqualTo(DetailPresenter.Room.PERIODS_MIN);
                    assertThat(chart).isBetween(DetailPresenter.Room.CHART_MIN, DetailPresenter.Room.CHART_MAX);
                }
            }
        }
    }
}
