package ecstop.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one fetch cost: calls by operation, CloudWatch metrics requested (the billed unit),
 * throttling answers met along the way.
 */
public record CallStats(Map<String, Integer> calls, long metricsRequested, int throttled) {
    public static final CallStats NONE = new CallStats(Map.of(), 0, 0);

    public CallStats {
        calls = Map.copyOf(calls);
    }

    public int totalCalls() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    public CallStats plus(CallStats other) {
        Map<String, Integer> sum = new TreeMap<>(calls);
        other.calls.forEach((op, n) -> sum.merge(op, n, Integer::sum));
        return new CallStats(sum, metricsRequested + other.metricsRequested, throttled + other.throttled);
    }

    /** CloudWatch bills GetMetricData at about $0.01 per 1,000 metrics requested. */
    public double estimatedCostUsd() {
        return metricsRequested * 0.01 / 1000.0;
    }
}
