package ecstop.ui.present;

import ecstop.domain.ServiceRef;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The containers pane as it reads: a row per container of a service (over all its tasks),
 * nearest its memory limit first, with a dim line above the rows on where the figures come
 * from; or one line while loading, when the read failed, or when no cluster publishes them.
 */
public record ContainersModel(String title, String note, boolean focused, List<String> above, List<Row> rows, int cursor,
                              Optional<String> empty) {
    public ContainersModel {
        above = List.copyOf(above);
        rows = List.copyOf(rows);
    }

    /**
     * One container: where its cluster is ({@code cluster}: in the fleet only, with the region or
     * profile when the fleet spans several), its service and name, its memory as a share of its limit at the
     * window's peak and newest minute.
     */
    public record Row(String key, ServiceRef ref, String cluster, String service, String container, double peak,
                      OptionalDouble latest) {}
}
