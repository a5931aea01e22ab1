package ecstop.ui.present;

import ecstop.domain.Cluster;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The picker as it reads; {@code reservations}: some cluster has a reservation to show (EC2 capacity). */
public record ClusterModel(String title, boolean focused, List<Row> rows, int cursor, boolean reservations,
                           Optional<String> empty) {
    /**
     * A picker row: a cluster, or "All clusters" (the fleet, with every cluster's services
     * summed and no reservation), and whether it is the one on screen.
     */
    public record Row(String name, int services, OptionalDouble cpuReservation, OptionalDouble memoryReservation,
                      boolean chosen) {
        static Row of(Cluster c, boolean chosen) {
            return new Row(c.name(), c.activeServices(), c.cpuReservation(), c.memoryReservation(), chosen);
        }
    }
}
