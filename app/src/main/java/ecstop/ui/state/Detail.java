package ecstop.ui.state;

import ecstop.domain.ServiceRef;
import ecstop.domain.timeline.Marker;
import java.util.Optional;

/**
 * The open detail pane: pinned to the service Enter was pressed on, not following the
 * cursor, because each new detail service costs a fetch. {@code scroll}: periods scrolled
 * back from the newest. {@code marker}: the chart's marker ←/→ chose, kept as the marker
 * itself, not its index, so a refresh that brings a newer one does not move the choice.
 */
public record Detail(ServiceRef service, int scroll, Optional<Marker> marker) {
    public Detail(ServiceRef service, int scroll) {
        this(service, scroll, Optional.empty());
    }

    Detail scrolledTo(int s) { return new Detail(service, s, marker); }

    Detail withMarker(Optional<Marker> m) { return new Detail(service, scroll, m); }
}
