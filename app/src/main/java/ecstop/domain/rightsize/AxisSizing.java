package ecstop.domain.rightsize;

import ecstop.domain.Metric;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One axis (CPU or memory) of a recommendation with every figure behind it, so each can be
 * redone by hand: the per-period maxima in percent, their peak and percentile, the use in
 * units (percentile × reserved / 100), what the rule asks for (use × (1 + headroom)) and
 * what is recommended per task. CPU in CPU units, memory in MiB.
 *
 * @param trackedBy          the target-tracking policy that answers this axis by scaling out; then no recommendation
 * @param underProvisioned   why this axis is at its limit (peak at or above 100%, OOM kills), empty when it is not
 * @param recommended        per task; the reserved size when the axis is left alone; empty with nothing reserved
 */
public record AxisSizing(
        Metric metric,
        OptionalInt reserved,
        boolean taskLevel,
        List<Double> maxima,
        OptionalDouble peak,
        OptionalDouble percentile,
        OptionalDouble observed,
        OptionalDouble needed,
        Optional<String> trackedBy,
        List<String> underProvisioned,
        OptionalInt recommended) {

    public AxisSizing {
        maxima = List.copyOf(maxima);
        underProvisioned = List.copyOf(underProvisioned);
    }

    public boolean hasData() {
        return !maxima.isEmpty();
    }

    public boolean isUnderProvisioned() {
        return !underProvisioned.isEmpty();
    }

    /** Recommended minus reserved, per task (negative frees capacity); empty when either is unknown. */
    public OptionalInt change() {
        return reserved.isPresent() && recommended.isPresent()
                ? OptionalInt.of(recommended.getAsInt() - reserved.getAsInt()) : OptionalInt.empty();
    }
}
