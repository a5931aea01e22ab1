package ecstop.emulator;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the emulator was asked, for tests and the benchmark: calls by operation (every
 * attempt that named an operation, including the ones answered with an error, so SDK
 * retries show up), CloudWatch metrics requested (the billed unit: one per GetMetricData
 * MetricStat query, one per GetMetricStatistics call, one per series a Metrics Insights
 * query analysed; the last also counted apart as metrics analysed), datapoints returned, throttling answers, error
 * answers by code, calls by wire protocol (awsJson1_1, awsJson1_0, rpc-v2-cbor, awsQuery),
 * the distinct operation names seen in the order first seen, and the calls held back by the
 * latency knob (counted as the hold begins, so a test can tell that a call met the latency
 * it set and switch it back without racing that call). Thread-safe.
 */
public final class RequestLog {
    private final Map<String, Long> calls = new TreeMap<>();
    private final Map<String, Long> errors = new TreeMap<>();
    private final Map<String, Long> protocols = new TreeMap<>();
    private final Set<String> operations = new LinkedHashSet<>();
    private long metricsRequested;
    private long metricsAnalysed;
    private long datapointsReturned;
    private long throttled;
    private long dropped;
    private long delayed;

    /** An immutable copy of the counts at one moment. */
    public record Counts(
            Map<String, Long> calls,
            long metricsRequested,
            long datapointsReturned,
            long throttled,
            long dropped,
            Map<String, Long> errors,
            Map<String, Long> protocols,
            List<String> operations,
            long metricsAnalysed,
            long delayed) {

        public Counts {
            calls = Map.copyOf(calls);
            errors = Map.copyOf(errors);
            protocols = Map.copyOf(protocols);
            operations = List.copyOf(operations);
        }

        public long calls(String operation) {
            return calls.getOrDefault(operation, 0L);
        }

        public long totalCalls() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        public long errors(String code) {
            return errors.getOrDefault(code, 0L);
        }
    }

    synchronized void call(String operation, String protocol) {
        calls.merge(operation, 1L, Long::sum);
        protocols.merge(protocol, 1L, Long::sum);
        operations.add(operation);
    }

    synchronized void served(long metrics, long analysed, long datapoints) {
        metricsRequested += metrics;
        metricsAnalysed += analysed;
        datapointsReturned += datapoints;
    }

    /** An error answer, by the code a client sees (the query code for CloudWatch). */
    synchronized void error(String code, boolean throttling) {
        errors.merge(code, 1L, Long::sum);
        if (throttling) {
            throttled++;
        }
    }

    synchronized void dropped() {
        dropped++;
    }

    synchronized void delayed() {
        delayed++;
    }

    public synchronized Counts snapshot() {
        return new Counts(new LinkedHashMap<>(calls), metricsRequested, datapointsReturned, throttled, dropped,
                new LinkedHashMap<>(errors), new LinkedHashMap<>(protocols), List.copyOf(operations), metricsAnalysed,
                delayed);
    }

    public synchronized void reset() {
        calls.clear();
        errors.clear();
        protocols.clear();
        operations.clear();
        metricsRequested = 0;
        metricsAnalysed = 0;
        datapointsReturned = 0;
        throttled = 0;
        dropped = 0;
        delayed = 0;
    }
}
