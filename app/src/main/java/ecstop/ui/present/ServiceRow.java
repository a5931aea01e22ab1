package ecstop.ui.present;

import ecstop.domain.Series;
import ecstop.domain.ServiceRef;
import ecstop.domain.signal.Signal;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One row of a bar panel: the service, its name with the shared prefix cut, its figure and
 * history, and its signals, worst first (empty when it shows none or they are not read yet).
 */
public record ServiceRow(ServiceRef ref, String shown, OptionalDouble value, Series series, List<Signal> signals) {
    public ServiceRow {
        signals = List.copyOf(signals);
    }

    public ServiceRow(ServiceRef ref, String shown, OptionalDouble value, Series series) {
        this(ref, shown, value, series, List.of());
    }

    public String name() { return ref.name(); }
}
