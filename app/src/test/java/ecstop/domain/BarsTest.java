package ecstop.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BarsTest {
    @Test
    void fullScaleIs110Percent() {
        assertThat(Bars.bar(110, 10, false)).isEqualTo("██████████");
        assertThat(Bars.bar(250, 10, false)).isEqualTo("██████████");
        assertThat(Bars.bar(55, 10, false)).isEqualTo("█████");
        assertThat(Bars.bar(0, 10, false)).isEmpty();
        assertThat(Bars.bar(-5, 10, false)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1,▏", "2,▎", "3,▍", "4,▌", "5,▋", "6,▊", "7,▉", "8,█"})
    void eighthsOfACell(int eighths, String glyph) {
        double value = eighths * Bars.SCALE / 8.0; // one cell wide: each eighth is SCALE/8
        assertThat(Bars.bar(value, 1, false)).isEqualTo(glyph);
    }

    @Test
    void barNeverExceedsItsWidth() {
        for (double v = -10; v <= 300; v += 0.37) {
            for (int w = 1; w <= 40; w += 3) {
                assertThat(Bars.bar(v, w, false).length()).isLessThanOrEqualTo(w);
                assertThat(Bars.bar(v, w, true).length()).isLessThanOrEqualTo(w);
            }
        }
    }

    @Test
    void asciiBarsUseOnlyAscii() {
        assertThat(Bars.bar(60, 10, true)).matches("[#=\\-]*").hasSize(6);
        assertThat(Bars.sparkline(points(0, 50, 100, 25), 10, true)).matches("\\p{ASCII}+");
    }

    @Test
    void percentHasOneDecimalAndKeepsValuesOver100() {
        assertThat(Bars.percent(98.24)).isEqualTo("98.2%");
        assertThat(Bars.percent(412.0)).isEqualTo("412.0%");
        assertThat(Bars.percent(Double.NaN)).isEqualTo("—");
    }

    @Test
    void sparklineKeepsSpikesWhenSqueezed() {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pts.add(new Point(Instant.ofEpochSecond(i * 60L), i == 37 ? 100 : 1));
        }
        String s = Bars.sparkline(pts, 10, false);
        assertThat(s).hasSize(10);
        assertThat(s.chars().filter(c -> c == '█').count()).isEqualTo(1);
        assertThat(s.charAt(3)).isEqualTo('█');
    }

    @Test
    void sparklineHasOneCellPerPointWhenThereIsRoom() {
        assertThat(Bars.sparkline(points(0, 100), 10, false)).isEqualTo("▁█");
        assertThat(Bars.sparkline(List.of(), 10, false)).isEmpty();
    }

    static List<Point> points(double... values) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new Point(Instant.ofEpochSecond(i * 3600L), values[i]));
        }
        return out;
    }
}
