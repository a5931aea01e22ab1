package ecstop.domain.rightsize;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n values is the value at
 * rank ceil(p/100 × n) in ascending order. Always one of the values (never interpolated), so
 * a reader can find it in the series; p = 100 is the maximum. With fewer than 100 values,
 * p99 is the maximum too.
 */
public final class Percentiles {
    private Percentiles() {}

    /** Empty when there are no values. */
    public static OptionalDouble nearestRank(Collection<Double> values, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return OptionalDouble.of(sorted[rank(sorted.length, percentile) - 1]);
    }

    /** The 1-based rank nearestRank picks out of {@code n} values. */
    public static int rank(int n, double percentile) {
        // Round away floating-point fuzz first: 0.99 × 100 is 98.99999999999999, whose ceiling would be 99, not 99.
        double exact = Math.round(percentile / 100 * n * 1e9) / 1e9;
        return Math.max(1, Math.min(n, (int) Math.ceil(exact)));
    }
}
