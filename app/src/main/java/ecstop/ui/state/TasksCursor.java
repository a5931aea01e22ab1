package ecstop.ui.state;

import java.util.Optional;

/**
 * Where the tasks pane's cursor is: on the row keyed {@code row} (a task, a container, a
 * stopped task), pinned by identity so the rows can re-sort under it at each refresh; empty
 * until the user moves it, when it stands on the container nearest its hard limit (else on the
 * first row), so the starving container is the first thing the pane points at.
 */
public record TasksCursor(Optional<String> row) {
    public static final TasksCursor NEAREST = new TasksCursor(Optional.empty());
}
