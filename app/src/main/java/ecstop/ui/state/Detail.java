package ecstop.ui.state;

import ecstop.domain.ServiceRef;

/**
 * The open detail pane: pinned to the service Enter was pressed on, not following the
 * cursor, because each new detail service costs a fetch. {@code scroll}: periods scrolled
 * back from the newest.
 */
public record Detail(ServiceRef service, int scroll) {
    Detail scrolledTo(int s) { return new Detail(service, s); }
}
