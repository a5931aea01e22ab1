package ecstop.ui.present;

import ecstop.domain.ServiceRef;
import ecstop.domain.TargetLabels;
import ecstop.domain.rightsize.Recommendation;
import java.util.List;
import java.util.Optional;

/**
 * The right-sizing table as it reads: the rule and the totals on the line above the rows,
 * one row per service (most saved first), or why there is no table yet. In the fleet,
 * {@code fleet} says which parts of a row's target tell it apart, for the column naming each
 * row's cluster, {@code clusterWidth} wide at most.
 */
public record RightsizeModel(String title, String note, boolean focused, List<String> above, List<Row> rows, int cursor,
                             int nameWidth, String percentile, Optional<String> empty, Optional<TargetLabels> fleet,
                             int clusterWidth) {
    /** A service and its recommendation. */
    public record Row(ServiceRef ref, String shown, Recommendation recommendation) {}
}
