package ecstop.domain.rightsize;

import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.ServiceRef;
import ecstop.domain.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The right-sizing of what is on screen, keyed by {@link ServiceRef} so one cluster and the
 * fleet read alike: each cluster's own table (its rule, prices and totals, as
 * {@link RightsizeTable} builds them), and all their rows in one list, most saved first, with
 * the totals over all of them. A cluster or target that could not be read is named in
 * {@code failed} and {@code warnings}; the others stand.
 *
 * @param lookback      the window every table was asked for (each part's own says the same)
 * @param period        the period of that window
 * @param failedTargets targets whose cluster list could not be read, so none of their clusters is here
 * @param warnings      what could not be read, one line each, the cluster named where it is one cluster's
 */
public record ScopeRightsize(RightsizeRule rule, Duration lookback, Duration period, List<Part> parts,
                             Map<ClusterRef, Failure> failed, Map<Target, Failure> failedTargets, List<Row> rows,
                             RightsizeTable.Totals totals, List<String> warnings) {

    /** One cluster's table. */
    public record Part(ClusterRef cluster, RightsizeTable table) {}

    /** One service's recommendation and the cluster it runs in. */
    public record Row(ClusterRef cluster, Recommendation recommendation) {
        public ServiceRef ref() {
            return new ServiceRef(cluster, recommendation.service());
        }
    }

    /** Most saved first, as in one cluster's table; equal rows by cluster, then profile and region. */
    public static final Comparator<Row> BY_SAVINGS = Comparator.comparing(Row::recommendation, RightsizeTable.BY_SAVINGS)
            .thenComparing(r -> r.cluster().name())
            .thenComparing(r -> r.cluster().target().label("/"));

    public ScopeRightsize {
        parts = List.copyOf(parts);
        failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
        failedTargets = Collections.unmodifiableMap(new LinkedHashMap<>(failedTargets));
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    /** One cluster's table as the scope on screen. */
    public static ScopeRightsize of(ClusterRef cluster, RightsizeTable table, List<String> warnings) {
        return of(table.rule(), table.lookback(), table.period(), List.of(new Part(cluster, table)), Map.of(), Map.of(),
                warnings);
    }

    /** Every part's rows in one list, sorted by what they save, and the totals over all of them. */
    public static ScopeRightsize of(RightsizeRule rule, Duration lookback, Duration period, List<Part> parts,
                                    Map<ClusterRef, Failure> failed, Map<Target, Failure> failedTargets,
                                    List<String> warnings) {
        List<Row> rows = new ArrayList<>();
        for (Part p : parts) {
            p.table().rows().forEach(r -> rows.add(new Row(p.cluster(), r)));
        }
        rows.sort(BY_SAVINGS);
        RightsizeTable.Totals totals = RightsizeTable.totals(rows.stream().map(Row::recommendation).toList());
        return new ScopeRightsize(rule, lookback, period, parts, failed, failedTargets, rows, totals, warnings);
    }

    public Optional<String> lookbackWarning() {
        return rule.lookbackWarning(lookback);
    }

    /**
     * Where the dollars come from, one entry per distinct source: "the AWS Price List API,
     * 2026-11-20T10:00:00Z" for one region, prefixed "eu-west-1: " when the parts span several;
     * why there are none where a part has none and says why.
     */
    public List<String> priceSources() {
        Set<String> regions = new LinkedHashSet<>();
        parts.forEach(p -> p.table().prices().ifPresent(f -> regions.add(f.region())));
        boolean several = regions.size() > 1;
        Set<String> out = new LinkedHashSet<>();
        for (Part p : parts) {
            RightsizeTable t = p.table();
            if (t.prices().isPresent()) {
                out.add((several ? t.prices().get().region() + ": " : "") + t.prices().get().describe());
            } else if (!t.pricesNote().isEmpty()) {
                out.add(t.pricesNote());
            }
        }
        return List.copyOf(out);
    }
}
