package ecstop.ui.present;

import ecstop.domain.Cluster;
import java.util.List;
import java.util.Optional;

/** The picker as it reads; {@code reservations}: some cluster has a reservation to show (EC2 capacity). */
public record ClusterModel(String title, boolean focused, List<Row> rows, int cursor, boolean reservations,
                           Optional<String> empty) {
    /** A cluster, and whether it is the one on screen. */
    public record Row(Cluster cluster, boolean chosen) {}
}
