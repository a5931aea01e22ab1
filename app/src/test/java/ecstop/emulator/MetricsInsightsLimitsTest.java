package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecstop.testing.EmulatorExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Metrics Insights' quotas on a fleet past both of them (101 clusters × 100 services): the
 * first 10,000 series are processed and billed, 500 come back, the busiest of those
 * processed, and two messages say what was cut.
 */
class MetricsInsightsLimitsTest {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(clusters(), 9)).at(NOW);

    static Map<String, Integer> clusters() {
        Map<String, Integer> clusters = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            clusters.put(String.format("c%03d", i), 100);
        }
        return clusters;
    }

    static JsonNode query(String expression) {
        RawHttp.Response r = RawHttp.cloudWatchJson(emulator.endpoint(), "GetMetricData",
                MetricsInsightsWireTest.json(expression, 3600, MetricsInsightsWireTest.START, ""));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    static List<String> codes(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.path("Messages").forEach(m -> out.add(m.path("Code").asText()));
        return out;
    }

    @Test
    void tenThousandProcessedFiveHundredReturnedAndBothSaidSo() {
        JsonNode r = query(MetricsInsightsWireTest.FLEET_CPU);

        assertThat(r.path("MetricDataResults")).hasSize(500);
        assertThat(codes(r)).containsExactlyInAnyOrder("MaxMatchingResultsExceeded", "MaxQueryResultsExceeded");
        assertThat(emulator.log().snapshot().metricsAnalysed()).isEqualTo(10_000);
        // The first 10,000 found are c000..c099; c100 was never looked at.
        assertThat(MetricsInsightsWireTest.labels(r)).noneMatch(l -> l.startsWith("c100 "));
        List<Double> peaks = new ArrayList<>();
        r.path("MetricDataResults").forEach(x -> peaks.add(MetricsInsightsWireTest.max(x)));
        assertThat(peaks).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void theFiveHundredAreTheBusiestOfAllProcessedNotTheFirstFound() {
        JsonNode top = query(MetricsInsightsWireTest.FLEET_CPU);
        JsonNode oneCluster = query(MetricsInsightsWireTest.FLEET_CPU.replace("GROUP BY", "WHERE ClusterName = 'c050' GROUP BY"));

        double lowestReturned = MetricsInsightsWireTest.max(top.path("MetricDataResults").get(499));
        // Every c050 service busier than the 500th made it in; none of the others did.
        for (JsonNode s : oneCluster.path("MetricDataResults")) {
            boolean in = MetricsInsightsWireTest.labels(top).contains(s.path("Label").asText());
            assertThat(in).as(s.path("Label").asText()).isEqualTo(MetricsInsightsWireTest.max(s) >= lowestReturned);
        }
        assertThat(codes(oneCluster)).isEmpty();
    }
}
