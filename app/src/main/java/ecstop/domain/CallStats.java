package ecstop.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one fetch cost: calls by operation, CloudWatch metrics requested (the billed unit),
 * throttling answers met along the way. {@code metricsRequested} is what the app could count
 * for sure; {@code metricsMaybe} how many more CloudWatch may have billed: a Metrics Insights
 * query is billed by every series it analyses, and where the app cannot know them all (a
 * monitoring account's linked accounts) it counts the ones it can see and the most the query
 * can analyse. The meter then says "at least", and the budget paces on the most.
 */
public record CallStats(Map<String, Integer> calls, long metricsRequested, int throttled, long metricsMaybe) {
    public static final CallStats NONE = new CallStats(Map.of(), 0, 0);
    /** Amazon CloudWatch pricing (https://aws.amazon.com/cloudwatch/pricing/): GetMetricData, $0.01 per 1,000 metrics. */
    private static final double USD_PER_METRIC = 0.01 / 1000.0;

    public CallStats {
        calls = Map.copyOf(calls);
    }

    /** Every metric counted exactly. */
    public CallStats(Map<String, Integer> calls, long metricsRequested, int throttled) {
        this(calls, metricsRequested, throttled, 0);
    }

    public int totalCalls() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    /** What was spent since {@code before}, when this is a running total that included it. */
    public CallStats minus(CallStats before) {
        Map<String, Integer> left = new TreeMap<>();
        calls.forEach((op, n) -> {
            int d = n - before.calls(op);
            if (d > 0) {
                left.put(op, d);
            }
        });
        return new CallStats(left, metricsRequested - before.metricsRequested, throttled - before.throttled,
                metricsMaybe - before.metricsMaybe);
    }

    public CallStats plus(CallStats other) {
        Map<String, Integer> sum = new TreeMap<>(calls);
        other.calls.forEach((op, n) -> sum.merge(op, n, Integer::sum));
        return new CallStats(sum, metricsRequested + other.metricsRequested, throttled + other.throttled,
                metricsMaybe + other.metricsMaybe);
    }

    /** The metric count is a lower bound: say "at least". */
    public boolean atLeast() {
        return metricsMaybe > 0;
    }

    /** The most CloudWatch may have billed. */
    public long metricsAtMost() {
        return metricsRequested + metricsMaybe;
    }

    /** CloudWatch bills GetMetricData at about $0.01 per 1,000 metrics requested: what was counted. */
    public double estimatedCostUsd() {
        return metricsRequested * USD_PER_METRIC;
    }

    /** The same at the most CloudWatch may have billed: what a budget must pace on. */
    public double mostCostUsd() {
        return metricsAtMost() * USD_PER_METRIC;
    }
}
