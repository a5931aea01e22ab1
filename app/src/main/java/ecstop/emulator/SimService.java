package ecstop.emulator;

import ecstop.emulator.LoadProfile.Trait;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A simulated ECS service: what DescribeServices reports, plus the traits that shape its
 * metrics. A service with no running task publishes no datapoints at all, as on AWS.
 * {@code deploying} means a rollout is IN_PROGRESS: the new revision is PRIMARY with the
 * pending tasks, the old one still ACTIVE. {@code troubles} are what its stopped tasks,
 * events and deployments show (see {@link Trouble}), each with how often it recurs.
 */
public record SimService(
        String name,
        String launchType,
        int desired,
        int running,
        int pending,
        int revision,
        boolean deploying,
        Set<Trait> traits,
        Map<Trouble, Duration> troubles) {

    public static final String EC2 = "EC2";
    public static final String FARGATE = "FARGATE";

    public SimService {
        if (running < 0 || pending < 0 || desired < 0) {
            throw new IllegalArgumentException("negative task count for " + name);
        }
        traits = traits.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(traits));
        troubles = troubles.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(troubles));
        troubles.forEach((t, every) -> {
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException(t + " of " + name + " must recur after a positive time, got " + every);
            }
        });
    }

    public SimService(String name, String launchType, int desired, int running, int pending, int revision,
                      boolean deploying, Set<Trait> traits) {
        this(name, launchType, desired, running, pending, revision, deploying, traits, Map.of());
    }

    /** A steady service with {@code running} tasks, all wanted and none pending. */
    public static SimService running(String name, String launchType, int running) {
        return new SimService(name, launchType, running, running, 0, 1, false, Set.of());
    }

    public SimService withTraits(Trait... more) {
        Set<Trait> all = EnumSet.noneOf(Trait.class);
        all.addAll(traits);
        all.addAll(Set.of(more));
        return new SimService(name, launchType, desired, running, pending, revision, deploying, all, troubles);
    }

    /** The trouble at its usual pace. */
    public SimService withTrouble(Trouble... more) {
        SimService out = this;
        for (Trouble t : more) {
            out = out.withTrouble(t, t.every);
        }
        return out;
    }

    /** The trouble recurring every {@code every}: 360 ms of OOM kills leaves 10,000 stopped tasks in ECS's hour. */
    public SimService withTrouble(Trouble trouble, Duration every) {
        Map<Trouble, Duration> all = new EnumMap<>(Trouble.class);
        all.putAll(troubles);
        all.put(trouble, every);
        return new SimService(name, launchType, desired, running, pending, revision, deploying, traits, all);
    }

    public boolean has(Trouble t) {
        return troubles.containsKey(t);
    }

    /** A rollout in progress: {@code pending} more tasks starting under a new revision. */
    public SimService deploying(int pending) {
        return new SimService(name, launchType, running + pending, running, pending, revision + 1, true, traits, troubles);
    }

    /** Scaled to zero, or crash-looping: no task running, so no datapoints. */
    public SimService idle(int desired, int pending) {
        return new SimService(name, launchType, desired, 0, pending, revision, false, traits, troubles);
    }

    public SimService withRevision(int revision) {
        return new SimService(name, launchType, desired, running, pending, revision, deploying, traits, troubles);
    }
}
