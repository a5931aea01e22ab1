package ecstop.emulator;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GetMetricData and GetMetricStatistics over a {@link Fleet}'s metrics, with CloudWatch's
 * rules: at most 500 queries and {@code MaxDatapoints} (default 100,800) datapoints per
 * GetMetricData call, the rest behind NextToken with the cut results marked PartialData;
 * TimestampDescending unless asked otherwise; at most 1,440 datapoints per
 * GetMetricStatistics call, an InvalidParameterCombination error beyond, results unordered.
 */
final class CloudWatchApi {
    static final Set<String> OPERATIONS = Set.of("GetMetricData", "GetMetricStatistics", "ListMetrics");
    /** ListMetrics answers up to 500 metrics a call, the rest behind NextToken (the CloudWatch API reference). */
    static final int LIST_PAGE = 500;
    private static final List<String> NAMESPACES = List.of("AWS/ECS", ContainerInsights.NAMESPACE);
    private static final List<String> DIMENSION_ORDER = List.of("ClusterName", "ServiceName", "TaskDefinitionFamily",
            "TaskId", "ContainerName");
    static final int MAX_QUERIES = 500;
    static final int DEFAULT_MAX_DATAPOINTS = 100_800;
    static final int MAX_STATISTICS_DATAPOINTS = 1_440;
    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    /**
     * An answer and what it costs: metrics billed (each MetricStat query, each GetMetricStatistics
     * call, each series a Metrics Insights query analysed), of which {@code analysed} by
     * Metrics Insights, and datapoints returned.
     */
    record Reply(Map<String, Object> body, long metrics, long analysed, long datapoints) {}

    record Point(long time, double value) {}

    private final List<MetricsInsights.Source> visible;
    private final Fleet fleet;
    private final InstantSource clock;

    /** Metrics of one account's fleet. */
    CloudWatchApi(Fleet fleet, InstantSource clock) {
        this(List.of(new MetricsInsights.Source(fleet.account(), fleet)), clock);
    }

    /**
     * {@code visible}: the caller's own fleet first, then those of the source accounts linked
     * to it when it is a monitoring account (Metrics Insights and AccountId reach them).
     */
    CloudWatchApi(List<MetricsInsights.Source> visible, InstantSource clock) {
        this.visible = List.copyOf(visible);
        this.fleet = visible.get(0).fleet();
        this.clock = clock;
    }

    Reply call(String operation, Inputs in) {
        return switch (operation) {
            case "GetMetricData" -> getMetricData(in);
            case "GetMetricStatistics" -> getMetricStatistics(in);
            case "ListMetrics" -> listMetrics(in);
            default -> throw AwsError.UNKNOWN_OPERATION.with("Unknown operation " + operation);
        };
    }

    private Reply getMetricData(Inputs in) {
        List<Inputs> queries = in.list("MetricDataQueries");
        if (queries.isEmpty()) {
            throw AwsError.VALIDATION.with("The parameter MetricDataQueries is required and must not be empty.");
        }
        if (queries.size() > MAX_QUERIES) {
            throw AwsError.VALIDATION.with("The collection MetricDataQueries must not have a size greater than 500.");
        }
        Instant start = in.instant("StartTime").orElseThrow(() -> AwsError.VALIDATION.with("The parameter StartTime is required."));
        Instant end = in.instant("EndTime").orElseThrow(() -> AwsError.VALIDATION.with("The parameter EndTime is required."));
        if (!start.isBefore(end)) {
            throw AwsError.VALIDATION.with("The parameter StartTime must be less than the parameter EndTime.");
        }
        int maxDatapoints = in.integer("MaxDatapoints").orElse(DEFAULT_MAX_DATAPOINTS);
        if (maxDatapoints < 1) {
            throw AwsError.VALIDATION.with("The parameter MaxDatapoints must be greater than 0.");
        }
        String scanBy = in.text("ScanBy").orElse("TimestampDescending");
        if (!scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
            throw AwsError.VALIDATION.with("The parameter ScanBy must be TimestampDescending or TimestampAscending.");
        }
        int offset = 0;
        Optional<String> token = in.text("NextToken").filter(t -> !t.isEmpty());
        if (token.isPresent()) {
            offset = PageTokens.decode("GetMetricData", token.get())
                    .orElseThrow(() -> AwsError.INVALID_NEXT_TOKEN.with("The service couldn't process the NextToken."));
        }

        Instant now = clock.instant();
        Set<String> ids = new HashSet<>();
        List<Map<String, Object>> results = new ArrayList<>();
        List<List<Point>> series = new ArrayList<>();
        List<Map<String, Object>> messages = new ArrayList<>();
        long metrics = 0;
        long analysed = 0;
        boolean insights = false;
        int n = 0;
        for (Inputs q : queries) {
            n++;
            String member = "MetricDataQueries.member." + n;
            String id = q.text("Id").orElse("");
            if (!ID.matcher(id).matches()) {
                throw AwsError.VALIDATION.with("The value " + id + " for parameter " + member
                        + ".Id is not valid: it must start with a lowercase letter and hold only letters, digits and _.");
            }
            if (!ids.add(id)) {
                throw AwsError.VALIDATION.with("The value " + id + " for parameter " + member + ".Id is not unique.");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("Id", id);
            List<Point> points = List.of();
            String status = "Complete";
            boolean returned = q.bool("ReturnData").orElse(true);
            if (q.present("Expression") && InsightsQuery.looksLikeQuery(q.text("Expression").orElse(""))) {
                if (insights) {
                    throw AwsError.VALIDATION.with("The parameter " + member + ".Expression is a second Metrics Insights"
                            + " query; a GetMetricData request can include only one Metrics Insights query.");
                }
                insights = true;
                MetricsInsights.Answer answer = insights(q, member, start, end, now);
                metrics += answer.analysed();
                analysed += answer.analysed();
                messages.addAll(answer.messages());
                for (MetricsInsights.Result r : answer.results()) {
                    if (returned) {
                        Map<String, Object> one = new LinkedHashMap<>();
                        one.put("Id", id);
                        one.put("Label", r.label().isEmpty() ? id : r.label());
                        one.put("StatusCode", status);
                        results.add(one);
                        series.add(scanBy.equals("TimestampDescending") ? reversed(r.points()) : r.points());
                    }
                }
                continue;
            }
            if (q.present("MetricStat")) {
                metrics++;
                Inputs stat = q.at("MetricStat");
                Inputs metric = stat.at("Metric");
                String metricName = metric.text("MetricName").orElse("");
                int period = stat.integer("Period").orElseThrow(() -> AwsError.VALIDATION.with(
                        "The parameter " + member + ".MetricStat.Period is required."));
                checkPeriod(period, member + ".MetricStat.Period", AwsError.VALIDATION);
                String statName = stat.text("Stat").orElse("");
                result.put("Label", q.text("Label").orElse(metricName));
                Optional<Statistic> statistic = Statistic.parse(statName);
                if (statistic.isPresent()) {
                    points = points(owner(q), metric.text("Namespace").orElse(""), metricName, dimensions(metric),
                            start, end, period, statistic.get(), now);
                    if (scanBy.equals("TimestampDescending")) {
                        points = reversed(points);
                    }
                }
            } else if (q.present("Expression")) {
                result.put("Label", q.text("Label").orElse(id));
                status = "InternalError";
                result.put("Messages", List.of(Map.of("Code", "Unsupported",
                        "Value", "The ecs-top emulator serves MetricStat and Metrics Insights queries, not metric math.")));
            } else {
                throw AwsError.VALIDATION.with(member + " needs a MetricStat or an Expression.");
            }
            if (returned) {
                result.put("StatusCode", status);
                results.add(result);
                series.add(points);
            }
        }
        return page(results, series, offset, maxDatapoints, metrics, analysed, messages);
    }

    private MetricsInsights.Answer insights(Inputs q, String member, Instant start, Instant end, Instant now) {
        String expression = q.text("Expression").orElse("");
        InsightsQuery query;
        try {
            query = InsightsQuery.parse(expression);
        } catch (InsightsQuery.Invalid e) {
            // AWS documents no wording for a malformed query; the shape (400, ValidationError) is what clients act on.
            throw AwsError.VALIDATION.with("The value " + expression + " for parameter " + member
                    + ".Expression is not a valid Metrics Insights query: " + e.getMessage() + ".");
        }
        int period = q.integer("Period").orElseThrow(() -> AwsError.VALIDATION.with(
                "The parameter " + member + ".Period is required for a Metrics Insights query."));
        checkPeriod(period, member + ".Period", AwsError.VALIDATION);
        return MetricsInsights.run(query, q.text("Label").orElse(null), visible, start, end, period, now);
    }

    /**
     * One page of datapoints: results in query order, each with the part of its series that
     * falls in [offset, offset + maxDatapoints) of the concatenation of all series. A result
     * cut short is PartialData; every result appears on every page, empty when its points
     * were on earlier pages.
     */
    private static Reply page(List<Map<String, Object>> results, List<List<Point>> series, int offset,
            int maxDatapoints, long metrics, long analysed, List<Map<String, Object>> messages) {
        long total = series.stream().mapToLong(List::size).sum();
        if (offset > total) {
            throw AwsError.INVALID_NEXT_TOKEN.with("The service couldn't process the NextToken.");
        }
        long pageEnd = Math.min(total, (long) offset + maxDatapoints);
        long before = 0;
        long returned = 0;
        List<Object> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            List<Point> points = series.get(i);
            int from = (int) Math.max(0, Math.min(points.size(), offset - before));
            int to = (int) Math.max(0, Math.min(points.size(), pageEnd - before));
            List<Object> times = new ArrayList<>(to - from);
            List<Object> values = new ArrayList<>(to - from);
            for (Point p : points.subList(from, to)) {
                times.add(Instant.ofEpochSecond(p.time()));
                values.add(p.value());
            }
            returned += to - from;
            Map<String, Object> r = new LinkedHashMap<>(results.get(i));
            r.put("Timestamps", times);
            r.put("Values", values);
            if (to < points.size()) {
                r.put("StatusCode", "PartialData");
            }
            r.putIfAbsent("Messages", List.of());
            out.add(r);
            before += points.size();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MetricDataResults", out);
        if (pageEnd < total) {
            body.put("NextToken", PageTokens.encode("GetMetricData", (int) pageEnd));
        }
        body.put("Messages", messages);
        return new Reply(body, metrics, analysed, returned);
    }

    private Reply getMetricStatistics(Inputs in) {
        String namespace = required(in, "Namespace");
        String metricName = required(in, "MetricName");
        Instant start = in.instant("StartTime").orElseThrow(() -> missing("StartTime"));
        Instant end = in.instant("EndTime").orElseThrow(() -> missing("EndTime"));
        int period = in.integer("Period").orElseThrow(() -> missing("Period"));
        checkPeriod(period, "Period", AwsError.INVALID_PARAMETER_VALUE);
        if (!start.isBefore(end)) {
            throw AwsError.INVALID_PARAMETER_VALUE.with("The parameter StartTime must be less than the parameter EndTime.");
        }
        List<String> names = in.texts("Statistics");
        List<String> extended = in.texts("ExtendedStatistics");
        if (names.isEmpty() == extended.isEmpty()) {
            throw AwsError.INVALID_PARAMETER_COMBINATION.with("Must specify either Statistics or ExtendedStatistics, but not both.");
        }
        List<Statistic> stats = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int member = i + 1;
            stats.add(Statistic.parse(names.get(i)).orElseThrow(() -> AwsError.INVALID_PARAMETER_VALUE.with(
                    "The parameter Statistics.member." + member
                            + " must be a value in the set [ Maximum, Minimum, Sum, SampleCount, Average ].")));
        }
        Instant now = clock.instant();
        Buckets buckets = Buckets.of(start, end, period, now);
        long requested = buckets.count();
        if (requested > MAX_STATISTICS_DATAPOINTS) {
            throw AwsError.INVALID_PARAMETER_COMBINATION.with("You have requested up to " + requested
                    + " datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by"
                    + " increasing Period, or decreasing the time range.");
        }
        List<Object> datapoints = new ArrayList<>();
        Optional<MinuteSeries> model = buckets.servable() ? fleet.metric(namespace, metricName, dimensions(in)) : Optional.empty();
        if (model.isPresent()) {
            long nowSec = now.getEpochSecond();
            for (long i = 0; i < requested; i++) {
                Aggregate a = model.get().aggregate(buckets.bucketStart(i), buckets.bucketEnd(i), nowSec,
                        nowSec - Buckets.RETENTION);
                if (a != null) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("Timestamp", Instant.ofEpochSecond(buckets.bucketStart(i)));
                    for (Statistic s : stats) {
                        d.put(s.wireName, a.value(s));
                    }
                    d.put("Unit", ContainerInsights.unit(namespace, metricName));
                    datapoints.add(d);
                }
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Label", metricName);
        body.put("Datapoints", unordered(datapoints, Hashing.of(metricName) ^ start.getEpochSecond()));
        return new Reply(body, 1, 0, datapoints.size());
    }

    /**
     * ListMetrics over what the fleet publishes (AWS/ECS, and ECS/ContainerInsights for the
     * clusters with Container Insights on): Namespace and MetricName filter, each of
     * Dimensions (Name, optional Value) must match one of a metric's dimensions, 500 a page.
     * Every series here has data within the last three hours, so RecentlyActive changes
     * nothing. With IncludeLinkedAccounts a monitoring account also lists its source
     * accounts' metrics, with OwningAccounts beside them.
     */
    private Reply listMetrics(Inputs in) {
        Optional<String> namespace = in.text("Namespace").filter(n -> !n.isEmpty());
        Optional<String> name = in.text("MetricName").filter(n -> !n.isEmpty());
        List<Inputs> filters = in.list("Dimensions");
        boolean linked = in.bool("IncludeLinkedAccounts").orElse(false);
        List<Map<String, Object>> metrics = new ArrayList<>();
        List<Object> owners = new ArrayList<>();
        for (MetricsInsights.Source source : linked ? visible : visible.subList(0, 1)) {
            for (String ns : NAMESPACES) {
                if (namespace.isPresent() && !namespace.get().equals(ns)) {
                    continue;
                }
                for (String metricName : Fleet.metricNames(ns)) {
                    if (name.isPresent() && !name.get().equals(metricName)) {
                        continue;
                    }
                    for (Fleet.Published p : source.fleet().published(ns, metricName)) {
                        if (filters.stream().allMatch(f -> matches(f, p.dimensions()))) {
                            metrics.add(listed(ns, metricName, p.dimensions()));
                            owners.add(source.account());
                        }
                    }
                }
            }
        }
        int from = 0;
        Optional<String> token = in.text("NextToken").filter(t -> !t.isEmpty());
        if (token.isPresent()) {
            java.util.OptionalInt at = PageTokens.decode("ListMetrics", token.get());
            if (at.isEmpty() || at.getAsInt() > metrics.size()) {
                throw AwsError.INVALID_NEXT_TOKEN.with("The service couldn't process the NextToken.");
            }
            from = at.getAsInt();
        }
        int to = Math.min(metrics.size(), from + LIST_PAGE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Metrics", List.copyOf(metrics.subList(from, to)));
        if (to < metrics.size()) {
            body.put("NextToken", PageTokens.encode("ListMetrics", to));
        }
        if (linked) {
            body.put("OwningAccounts", List.copyOf(owners.subList(from, to)));
        }
        return new Reply(body, 0, 0, 0);
    }

    private static boolean matches(Inputs filter, Map<String, String> dimensions) {
        String n = filter.text("Name").orElse("");
        Optional<String> v = filter.text("Value");
        return dimensions.containsKey(n) && v.map(dimensions.get(n)::equals).orElse(true);
    }

    private static Map<String, Object> listed(String namespace, String metricName, Map<String, String> dimensions) {
        List<Object> dims = new ArrayList<>();
        for (String d : DIMENSION_ORDER) {
            if (dimensions.containsKey(d)) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("Name", d);
                one.put("Value", dimensions.get(d));
                dims.add(one);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Namespace", namespace);
        m.put("MetricName", metricName);
        m.put("Dimensions", dims);
        return m;
    }

    /** A monitoring account names a linked account's metric with AccountId; no AccountId is its own. */
    private Optional<Fleet> owner(Inputs q) {
        Optional<String> account = q.text("AccountId").filter(a -> !a.isEmpty());
        if (account.isEmpty()) {
            return Optional.of(fleet);
        }
        return visible.stream().filter(v -> v.account().equals(account.get())).map(MetricsInsights.Source::fleet).findFirst();
    }

    private List<Point> points(Optional<Fleet> owner, String namespace, String metricName, Map<String, String> dims,
            Instant start, Instant end, int period, Statistic stat, Instant now) {
        Buckets buckets = Buckets.of(start, end, period, now);
        if (!buckets.servable()) {
            return List.of();
        }
        Optional<MinuteSeries> model = owner.flatMap(f -> f.metric(namespace, metricName, dims));
        if (model.isEmpty()) {
            return List.of();
        }
        long nowSec = now.getEpochSecond();
        long oldest = nowSec - Buckets.RETENTION;
        // Buckets wholly in the future or past retention hold nothing; skip them without looking.
        long first = Math.max(0, Math.floorDiv(oldest - buckets.start(), period));
        long last = Math.min(buckets.count(), Math.floorDiv(nowSec - buckets.start(), period) + 1);
        List<Point> out = new ArrayList<>((int) Math.max(0, last - first));
        for (long i = first; i < last; i++) {
            Aggregate a = model.get().aggregate(buckets.bucketStart(i), buckets.bucketEnd(i), nowSec, oldest);
            if (a != null) {
                out.add(new Point(buckets.bucketStart(i), a.value(stat)));
            }
        }
        return out;
    }

    private static Map<String, String> dimensions(Inputs metric) {
        Map<String, String> dims = new LinkedHashMap<>();
        for (Inputs d : metric.list("Dimensions")) {
            dims.put(d.text("Name").orElse(""), d.text("Value").orElse(""));
        }
        return dims;
    }

    private static void checkPeriod(int period, String parameter, AwsError error) {
        boolean highResolution = period == 1 || period == 5 || period == 10 || period == 20 || period == 30;
        if (period < 1 || (!highResolution && period % 60 != 0)) {
            throw error.with("The parameter " + parameter + " must be 1, 5, 10, 20, 30, or a multiple of 60.");
        }
    }

    private static String required(Inputs in, String field) {
        return in.text(field).filter(s -> !s.isEmpty()).orElseThrow(() -> missing(field));
    }

    private static ApiException missing(String field) {
        return AwsError.MISSING_PARAMETER.with("The parameter " + field + " is required.");
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> out = new ArrayList<>(list);
        Collections.reverse(out);
        return out;
    }

    /** CloudWatch returns GetMetricStatistics datapoints in no particular order; neither do we. */
    private static List<Object> unordered(List<Object> list, long seed) {
        List<Object> out = new ArrayList<>(list);
        Collections.shuffle(out, new Random(seed));
        return out;
    }
}
