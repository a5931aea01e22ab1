package ecstop.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Something that recurs every {@code periodMillis}: occurrence k is at
 * {@code phaseMillis + k * periodMillis} after the epoch. Which occurrences fall in a window
 * is arithmetic, so a window asked for at any time agrees with any other.
 */
record Schedule(long periodMillis, long phaseMillis) {
    Schedule {
        if (periodMillis < 1) {
            throw new IllegalArgumentException("period below a millisecond: " + periodMillis);
        }
        phaseMillis = Math.floorMod(phaseMillis, periodMillis);
    }

    /** Every {@code every}, at a phase drawn from {@code key}. */
    static Schedule of(long key, Duration every) {
        long period = Math.max(1, every.toMillis());
        return new Schedule(period, Math.floorMod(key, period));
    }

    /** Every {@code every}, with one occurrence at {@code at}. */
    static Schedule through(Instant at, Duration every) {
        long period = Math.max(1, every.toMillis());
        return new Schedule(period, at.toEpochMilli());
    }

    Instant at(long k) {
        return Instant.ofEpochMilli(phaseMillis + k * periodMillis);
    }

    /** The occurrences after {@code from} up to and including {@code to}, newest first, at most {@code limit}. */
    List<Long> newestFirst(Instant from, Instant to, int limit) {
        List<Long> out = new ArrayList<>();
        long last = Math.floorDiv(to.toEpochMilli() - phaseMillis, periodMillis);
        long first = Math.floorDiv(from.toEpochMilli() - phaseMillis, periodMillis) + 1;
        for (long k = last; k >= first && out.size() < limit; k--) {
            out.add(k);
        }
        return out;
    }
}
