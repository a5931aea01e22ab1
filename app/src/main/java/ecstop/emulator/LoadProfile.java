package ecstop.emulator;

import java.util.Set;

/**
 * The shape of one metric of one service over time, in percent: a daily curve, hour-to-hour
 * wander, minute-to-minute noise, the gap between the busiest and the idlest task, and the
 * features that make a demo worth watching (bursts past 100%, a nightly batch, a memory
 * leak's sawtooth, a soft memory limit). Derived from a hash, so it is a pure function of
 * (seed, cluster, service, metric).
 */
record LoadProfile(
        double base,
        double amplitude,
        double peakHour,
        double hourlyNoise,
        double minuteNoise,
        double taskSpread,
        double burstChance,
        int burstHour,
        double burstHeight,
        int sawtoothHours,
        double sawtoothHeight) {

    /** A service's CPU or memory utilisation. */
    static LoadProfile forService(boolean cpu, long h, Set<Trait> traits) {
        double base = cpu ? 8 + 45 * u(h, 1) : 25 + 40 * u(h, 1);
        double amplitude = cpu ? 5 + 20 * u(h, 2) : 2 + 6 * u(h, 2);
        double peakHour = 24 * u(h, 3);
        double hourly = cpu ? 2 + 5 * u(h, 4) : 0.5 + 2 * u(h, 4);
        double minute = cpu ? 1 + 4 * u(h, 5) : 0.3 + 1 * u(h, 5);
        double spread = cpu ? 2 + 16 * u(h, 6) : 1 + 6 * u(h, 6);
        double burstChance = 0;
        int burstHour = -1;
        double burstHeight = 0;
        int sawHours = 0;
        double sawHeight = 0;
        if (cpu && traits.contains(Trait.HOT_TASK)) {
            // The service's mean stays low: the hot task's share of it (TaskLoads) nears 100%.
            // At the weights TaskLoads gives (3.4 for the hot one of four), it peaks at 79-97% every day.
            return new LoadProfile(22 + 3 * u(h, 7), 2, peakHour, 0.8, 0.8, 0, 0, -1, 0, 0, 0);
        }
        if (!cpu && traits.contains(Trait.SIDECAR_LEAK)) {
            return TaskLoads.sidecarLeakMemory();
        }
        if (cpu) {
            if (traits.contains(Trait.HOT)) {
                base = 68 + 10 * u(h, 7);
                amplitude = 6 + 4 * u(h, 2);
            }
            if (traits.contains(Trait.BURSTY)) {
                burstChance = 0.05;
                burstHeight = 55 + 35 * u(h, 8);
            }
            if (traits.contains(Trait.NIGHTLY_BATCH)) {
                burstHour = 1 + (int) (4 * u(h, 9));
                burstHeight = 45 + 20 * u(h, 8);
            }
        } else {
            if (traits.contains(Trait.MEMORY_SOFT_LIMIT)) {
                // Every day, the peak hour's busiest minute reaches at least
                // 97 + 4 cos(7.5 deg) - 1 (hourly noise) + 0.3 (minute noise) > 100.
                base = 97 + 5 * u(h, 7);
                amplitude = 4;
                hourly = 1;
            }
            if (traits.contains(Trait.LEAKY)) {
                base = 25 + 10 * u(h, 7);
                sawHours = 36 + (int) (36 * u(h, 9));
                sawHeight = 45 + 15 * u(h, 8);
            }
        }
        return new LoadProfile(base, amplitude, peakHour, hourly, minute, spread,
                burstChance, burstHour, burstHeight, sawHours, sawHeight);
    }

    /** Cluster-level figures (reservation, utilisation): smooth, no bursts. */
    static LoadProfile forCluster(double low, double high, long h) {
        double base = low + (high - low) * u(h, 1);
        return new LoadProfile(base, 4 + 8 * u(h, 2), 24 * u(h, 3), 1 + 2 * u(h, 4),
                0.3 + 0.7 * u(h, 5), 3 + 6 * u(h, 6), 0, -1, 0, 0, 0);
    }

    private static double u(long h, int salt) {
        return Hashing.unit(Hashing.of(h, salt));
    }

    /** What the demo makes some services do. */
    enum Trait {
        /** CPU runs high all day. */
        HOT,
        /** Random hours of CPU well past 100% (EC2 tasks may use more than their share). */
        BURSTY,
        /** One hour each night past 100%. */
        NIGHTLY_BATCH,
        /** Memory hovers near and past 100% (only a soft limit is set). */
        MEMORY_SOFT_LIMIT,
        /** Memory climbs for days until the task restarts. */
        LEAKY,
        /**
         * One task carries most of the service's CPU while its siblings idle (uneven load
         * balancing, a stuck worker): the service's Average is low, its Maximum high.
         */
        HOT_TASK,
        /**
         * A log-router sidecar's memory climbs to its hard limit every few hours and the
         * container is restarted, while the application container stays near 40% of its own.
         */
        SIDECAR_LEAK,
        /** One task's ephemeral storage is close to full (Fargate's 20 GiB). */
        DISK_FILLING
    }
}
