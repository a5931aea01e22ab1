package ecstop.ui;

import ecstop.domain.Metric;
import ecstop.domain.Prefixes;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.ui.widget.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Filtered, sorted rows per metric, remembered until the snapshot, filter or sort changes:
 * with 5,000 services a key press must not re-sort the fleet. UI thread only.
 */
final class RowCache {
    private Snapshot snapshot;
    private String filter;
    private SortOrder sort;
    private String prefix = "";
    private int longestName;
    private final Map<Metric, List<ServiceRow>> rows = new EnumMap<>(Metric.class);
    /** Row index by service name, per list built here: the cursor is found once per frame per pane. */
    private final Map<List<ServiceRow>, Map<String, Integer>> positions = new java.util.IdentityHashMap<>();

    List<ServiceRow> rows(Snapshot snap, String filterText, SortOrder order, Metric metric) {
        if (snap != snapshot || !filterText.equals(filter) || order != sort) {
            prefix(snap);
            filter = filterText;
            sort = order;
            clear();
        }
        return rows.computeIfAbsent(metric, m -> build(snap, m));
    }

    String prefix(Snapshot snap) {
        if (snap != snapshot) {
            snapshot = snap;
            filter = null;
            clear();
            prefix = snap == null ? "" : Prefixes.common(snap.services().stream().map(ServiceUsage::name).toList());
            longestName = 0;
            if (snap != null) {
                for (ServiceUsage u : snap.services()) {
                    longestName = Math.max(longestName, Text.width(Text.sanitize(Prefixes.strip(u.name(), prefix))));
                }
            }
        }
        return prefix;
    }

    /** Where {@code name} is in {@code list}, or -1; lists this cache built are indexed once, others scanned. */
    int indexOf(List<ServiceRow> list, String name) {
        Map<String, Integer> at = positions.get(list);
        if (at == null && rows.values().stream().anyMatch(built -> built == list)) {
            at = new java.util.HashMap<>(list.size() * 2);
            for (int i = 0; i < list.size(); i++) {
                at.putIfAbsent(list.get(i).name(), i);
            }
            positions.put(list, at);
        }
        if (at != null) {
            return at.getOrDefault(name, -1);
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void clear() {
        rows.clear();
        positions.clear();
    }

    /** Display width of the longest name as shown (prefix cut), over every service of the snapshot. */
    int longestName(Snapshot snap) {
        prefix(snap);
        return longestName;
    }

    private List<ServiceRow> build(Snapshot snap, Metric metric) {
        if (snap == null) {
            return List.of();
        }
        String needle = filter.toLowerCase(Locale.ROOT);
        List<ServiceRow> out = new ArrayList<>();
        Map<String, OptionalDouble> memory = new java.util.HashMap<>();
        for (ServiceUsage u : snap.services()) {
            if (!needle.isEmpty() && !u.name().toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            out.add(new ServiceRow(u.name(), Prefixes.strip(u.name(), prefix),
                    u.value(metric, snap.stat()), u.series(metric, snap.stat())));
            if (sort == SortOrder.MEMORY) {
                memory.put(u.name(), u.value(Metric.MEMORY, snap.stat()));
            }
        }
        Comparator<ServiceRow> byName = Comparator.comparing(ServiceRow::name);
        Comparator<ServiceRow> order = switch (sort) {
            case NAME -> byName;
            case PEAK -> Comparator.comparing((ServiceRow r) -> r.value(), RowCache::highFirst).thenComparing(byName);
            case MEMORY -> Comparator.comparing((ServiceRow r) -> memory.get(r.name()), RowCache::highFirst).thenComparing(byName);
        };
        out.sort(order);
        return List.copyOf(out);
    }

    /** Highest first; "no data" after every figure. */
    private static int highFirst(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        return Double.compare(b.getAsDouble(), a.getAsDouble());
    }
}
