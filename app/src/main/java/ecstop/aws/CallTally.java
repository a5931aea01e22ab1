package ecstop.aws;

import ecstop.domain.CallStats;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * What one fetch costs. The reader counts each call it makes and each metric query it
 * sends; attached to every request of the fetch as an SDK metric publisher, this also
 * sees the attempts the SDK retried on its own (each is another request AWS counts) and
 * which of them were throttled, which no exception would tell us when the retry succeeds.
 */
final class CallTally implements MetricPublisher {
    private static final String THROTTLING = "Throttling";

    private final Map<String, Integer> calls = new TreeMap<>();
    private long metricsRequested;
    private long metricsMaybe;
    private int throttled;

    synchronized void call(String operation) {
        calls.merge(operation, 1, Integer::sum);
    }

    synchronized void metrics(long queries) {
        metricsRequested += queries;
    }

    /** Metrics counted as a range: at least {@code least}, at most {@code most}. */
    synchronized void metrics(long least, long most) {
        metricsRequested += least;
        metricsMaybe += Math.max(0, most - least);
    }

    @Override
    public void publish(MetricCollection apiCall) {
        String op = apiCall.metricValues(CoreMetric.OPERATION_NAME).stream().findFirst().orElse("unknown");
        int attempts = 0;
        int throttledAttempts = 0;
        for (MetricCollection child : apiCall.children()) {
            if (!"ApiCallAttempt".equals(child.name())) {
                continue;
            }
            attempts++;
            if (child.metricValues(CoreMetric.ERROR_TYPE).contains(THROTTLING)) {
                throttledAttempts++;
            }
        }
        synchronized (this) {
            if (attempts > 1) {
                calls.merge(op, attempts - 1, Integer::sum);
            }
            throttled += throttledAttempts;
        }
    }

    synchronized CallStats stats() {
        return new CallStats(calls, metricsRequested, throttled, metricsMaybe);
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
