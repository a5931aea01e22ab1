package ecstop.ui.present;

import ecstop.domain.Metric;
import java.util.List;
import java.util.Optional;

/**
 * A bar panel as it reads: title, "cursor/total" note, the rows, the cursor's row, the width
 * of the longest name over the whole snapshot (both panels size their name column from it,
 * so their columns line up and do not shift while scrolling or filtering), or why it is empty.
 */
public record UsageModel(Metric metric, String title, String note, boolean focused, List<ServiceRow> rows, int cursor,
                         int nameWidth, Optional<String> empty) {}
