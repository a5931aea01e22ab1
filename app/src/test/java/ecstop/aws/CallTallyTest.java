package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CallStats;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollector;

class CallTallyTest {
    /** What the SDK publishes for one call: its operation and one child per attempt. */
    private static MetricCollector apiCall(String operation, String... attemptErrors) {
        MetricCollector call = MetricCollector.create("ApiCall");
        call.reportMetric(CoreMetric.OPERATION_NAME, operation);
        for (String error : attemptErrors) {
            MetricCollector attempt = call.createChild("ApiCallAttempt");
            if (!error.isEmpty()) {
                attempt.reportMetric(CoreMetric.ERROR_TYPE, error);
            }
        }
        return call;
    }

    @Test
    void retriedAttemptsCountAsCallsAndThrottledOnesAreCounted() {
        CallTally tally = new CallTally();
        tally.call("GetMetricData");
        tally.metrics(500);
        tally.publish(apiCall("GetMetricData", "Throttling", "Throttling", "").collect());
        tally.call("ListServices");
        tally.publish(apiCall("ListServices", "").collect());
        tally.call("DescribeServices");
        tally.publish(apiCall("DescribeServices", "ServerError", "").collect());

        CallStats s = tally.stats();
        assertThat(s.calls("GetMetricData")).isEqualTo(3);
        assertThat(s.calls("ListServices")).isEqualTo(1);
        assertThat(s.calls("DescribeServices")).isEqualTo(2);
        assertThat(s.throttled()).isEqualTo(2);
        assertThat(s.metricsRequested()).isEqualTo(500);
    }
}
