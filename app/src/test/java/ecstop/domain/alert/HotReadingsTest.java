package ecstop.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Level;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.MetricKey;
import ecstop.domain.Point;
import ecstop.domain.Scope;
import ecstop.domain.Series;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.ThresholdRule;
import ecstop.domain.Thresholds;
import ecstop.domain.TimeWindow;
import ecstop.domain.CallStats;
import ecstop.testfleet.Refs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HotReadingsTest {
    private static final Instant T = Instant.parse("2026-11-20T12:00:00Z");

    /** A snapshot of one service whose CPU maximum went through {@code cpu}, oldest first; memory has no data. */
    private static Snapshot snapshot(String service, double... cpu) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < cpu.length; i++) {
            points.add(new Point(T.minusSeconds(60L * (cpu.length - i)), cpu[i]));
        }
        ServiceUsage u = new ServiceUsage(Refs.service("prod", service),
                Map.of(MetricKey.of(Metric.CPU, Stat.MAX), new Series(points)));
        return new Snapshot(Scope.of(Refs.cluster("prod")), Lookback.hours(1), Stat.MAX,
                new TimeWindow(T.minusSeconds(3600), T, Duration.ofMinutes(1)), T, List.of(u), Optional.empty(),
                Optional.empty(), CallStats.NONE);
    }

    private static Reading.Condition condition(Thresholds t, double... cpu) {
        return HotReadings.of(snapshot("api", cpu), t).get(0).condition();
    }

    @Test
    void theNewestValueDecidesNotThePeakOfTheWindow() {
        assertThat(condition(Thresholds.DEFAULT, 99, 50)).isEqualTo(Reading.Condition.CLEAR);
        assertThat(condition(Thresholds.DEFAULT, 50, 96)).isEqualTo(Reading.Condition.FIRING);
    }

    @Test
    void betweenWarnAndHotIsTheHysteresisBand() {
        assertThat(condition(Thresholds.DEFAULT, 95)).isEqualTo(Reading.Condition.FIRING);
        assertThat(condition(Thresholds.DEFAULT, 94.9)).isEqualTo(Reading.Condition.HOLDING);
        assertThat(condition(Thresholds.DEFAULT, 80)).isEqualTo(Reading.Condition.HOLDING);
        assertThat(condition(Thresholds.DEFAULT, 79.9)).isEqualTo(Reading.Condition.CLEAR);
    }

    @Test
    void theBandIsAtLeastFivePointsWhenWarnSitsAtHot() {
        Thresholds tight = new Thresholds(95, 95);
        assertThat(HotReadings.rearmLevel(tight)).isEqualTo(90);
        assertThat(condition(tight, 92)).isEqualTo(Reading.Condition.HOLDING);
        assertThat(condition(tight, 89)).isEqualTo(Reading.Condition.CLEAR);
    }

    @Test
    void aServicesOwnThresholdsApplyAndNoDataGivesNoReading() {
        Thresholds batch = Thresholds.DEFAULT.withRules(List.of(new ThresholdRule(Metric.CPU, Level.HOT, "api", 99)));
        assertThat(condition(batch, 97)).isEqualTo(Reading.Condition.HOLDING);
        List<Reading> readings = HotReadings.of(snapshot("api", 97), Thresholds.DEFAULT);
        assertThat(readings).singleElement().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(Trigger.CPU_HOT);
            assertThat(r.detail()).isEqualTo("97.0%");
        });
    }
}
