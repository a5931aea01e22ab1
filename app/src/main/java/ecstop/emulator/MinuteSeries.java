package ecstop.emulator;

import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * A metric series CloudWatch holds: the statistic set of any hour or minute as a pure
 * function, so that a window of any length costs one evaluation per hour, not sixty. Every
 * series the emulator publishes is one of these: a {@link LoadModel}, a constant (a
 * reservation), a series scaled hour by hour (a task's share of its service, a container's
 * share of its task), or several series taken together (the tasks of a service, as
 * CloudWatch rolls up the samples that carry the same dimensions). An implementation's hour
 * must be the roll-up of its minutes, so that asking by hour or by minute agrees.
 */
abstract class MinuteSeries {
    static final long SECONDS_PER_HOUR = 3600;

    /** Hour {@code hour} (hours since the epoch), or null when the series has no sample in it. */
    abstract Aggregate hour(long hour);

    /** Minute {@code minute} (minutes since the epoch), or null when the series has no sample in it. */
    abstract Aggregate minute(long minute);

    /**
     * The statistic set over [from, to) seconds, counting only minutes that are complete by
     * {@code now} and not older than {@code oldest}; null when no minute qualifies.
     */
    final Aggregate aggregate(long from, long to, long now, long oldest) {
        long start = ceilTo(Math.max(from, oldest), 60);
        long end = Math.min(to, now);
        Aggregate acc = null;
        long t = start;
        while (t < end) {
            if (t % SECONDS_PER_HOUR == 0 && t + SECONDS_PER_HOUR <= end) {
                Aggregate h = hour(t / SECONDS_PER_HOUR);
                acc = acc == null ? h : (h == null ? acc : acc.plus(h));
                t += SECONDS_PER_HOUR;
            } else {
                if (t + 60 <= now) {
                    Aggregate m = minute(t / 60);
                    acc = acc == null ? m : (m == null ? acc : acc.plus(m));
                }
                t += 60;
            }
        }
        return acc;
    }

    /** This series times {@code factor(hour)}: a share that may change from hour to hour, never within one. */
    MinuteSeries scaled(LongToDoubleFunction factorByHour) {
        MinuteSeries base = this;
        return new MinuteSeries() {
            @Override
            Aggregate hour(long hour) {
                Aggregate a = base.hour(hour);
                return a == null ? null : a.scaled(factorByHour.applyAsDouble(hour));
            }

            @Override
            Aggregate minute(long minute) {
                Aggregate a = base.minute(minute);
                return a == null ? null : a.scaled(factorByHour.applyAsDouble(Math.floorDiv(minute, 60)));
            }
        };
    }

    MinuteSeries scaled(double factor) {
        return scaled(h -> factor);
    }

    /** One sample of {@code value} a minute: what a reservation looks like. */
    static MinuteSeries constant(double value) {
        return new MinuteSeries() {
            @Override
            Aggregate hour(long hour) {
                return new Aggregate(60, 60 * value, value, value);
            }

            @Override
            Aggregate minute(long minute) {
                return new Aggregate(1, value, value, value);
            }
        };
    }

    /** Every sample of these series taken together, as CloudWatch keeps samples that share their dimensions. */
    static MinuteSeries together(List<MinuteSeries> parts) {
        List<MinuteSeries> all = List.copyOf(parts);
        if (all.size() == 1) {
            return all.get(0);
        }
        return new MinuteSeries() {
            @Override
            Aggregate hour(long hour) {
                return sum(all, s -> s.hour(hour));
            }

            @Override
            Aggregate minute(long minute) {
                return sum(all, s -> s.minute(minute));
            }
        };
    }

    static long ceilTo(long t, long step) {
        return -Math.floorDiv(-t, step) * step;
    }

    /** The parts' aggregates of one hour or minute, added up. */
    private static Aggregate sum(List<MinuteSeries> parts, java.util.function.Function<MinuteSeries, Aggregate> of) {
        Aggregate acc = null;
        for (MinuteSeries s : parts) {
            Aggregate a = of.apply(s);
            acc = acc == null ? a : acc.plus(a);
        }
        return acc;
    }
}
