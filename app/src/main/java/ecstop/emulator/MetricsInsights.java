package ecstop.emulator;

import ecstop.emulator.CloudWatchApi.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a {@link InsightsQuery} over the fleets a caller can see, with CloudWatch's limits:
 * at most {@value #MAX_PROCESSED} matching series are processed (the first found; a
 * {@code MaxMatchingResultsExceeded} message says so), at most 500 groups come back (sorted
 * first, by the ORDER BY function over the whole window; {@code MaxQueryResultsExceeded}
 * says more existed), and no data older than two weeks ({@code MaxQueryTimeRangeExceeded};
 * the window starts two weeks back instead). These are messages, not errors: as the
 * GetMetricData reference says, when there is a message as much of the operation as possible
 * is still executed. Billing counts every series processed.
 *
 * <p>Each group is one result, labelled with its GROUP BY values in order, joined by a space
 * (after the query's own Label, when it has one); a series without one of the labels
 * counts under "Other". A caller in a cross-account observability monitoring account sees
 * its linked source accounts' series too; {@code AWS.AccountId} names each series' account.
 */
final class MetricsInsights {
    static final int MAX_PROCESSED = 10_000;
    static final Duration MAX_AGE = Duration.ofDays(14);
    static final String ACCOUNT_LABEL = "AWS.AccountId";
    static final String OTHER = "Other";

    /** A fleet and the account it belongs to, as a caller sees it. */
    record Source(String account, Fleet fleet) {}

    /** One group's series. */
    record Result(String label, List<Point> points) {}

    record Answer(List<Result> results, List<Map<String, Object>> messages, long analysed) {}

    private record Member(Map<String, String> labels, MinuteSeries model) {}

    private record Group(List<String> key, List<MinuteSeries> models) {}

    private record Ranked(String label, List<Point> points, double rank) {}

    private MetricsInsights() {}

    /** {@code label} is the query's Label, or null. */
    static Answer run(InsightsQuery q, String label, List<Source> visible, Instant startTime, Instant endTime,
            int period, Instant now) {
        List<Map<String, Object>> messages = new ArrayList<>();
        Instant start = startTime;
        Instant earliest = now.minus(MAX_AGE);
        if (start.isBefore(earliest)) {
            long late = Duration.between(start, earliest).getSeconds();
            start = start.plusSeconds(-Math.floorDiv(-late, period) * (long) period);
            messages.add(message("MaxQueryTimeRangeExceeded",
                    "Metrics Insights queries data of the last two weeks only; the window starts at " + start + "."));
        }
        List<Member> matched = matching(q, visible);
        if (matched.size() > MAX_PROCESSED) {
            matched = matched.subList(0, MAX_PROCESSED);
            messages.add(message("MaxMatchingResultsExceeded", "The query matched more than "
                    + MAX_PROCESSED + " metrics; only the first " + MAX_PROCESSED + " were processed."));
        }
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        for (Member m : matched) {
            List<String> key = new ArrayList<>(q.groupBy().size());
            q.groupBy().forEach(l -> key.add(m.labels().getOrDefault(l, OTHER)));
            groups.computeIfAbsent(List.copyOf(key), k -> new Group(k, new ArrayList<>())).models().add(m.model());
        }
        List<Ranked> ranked = new ArrayList<>();
        if (start.isBefore(endTime)) {
            Buckets buckets = Buckets.of(start, endTime, period, now);
            for (Group g : groups.values()) {
                List<Point> points = points(g, buckets, q.function(), now);
                if (!points.isEmpty()) {
                    ranked.add(new Ranked(label(label, g.key()), points,
                            q.orderBy().map(o -> rank(g, buckets, o.function(), now)).orElse(0.0)));
                }
            }
        }
        // Without ORDER BY CloudWatch does not say which ones it returns; by label is as good as any.
        Comparator<Ranked> order = q.orderBy()
                .map(o -> o.descending() ? Comparator.comparingDouble(Ranked::rank).reversed() : Comparator.comparingDouble(Ranked::rank))
                .orElse((a, b) -> 0);
        ranked.sort(order.thenComparing(Ranked::label));
        int limit = Math.min(InsightsQuery.MAX_RESULTS, q.limit().orElse(InsightsQuery.MAX_RESULTS));
        if (ranked.size() > InsightsQuery.MAX_RESULTS) {
            messages.add(message("MaxQueryResultsExceeded",
                    "Only the first " + InsightsQuery.MAX_RESULTS + " time series can be returned by a query."));
        }
        List<Result> results = new ArrayList<>();
        for (Ranked r : ranked.subList(0, Math.min(limit, ranked.size()))) {
            results.add(new Result(r.label(), r.points()));
        }
        return new Answer(results, messages, matched.size());
    }

    private static List<Member> matching(InsightsQuery q, List<Source> visible) {
        List<Member> out = new ArrayList<>();
        for (Source s : visible) {
            for (Fleet.Published p : s.fleet().published(q.namespace(), q.metric())) {
                if (q.schema().isPresent() && !p.dimensions().keySet().equals(new HashSet<>(q.schema().get()))) {
                    continue;
                }
                Map<String, String> labels = new LinkedHashMap<>(p.dimensions());
                labels.put(ACCOUNT_LABEL, s.account());
                if (q.where().stream().allMatch(c -> c.test(Optional.ofNullable(labels.get(c.label()))))) {
                    out.add(new Member(labels, p.model()));
                }
            }
        }
        return out;
    }

    /** The group's function per period: every member's observations in the period taken together. */
    private static List<Point> points(Group g, Buckets buckets, InsightsQuery.Function f, Instant now) {
        if (!buckets.servable()) {
            return List.of();
        }
        long nowSec = now.getEpochSecond();
        long oldest = nowSec - Buckets.RETENTION;
        List<Point> out = new ArrayList<>();
        for (long i = 0; i < buckets.count(); i++) {
            Aggregate sum = observations(g, buckets.bucketStart(i), buckets.bucketEnd(i), nowSec, oldest);
            if (sum != null) {
                out.add(new Point(buckets.bucketStart(i), f.of(sum)));
            }
        }
        return out;
    }

    /** The ORDER BY figure: the function over every observation of the whole window, not of the periods. */
    private static double rank(Group g, Buckets buckets, InsightsQuery.Function f, Instant now) {
        long nowSec = now.getEpochSecond();
        Aggregate all = observations(g, buckets.start(), buckets.end(), nowSec, nowSec - Buckets.RETENTION);
        return all == null ? Double.NEGATIVE_INFINITY : f.of(all);
    }

    private static Aggregate observations(Group g, long from, long to, long now, long oldest) {
        Aggregate sum = null;
        for (MinuteSeries m : g.models()) {
            Aggregate a = m.aggregate(from, to, now, oldest);
            sum = sum == null ? a : (a == null ? sum : sum.plus(a));
        }
        return sum;
    }

    private static String label(String queryLabel, List<String> key) {
        String values = String.join(" ", key);
        if (queryLabel == null || queryLabel.isEmpty()) {
            return values;
        }
        return values.isEmpty() ? queryLabel : queryLabel + " " + values;
    }

    private static Map<String, Object> message(String code, String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Code", code);
        m.put("Value", value);
        return m;
    }
}
