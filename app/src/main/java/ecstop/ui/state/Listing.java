package ecstop.ui.state;

import ecstop.domain.Metric;
import ecstop.domain.ServiceRef;
import java.util.Optional;

/**
 * What is on screen, as far as moving through it cares: the rows of each bar panel in the
 * order shown and each pane's page size. Moves are relative to what the user sees, so the
 * steps that move take one; the presentation layer provides it, which keeps State free of
 * any reference to presentation.
 */
public interface Listing {
    /** Rows of the metric's panel, filtered and sorted as shown. */
    int size(ecstop.domain.Metric metric);

    /** The service on row {@code index} of the metric's panel. */
    ServiceRef at(Metric metric, int index);

    /** Row of {@code service} in the metric's panel, or -1. */
    int indexOf(Metric metric, ServiceRef service);

    /** Rows a page key moves in {@code pane}. */
    int pageRows(Pane pane);

    /** The cursor's row in the metric's panel: the selected service if shown, else the first row. */
    default int cursor(Metric metric, Optional<ServiceRef> selected) {
        return selected.map(s -> Math.max(0, indexOf(metric, s))).orElse(0);
    }

    /** The service under the cursor of the metric's panel, if it has rows. */
    default Optional<ServiceRef> under(Metric metric, Optional<ServiceRef> selected) {
        return size(metric) == 0 ? Optional.empty() : Optional.of(at(metric, cursor(metric, selected)));
    }
}
