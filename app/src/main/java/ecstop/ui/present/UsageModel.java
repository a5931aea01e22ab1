package ecstop.ui.present;

import ecstop.domain.Metric;
import ecstop.domain.TargetLabels;
import java.util.List;
import java.util.Optional;

/**
 * A bar panel as it reads: title, "cursor/total" note, the rows, the cursor's row, the width
 * of the longest name over the whole snapshot (both panels size their name column from it,
 * so their columns line up and do not shift while scrolling or filtering), or why it is empty.
 * In the fleet, {@code fleet} says which parts of a row's target tell it apart, for the
 * column naming each row's cluster, {@code clusterWidth} wide at most. {@code signalWidth}: the
 * most signals one service shows, the width of the column of their marks (none while no
 * service shows any).
 */
public record UsageModel(Metric metric, String title, String note, boolean focused, List<ServiceRow> rows, int cursor,
                         int nameWidth, Optional<TargetLabels> fleet, int clusterWidth, int signalWidth, Optional<String> empty) {}
