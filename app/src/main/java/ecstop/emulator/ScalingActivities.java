package ecstop.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What Application Auto Scaling's DescribeScalingActivities says a policy did: a scale-out
 * when its service's load ran above the policy's target, a scale-in back to the service's
 * desired count after. Worked out from the same hourly means the AWS/ECS series are made of:
 * each run of hours whose mean CPU (or memory, for a memory policy) is above the target
 * starts with a scale-out 3 minutes into its first hour (the alarm's three datapoints) and
 * ends with a scale-in 15 minutes after its last (the low alarm's fifteen). A policy on a
 * metric the emulator does not publish (requests per target, a step policy's custom alarm)
 * follows CPU against 60%. Only runs that have ended are listed, so DescribeServices' desired
 * count, which the emulator keeps fixed, is right again by the time the activities are read;
 * runs are kept six weeks, as the Application Auto Scaling User Guide says ("You can look
 * up scaling activities from the last six weeks":
 * https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scaling-activities.html).
 * The texts follow the example in the AWS CLI reference for describe-scaling-activities
 * (https://docs.aws.amazon.com/cli/latest/reference/application-autoscaling/describe-scaling-activities.html):
 * Description "Setting desired count to 6.", Cause "monitor alarm NAME in state ALARM
 * triggered policy NAME", StatusMessage "Successfully set desired count to 6. Change
 * successfully fulfilled by ecs.", StatusCode "Successful".
 */
final class ScalingActivities {
    static final Duration KEPT = Duration.ofDays(42);
    static final Duration OUT_AFTER = Duration.ofMinutes(3);
    static final Duration IN_AFTER = Duration.ofMinutes(15);
    static final double FALLBACK_TARGET = 60;

    /** One activity, newest first when listed. */
    record Activity(SimScalingPolicy policy, Instant start, Instant end, int desired, boolean out, String alarm) {
        Map<String, Object> document() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ActivityId", new UUID(Hashing.of(policy.resourceId() + "/" + policy.name()), start.getEpochSecond()).toString());
            m.put("ServiceNamespace", "ecs");
            m.put("ResourceId", policy.resourceId());
            m.put("ScalableDimension", "ecs:service:DesiredCount");
            m.put("Description", "Setting desired count to " + desired + ".");
            m.put("Cause", "monitor alarm " + alarm + " in state ALARM triggered policy " + policy.name());
            m.put("StartTime", start);
            m.put("EndTime", end);
            m.put("StatusCode", "Successful");
            m.put("StatusMessage", "Successfully set desired count to " + desired + ". Change successfully fulfilled by ecs.");
            return m;
        }
    }

    private ScalingActivities() {}

    /** The policy's activities within six weeks of {@code now}, newest first; none when its service is gone or idle. */
    static List<Activity> of(Fleet fleet, SimScalingPolicy policy, Instant now) {
        Optional<SimCluster> cluster = fleet.cluster(policy.cluster());
        Optional<SimService> service = cluster.flatMap(c -> c.service(policy.service()));
        if (service.isEmpty() || service.get().running() == 0) {
            return List.of();
        }
        boolean memory = policy.metric().contains("Memory");
        double target = memory || policy.metric().contains("CPU") ? policy.target() : FALLBACK_TARGET;
        Optional<LoadModel> load = fleet.series("AWS/ECS", memory ? "MemoryUtilization" : "CPUUtilization",
                Fleet.serviceDimensions(cluster.get(), service.get()));
        if (load.isEmpty()) {
            return List.of();
        }
        int desired = service.get().desired();
        int scaledOut = desired + Math.max(1, desired / 2);
        String id = new UUID(Hashing.of(policy.resourceId()), Hashing.of(policy.name())).toString();
        boolean tracking = SimScalingPolicy.TARGET_TRACKING.equals(policy.type());
        String high = tracking ? "TargetTracking-" + policy.resourceId() + "-AlarmHigh-" + id : policy.name() + "-high";
        String low = tracking ? "TargetTracking-" + policy.resourceId() + "-AlarmLow-" + id : policy.name() + "-low";
        long first = Math.floorDiv(now.minus(KEPT).getEpochSecond(), 3600);
        long last = Math.floorDiv(now.getEpochSecond(), 3600);
        List<Activity> out = new ArrayList<>();
        Long runStart = null;
        for (long h = first; h <= last; h++) {
            boolean hot = load.get().hourMean(h) > target;
            if (hot && runStart == null) {
                runStart = h;
            } else if (!hot && runStart != null) {
                Instant scaleOut = Instant.ofEpochSecond(runStart * 3600).plus(OUT_AFTER);
                Instant scaleIn = Instant.ofEpochSecond(h * 3600).plus(IN_AFTER);
                if (!scaleIn.plusSeconds(40).isAfter(now) && !scaleOut.isBefore(now.minus(KEPT))) {
                    out.add(new Activity(policy, scaleOut, scaleOut.plusSeconds(34), scaledOut, true, high));
                    out.add(new Activity(policy, scaleIn, scaleIn.plusSeconds(38), desired, false, low));
                }
                runStart = null;
            }
        }
        out.sort(Comparator.comparing(Activity::start).reversed());
        return out;
    }
}
