package ecstop.aws;

import ecstop.domain.FleetLimits;
import ecstop.domain.Metric;
import ecstop.domain.Point;
import ecstop.domain.Stat;
import ecstop.domain.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * The fleet in one CloudWatch Metrics Insights query per metric: every service of every
 * cluster, busiest first over the whole window, in one GetMetricData call (more only if the
 * answer pages). {@code SCHEMA("AWS/ECS", ClusterName, ServiceName)} keeps the cluster-level
 * series out.
 *
 * <p><b>Labels.</b> CloudWatch labels each group with its GROUP BY values joined by a space,
 * in GROUP BY order; the query sets no Label of its own (CloudWatch would put it in front).
 * Splitting on the space is unambiguous here because ECS names cannot hold one (cluster and
 * service names are letters, digits, '-' and '_') and an account id is 12 digits: a label
 * that does not split into exactly the expected parts (an "Other" group, a future format) is
 * skipped and logged, never guessed at.
 *
 * <p><b>Limits.</b> {@code MaxQueryResultsExceeded} (more than 500 groups),
 * {@code MaxMatchingResultsExceeded} (more than 10,000 series; only the first found were
 * ranked) and {@code MaxQueryTimeRangeExceeded} come back as messages beside the data; 500
 * results without a message count as capped too, since there may be more. Billing is per
 * series analysed, which the answer does not state: the count here is the series returned
 * (all of them, when there is no cap), 10,000 when CloudWatch says it stopped there, and a
 * lower bound when only the 500 cap was met.
 */
final class InsightsFleet {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InsightsFleet.class);
    /** Metrics Insights serves two weeks of data. */
    static final Duration MAX_AGE = Duration.ofDays(14);
    static final String ID = "fleet";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    /** A group: its account when grouped by account, its cluster and service. */
    record Key(Optional<String> account, String cluster, String service) {}

    record Answer(Map<Key, List<Point>> series, FleetLimits limits) {}

    private InsightsFleet() {}

    /** Metrics Insights can serve the window: it starts at most two weeks before now. */
    static boolean serves(TimeWindow window, Instant now) {
        return Duration.between(window.start(), now).compareTo(MAX_AGE) <= 0;
    }

    static String expression(Metric metric, Stat stat, boolean byAccount) {
        String f = stat == Stat.MAX ? "MAX" : "AVG";
        return "SELECT " + f + "(" + metric.cloudWatchName() + ") FROM SCHEMA(\"AWS/ECS\", ClusterName, ServiceName)"
                + " GROUP BY ClusterName, ServiceName" + (byAccount ? ", AWS.AccountId" : "")
                + " ORDER BY " + f + "() DESC LIMIT " + FleetLimits.RETURNED;
    }

    static Optional<Key> key(String label, boolean byAccount) {
        String[] parts = label == null ? new String[0] : label.split(" ", -1);
        if (parts.length != (byAccount ? 3 : 2) || parts[0].isEmpty() || parts[1].isEmpty()
                || (byAccount && !ACCOUNT.matcher(parts[2]).matches())) {
            return Optional.empty();
        }
        return Optional.of(new Key(byAccount ? Optional.of(parts[2]) : Optional.empty(), parts[0], parts[1]));
    }

    /** One metric of the whole fleet: one GetMetricData call and its pages. */
    static Answer fetch(CloudWatchClient cloudWatch, TokenBucket limiter, CallTally tally, TimeWindow window, Metric metric,
            Stat stat, boolean byAccount) throws InterruptedException {
        MetricDataQuery query = MetricDataQuery.builder()
                .id(ID)
                .expression(expression(metric, stat, byAccount))
                .period((int) window.periodSeconds())
                .returnData(true)
                .build();
        Map<Key, List<Point>> series = new LinkedHashMap<>();
        boolean capped = false;
        boolean sampled = false;
        boolean cut = false;
        int calls = 0;
        String token = null;
        do {
            calls++;
            GetMetricDataResponse response = MetricBatches.call(cloudWatch, limiter, tally, List.of(query), window, token);
            for (MessageData m : response.messages()) {
                capped |= "MaxQueryResultsExceeded".equals(m.code());
                sampled |= "MaxMatchingResultsExceeded".equals(m.code());
                cut |= "MaxQueryTimeRangeExceeded".equals(m.code());
            }
            for (MetricDataResult r : response.metricDataResults()) {
                MetricBatches.check(r, "the fleet");
                Optional<Key> key = key(r.label(), byAccount);
                if (key.isEmpty()) {
                    LOG.warn("fleet {}: skipped a result labelled '{}', not 'cluster service{}'", metric.label(),
                            Failures.oneLine(r.label()), byAccount ? " account" : "");
                    continue;
                }
                MetricBatches.points(r, series.computeIfAbsent(key.get(), k -> new ArrayList<>()));
            }
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        capped |= series.size() >= FleetLimits.RETURNED;
        tally.metrics(calls * (sampled ? FleetLimits.PROCESSED : series.size()));
        return new Answer(series, new FleetLimits(capped ? EnumSet.of(metric) : EnumSet.noneOf(Metric.class),
                sampled ? EnumSet.of(metric) : EnumSet.noneOf(Metric.class), cut));
    }
}
