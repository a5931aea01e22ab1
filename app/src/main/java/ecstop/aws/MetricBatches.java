package ecstop.aws;

import ecstop.domain.Failure;
import ecstop.domain.Point;
import ecstop.domain.Series;
import ecstop.domain.TimeWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * The metric queries of one fetch. Queries are added as ListServices pages arrive; each
 * time 500 are waiting (GetMetricData's limit) they go out at once on the executor, and
 * {@link #flush()} sends the rest after the last page. So the calls number exactly
 * ceil(queries / 500) and overlap the listing. Each call follows NextToken (which is also
 * how PartialData results continue) and is billed, and counted, per query sent.
 * Used by one thread (the fetch's); only the calls run elsewhere.
 */
final class MetricBatches {
    static final int MAX_QUERIES = 500;
    static final String OPERATION = "GetMetricData";

    private final String scope;
    private final TimeWindow window;
    private final CloudWatchClient cloudWatch;
    private final TokenBucket limiter;
    private final ExecutorService executor;
    private final CallTally tally;

    private final List<QuerySpec> specs = new ArrayList<>();
    private final List<MetricDataQuery> pending = new ArrayList<>();
    private final List<Future<Map<Integer, Series>>> calls = new ArrayList<>();

    /** {@code scope} names what the metrics are of, for an error line: "cluster prod", "the cluster list". */
    MetricBatches(String scope, TimeWindow window, CloudWatchClient cloudWatch, TokenBucket limiter,
                  ExecutorService executor, CallTally tally) {
        this.scope = scope;
        this.window = window;
        this.cloudWatch = cloudWatch;
        this.limiter = limiter;
        this.executor = executor;
        this.tally = tally;
    }

    void add(QuerySpec spec) {
        int index = specs.size();
        specs.add(spec);
        pending.add(query(index, spec));
        if (pending.size() == MAX_QUERIES) {
            send();
        }
    }

    void flush() {
        if (!pending.isEmpty()) {
            send();
        }
    }

    List<QuerySpec> specs() {
        return specs;
    }

    /** Every query's series, by index into {@link #specs()}; queries without data map to nothing. */
    Map<Integer, Series> await() throws InterruptedException, ExecutionException {
        Map<Integer, Series> all = new HashMap<>();
        for (Future<Map<Integer, Series>> f : calls) {
            all.putAll(f.get());
        }
        return all;
    }

    void cancel() {
        calls.forEach(f -> f.cancel(true));
    }

    private void send() {
        List<MetricDataQuery> batch = List.copyOf(pending);
        pending.clear();
        calls.add(executor.submit(() -> fetch(batch)));
    }

    private MetricDataQuery query(int index, QuerySpec spec) {
        Dimension cluster = Dimension.builder().name("ClusterName").value(spec.cluster()).build();
        List<Dimension> dims = spec.service() == null
                ? List.of(cluster)
                : List.of(cluster, Dimension.builder().name("ServiceName").value(spec.service()).build());
        return MetricDataQuery.builder()
                .id(QuerySpec.id(index))
                .returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(m -> m.namespace(ecstop.domain.Metric.NAMESPACE).metricName(spec.metricName()).dimensions(dims))
                        .period((int) window.periodSeconds())
                        .stat(spec.stat().cloudWatchName())
                        .build())
                .build();
    }

    /**
     * One call and its pages, each query's points made a {@link Series} as soon as its last
     * page is in: a 5,000-service cluster's 240,000 points as objects were a fifth of the
     * heap at the peak of a refresh (issue 21), a call's 12,000 are not.
     */
    private Map<Integer, Series> fetch(List<MetricDataQuery> batch) throws InterruptedException {
        Map<Integer, List<Point>> out = new HashMap<>();
        String token = null;
        do {
            tally.metrics(batch.size());
            GetMetricDataResponse response = call(cloudWatch, limiter, tally, batch, window, token);
            for (MetricDataResult r : response.metricDataResults()) {
                check(r, scope);
                points(r, out.computeIfAbsent(QuerySpec.index(r.id()), i -> new ArrayList<>()));
            }
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        Map<Integer, Series> series = new HashMap<>();
        out.forEach((i, points) -> series.put(i, new Series(points)));
        return series;
    }

    /**
     * One GetMetricData call (one page): paced by the limiter, counted, attempts and throttles
     * seen through the tally, whatever the SDK throws tagged with the operation.
     */
    static GetMetricDataResponse call(CloudWatchClient cloudWatch, TokenBucket limiter, CallTally tally,
            List<MetricDataQuery> queries, TimeWindow window, String token) throws InterruptedException {
        limiter.acquire();
        tally.call(OPERATION);
        GetMetricDataRequest request = GetMetricDataRequest.builder()
                .metricDataQueries(queries)
                .startTime(window.start())
                .endTime(window.end())
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .nextToken(token)
                .overrideConfiguration(o -> o.addMetricPublisher(tally))
                .build();
        try {
            return cloudWatch.getMetricData(request);
        } catch (RuntimeException e) {
            throw new FailureException("cloudwatch:" + OPERATION, e);
        }
    }

    /** Appends the result's datapoints (a page of them, with PartialData) to {@code into}. */
    static void points(MetricDataResult r, List<Point> into) {
        int n = Math.min(r.timestamps().size(), r.values().size());
        for (int i = 0; i < n; i++) {
            into.add(new Point(r.timestamps().get(i), r.values().get(i)));
        }
    }

    /** A result CloudWatch could not serve fails the fetch: showing it as "no data" would be a lie. */
    static void check(MetricDataResult r, String scope) {
        if (r.statusCode() == StatusCode.FORBIDDEN) {
            throw new FailureException(new Failure(Failure.Kind.ACCESS_DENIED, "cloudwatch:" + OPERATION,
                    "metrics of " + scope));
        }
        if (r.statusCode() == StatusCode.INTERNAL_ERROR) {
            throw new FailureException(new Failure(Failure.Kind.UNKNOWN, "cloudwatch:" + OPERATION,
                    "CloudWatch answered InternalError"));
        }
    }
}
