package ecstop.emulator;

/**
 * One metric series: a {@link LoadProfile} with its hash key and number of tasks, giving the
 * statistic set of any minute or any hour as a pure function.
 *
 * <p>Hours are primary so that long windows cost one evaluation per hour, not sixty: an
 * hour's mean, highest and lowest values are computed directly, and its minutes are spread
 * around the mean so that they add up to exactly that hour. Minutes come in pairs with
 * opposite deviations (so their mean is the hour's mean); one designated pair carries the
 * full deviation and the full task spread, so the hour's maximum and minimum are attained by
 * a real minute. Rolling the minutes up therefore reproduces the hour, and Maximum is never
 * below Average.
 */
final class LoadModel extends MinuteSeries {
    private final long key;
    private final LoadProfile p;
    private final int tasks;
    private final double spread;

    LoadModel(long key, LoadProfile profile, int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("a series needs at least one task, got " + tasks);
        }
        this.key = key;
        this.p = profile;
        this.tasks = tasks;
        // With one task the busiest and the idlest task are the same task.
        this.spread = tasks > 1 ? profile.taskSpread() : 0;
    }

    /** The mean across tasks over hour {@code hour} (hours since the epoch). */
    double hourMean(long hour) {
        double hourOfDay = Math.floorMod(hour, 24) + 0.5;
        double v = p.base()
                + p.amplitude() * Math.cos(2 * Math.PI * (hourOfDay - p.peakHour()) / 24)
                + p.hourlyNoise() * Hashing.signed(Hashing.of(key, hour, 1));
        boolean burst = Math.floorMod(hour, 24) == p.burstHour()
                || (p.burstChance() > 0 && Hashing.unit(Hashing.of(key, hour, 2)) < p.burstChance());
        if (burst) {
            // A burst always passes 100%, whatever the seed: that is what it is there to show.
            double r = Hashing.unit(Hashing.of(key, hour, 3));
            v = Math.max(v + p.burstHeight() * (0.8 + 0.2 * r), 100 + 15 * r);
        }
        if (p.sawtoothHours() > 0) {
            v += p.sawtoothHeight() * Math.floorMod(hour, p.sawtoothHours()) / p.sawtoothHours();
        }
        // Keep every minute's mean above zero: minutes stray at most minuteNoise from the hour.
        return Math.max(p.minuteNoise() + 0.1, v);
    }

    @Override
    Aggregate hour(long hour) {
        double mean = hourMean(hour);
        double samples = 60.0 * tasks;
        return new Aggregate(samples, samples * mean,
                Math.max(0, mean - p.minuteNoise() - spread), mean + p.minuteNoise() + spread);
    }

    @Override
    Aggregate minute(long minute) {
        long hour = Math.floorDiv(minute, 60);
        int i = (int) Math.floorMod(minute, 60);
        double mean = hourMean(hour);
        long hourKey = Hashing.of(key, hour, 4);
        int peakPair = (int) Math.floorMod(hourKey, 30);
        int pair = i / 2;
        double deviation = pair == peakPair ? 1 : Hashing.signed(Hashing.of(hourKey, pair));
        double avg = mean + (i % 2 == 0 ? 1 : -1) * p.minuteNoise() * deviation;
        double up = i == 2 * peakPair ? 1 : Hashing.unit(Hashing.of(hourKey, 100 + i));
        double down = i == 2 * peakPair + 1 ? 1 : Hashing.unit(Hashing.of(hourKey, 200 + i));
        return new Aggregate(tasks, tasks * avg, Math.max(0, avg - spread * down), avg + spread * up);
    }

    /**
     * One task of the service at the service's average: each minute the mean across tasks,
     * each hour that mean's own spread (the peak pair of minutes reaches the hour's mean plus
     * the minute noise, the lowest pair the mean minus it), one sample a minute. Scaled by a
     * task's weight, it is the task's own series; weights that average 1 across the tasks keep
     * the service's Average exactly.
     */
    MinuteSeries averageTask() {
        LoadModel service = this;
        return new MinuteSeries() {
            @Override
            Aggregate hour(long hour) {
                double mean = service.hourMean(hour);
                double noise = service.p.minuteNoise();
                return new Aggregate(60, 60 * mean, Math.max(0, mean - noise), mean + noise);
            }

            @Override
            Aggregate minute(long minute) {
                double avg = service.minute(minute).average();
                return new Aggregate(1, avg, avg, avg);
            }
        };
    }

    /** The part of hour {@code hour}'s mean that the leak's sawtooth adds (0 without one). */
    double sawtooth(long hour) {
        return p.sawtoothHours() > 0 ? p.sawtoothHeight() * Math.floorMod(hour, p.sawtoothHours()) / p.sawtoothHours() : 0;
    }

    /** Hours between the sawtooth's restarts, 0 without one. */
    int sawtoothHours() {
        return p.sawtoothHours();
    }
}
