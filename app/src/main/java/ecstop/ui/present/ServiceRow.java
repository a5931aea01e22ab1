package ecstop.ui.present;

import ecstop.domain.Series;
import ecstop.domain.ServiceRef;
import java.util.OptionalDouble;

/** One row of a bar panel: the service, its name with the shared prefix cut, its figure and history. */
public record ServiceRow(ServiceRef ref, String shown, OptionalDouble value, Series series) {
    public String name() { return ref.name(); }
}
