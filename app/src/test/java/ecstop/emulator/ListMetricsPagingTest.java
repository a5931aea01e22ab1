package ecstop.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import ecstop.testing.EmulatorExtension;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ListMetrics pages at 500 metrics, with a NextToken for the rest and a clear error for a bad one. */
class ListMetricsPagingTest {
    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(Map.of("big", 300), 5))
            .at(Instant.parse("2026-11-21T12:00:00Z"));

    @Test
    void sixHundredServiceMetricsComeInTwoPages() {
        Set<String> seen = new HashSet<>();
        JsonNode first = RawHttp.cloudWatchJson(emulator.endpoint(), "ListMetrics", "{\"Namespace\":\"AWS/ECS\"}").json();
        first.path("Metrics").forEach(m -> seen.add(m.toString()));
        JsonNode second = RawHttp.cloudWatchJson(emulator.endpoint(), "ListMetrics", "{\"Namespace\":\"AWS/ECS\",\"NextToken\":\""
                + first.path("NextToken").asText() + "\"}").json();
        second.path("Metrics").forEach(m -> seen.add(m.toString()));

        assertThat(first.path("Metrics")).hasSize(CloudWatchApi.LIST_PAGE);
        assertThat(second.path("Metrics")).hasSize(100);
        assertThat(second.has("NextToken")).isFalse();
        assertThat(seen).hasSize(600);
        assertThat(RawHttp.cloudWatchJson(emulator.endpoint(), "ListMetrics", "{\"NextToken\":\"nope\"}").json()
                .path("__type").asText()).contains("InvalidNextToken");
        assertThat(RawHttp.cloudWatchJson(emulator.endpoint(), "ListMetrics", "{\"Namespace\":\"ECS/ContainerInsights\"}").json()
                .path("Metrics")).as("Container Insights is off in every cluster").isEmpty();
    }
}
