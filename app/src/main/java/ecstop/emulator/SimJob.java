package ecstop.emulator;

import java.time.Duration;

/**
 * A task that no service runs (a scheduled job started with RunTask): its group is
 * "family:FAMILY", it starts every {@code every}, runs a few minutes and exits with
 * {@code exitCode}. It shows only among the cluster's stopped tasks.
 */
public record SimJob(String family, Duration every, int exitCode) {
    public SimJob {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("job " + family + " must recur after a positive time, got " + every);
        }
    }
}
