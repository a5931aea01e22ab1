package ecstop.aws;

import ecstop.domain.FleetLimits;
import ecstop.domain.Metric;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.Stat;
import ecstop.domain.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
 * results without a message count as capped too, since there may be more.
 *
 * <p><b>Billing.</b> CloudWatch bills a Metrics Insights query by the metrics it analyses:
 * every series that matches its SCHEMA and WHERE, not the ones it returns. Sources: Amazon
 * CloudWatch pricing, https://aws.amazon.com/cloudwatch/pricing/ (GetMetricData at $0.01 per
 * 1,000 metrics requested, with a "Metrics Insights" tab; the copy the search tools hold does
 * not show that tab's wording, so "per metric analysed" is the reading in the team's
 * AWS-FACTS.md, which the emulator bills by); the Metrics Insights quotas page,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-limits.html
 * (a query processes at most 10,000 matching metrics, returns at most 500). The answer does
 * not state how many it analysed; see {@link #analysed} for how that is counted.
 */
final class InsightsFleet {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InsightsFleet.class);
    /** Metrics Insights serves two weeks of data. */
    static final Duration MAX_AGE = Duration.ofDays(14);
    static final String ID = "fleet";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    /** A group: its account when grouped by account, its cluster and service. */
    record Key(Optional<String> account, String cluster, String service) {}

    /** {@code calls}: GetMetricData calls (pages) made; {@code returned}: series CloudWatch sent, labelled or not. */
    record Answer(Map<Key, Series> series, FleetLimits limits, int calls, int returned) {}

    /** Series one query analysed, per call: exactly when {@code least == most}. */
    record Analysed(long least, long most) {
        boolean exact() { return least == most; }
    }

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

    /**
     * What one call of {@code a}'s query analysed. CloudWatch's messages and the count it
     * returned settle most cases: a query that was not capped returned every series it
     * matched; one that met {@code MaxMatchingResultsExceeded} analysed exactly 10,000. Only
     * a query capped at 500 leaves it open, between the series returned and 10,000; there
     * {@code listed}, the services the cluster list of the caller's own account counts, is the
     * series the query matched (ECS publishes one per service, as the emulator does). In a
     * monitoring account ({@code byAccount}) the linked accounts' services are not listed, so
     * the count is a range from what is known to 10,000.
     */
    static Analysed analysed(Answer a, OptionalLong listed, boolean byAccount) {
        boolean sampled = !a.limits().sampled().isEmpty();
        boolean capped = !a.limits().capped().isEmpty();
        if (sampled) {
            return new Analysed(FleetLimits.PROCESSED, FleetLimits.PROCESSED);
        }
        if (!capped) {
            return new Analysed(a.returned(), a.returned());
        }
        long known = Math.min(FleetLimits.PROCESSED, Math.max(a.returned(), listed.orElse(0)));
        return listed.isPresent() && !byAccount ? new Analysed(known, known) : new Analysed(known, FleetLimits.PROCESSED);
    }

    /** One metric of the whole fleet: one GetMetricData call and its pages. The caller counts its metrics ({@link #analysed}). */
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
        Set<String> labels = new HashSet<>();
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
                labels.add(String.valueOf(r.label()));
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
        capped |= labels.size() >= FleetLimits.RETURNED;
        Map<Key, Series> compact = new LinkedHashMap<>();
        series.forEach((k, points) -> compact.put(k, new Series(points)));
        return new Answer(compact, new FleetLimits(capped ? EnumSet.of(metric) : EnumSet.noneOf(Metric.class),
                sampled ? EnumSet.of(metric) : EnumSet.noneOf(Metric.class), cut), calls, labels.size());
    }
}
