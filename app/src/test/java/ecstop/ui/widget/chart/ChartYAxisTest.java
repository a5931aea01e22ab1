package ecstop.ui.widget.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartYAxisTest {
    @ParameterizedTest(name = "{0}..{1} over {2} rows")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 110 | 1  | ''
            0 | 110 | 2  | ''
            0 | 110 | 3  | 100%@0 0%@2
            0 | 110 | 5  | 100%@0 50%@2 0%@4
            0 | 110 | 7  | 100%@0 50%@3 0%@6
            0 | 110 | 11 | 100%@0 80%@2 60%@4 40%@6 20%@8 0%@10
            0 | 110 | 40 | 100%@3 80%@10 60%@18 40%@25 20%@32 0%@39
            0 | 440 | 8  | 400%@0 200%@4 0%@7
            """)
    void roundLabelsWithABlankRowBetween(double min, double max, int height, String expected) {
        String got = YAxis.ticks(new YRange(min, max), height).stream()
                .sorted((a, b) -> Integer.compare(a.row(), b.row()))
                .map(t -> t.label() + "@" + t.row()).collect(Collectors.joining(" "));
        assertThat(got).isEqualTo(expected);
    }
}
