package ecstop.ui.present;

import ecstop.domain.Metric;
import ecstop.domain.Prefixes;
import ecstop.domain.ServiceRef;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.signal.ScopeSignals;
import ecstop.domain.signal.Signal;
import ecstop.ui.state.Filter;
import ecstop.ui.state.SortOrder;
import ecstop.ui.widget.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The bar panels' rows, filtered and sorted, memoised per snapshot, signals, filter and sort: with
 * 5,000 services a key press must not re-sort the fleet, nor a frame scan it to find the
 * cursor. Owned by the presentation layer, never by State; UI thread only.
 */
final class ServiceRows {
    private Snapshot snapshot;
    private ScopeSignals signals;
    private String filter;
    private boolean signalsOnly;
    private SortOrder sort;
    private java.util.Set<Metric> capped;
    private String prefix = "";
    private int longestName;
    private final Map<Metric, List<ServiceRow>> rows = new EnumMap<>(Metric.class);
    private final Map<Metric, Map<ServiceRef, Integer>> positions = new EnumMap<>(Metric.class);

    /**
     * {@code cut}: the metrics whose fleet list CloudWatch capped at its busiest 500; their
     * rows without a figure are left out here, in the one list both the panel and the cursor read.
     */
    List<ServiceRow> rows(Snapshot snap, ScopeSignals found, Filter narrow, SortOrder order, java.util.Set<Metric> cut,
                          Metric metric) {
        if (snap != snapshot || found != signals || !narrow.text().equals(filter) || narrow.signalsOnly() != signalsOnly
                || order != sort || !cut.equals(capped)) {
            forSnapshot(snap);
            signals = found;
            filter = narrow.text();
            signalsOnly = narrow.signalsOnly();
            sort = order;
            capped = cut;
            rows.clear();
            positions.clear();
        }
        return rows.computeIfAbsent(metric, m -> build(snap, m));
    }

    /** Where {@code service} is among the metric's rows (as last asked for), or -1. */
    int indexOf(Snapshot snap, ScopeSignals found, Filter narrow, SortOrder order, java.util.Set<Metric> cut, Metric metric,
                ServiceRef service) {
        List<ServiceRow> list = rows(snap, found, narrow, order, cut, metric);
        return positions.computeIfAbsent(metric, m -> {
            Map<ServiceRef, Integer> at = new HashMap<>(list.size() * 2);
            for (int i = 0; i < list.size(); i++) {
                at.putIfAbsent(list.get(i).ref(), i);
            }
            return at;
        }).getOrDefault(service, -1);
    }

    /** The shared name prefix the panels strip and name in their titles. */
    String prefix(Snapshot snap) {
        forSnapshot(snap);
        return prefix;
    }

    /** Display width of the longest name as shown (prefix cut), over every service of the snapshot. */
    int longestName(Snapshot snap) {
        forSnapshot(snap);
        return longestName;
    }

    private void forSnapshot(Snapshot snap) {
        if (snap == snapshot) {
            return;
        }
        snapshot = snap;
        filter = null;
        rows.clear();
        positions.clear();
        prefix = snap == null ? "" : Prefixes.common(snap.services().stream().map(ServiceUsage::name).toList());
        longestName = 0;
        if (snap != null) {
            for (ServiceUsage u : snap.services()) {
                longestName = Math.max(longestName, Text.width(Text.sanitize(Prefixes.strip(u.name(), prefix))));
            }
        }
    }

    private List<ServiceRow> build(Snapshot snap, Metric metric) {
        if (snap == null) {
            return List.of();
        }
        String needle = filter.toLowerCase(Locale.ROOT);
        List<ServiceRow> out = new ArrayList<>();
        Map<ServiceRef, OptionalDouble> memory = new HashMap<>();
        for (ServiceUsage u : snap.services()) {
            List<Signal> shows = signals.of(u.ref());
            if (!needle.isEmpty() && !u.name().toLowerCase(Locale.ROOT).contains(needle) || signalsOnly && shows.isEmpty()
                    || capped.contains(metric) && u.value(metric, snap.stat()).isEmpty()) {
                continue;
            }
            out.add(new ServiceRow(u.ref(), Prefixes.strip(u.name(), prefix), u.value(metric, snap.stat()),
                    u.series(metric, snap.stat()), shows));
            if (sort == SortOrder.MEMORY) {
                memory.put(u.ref(), u.value(Metric.MEMORY, snap.stat()));
            }
        }
        if (sort == SortOrder.TROUBLE) {
            out.sort(TROUBLE_FIRST.thenComparing(ServiceRow::value, ServiceRows::highFirst).thenComparing(ServiceRow::name));
            return List.copyOf(out);
        }
        // the common orders sort on a plain double, "no data" as -infinity, then the name: with 5,000 rows a
        // comparator that unboxes two OptionalDoubles per comparison costs the UI thread milliseconds a refresh
        Keyed[] keyed = new Keyed[out.size()];
        for (int i = 0; i < keyed.length; i++) {
            ServiceRow r = out.get(i);
            OptionalDouble v = switch (sort) {
                case NAME -> OptionalDouble.empty();
                case MEMORY -> memory.get(r.ref());
                default -> r.value();
            };
            keyed[i] = new Keyed(r, v.isPresent() ? v.getAsDouble() : Double.NEGATIVE_INFINITY);
        }
        Arrays.sort(keyed, Keyed.HIGH_FIRST);
        List<ServiceRow> sorted = new ArrayList<>(keyed.length);
        for (Keyed k : keyed) {
            sorted.add(k.row);
        }
        return Collections.unmodifiableList(sorted);
    }

    /** A row and the figure it sorts by. */
    private record Keyed(ServiceRow row, double key) {
        static final Comparator<Keyed> HIGH_FIRST = (a, b) -> {
            int c = Double.compare(b.key, a.key);
            return c != 0 ? c : a.row.name().compareTo(b.row.name());
        };
    }

    /** The worst signal first (CRIT, WARN, INFO, none), then the most signals. */
    static final Comparator<ServiceRow> TROUBLE_FIRST = Comparator
            .comparingInt((ServiceRow r) -> r.signals().stream().mapToInt(x -> x.severity().ordinal()).max().orElse(-1))
            .thenComparingInt(r -> r.signals().size()).reversed();

    /** Highest first; "no data" after every figure. */
    private static int highFirst(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        return Double.compare(b.getAsDouble(), a.getAsDouble());
    }
}
