package ecstop.emulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Application Auto Scaling policy on an ECS service's desired count, as
 * DescribeScalingPolicies returns it: target tracking on a predefined metric
 * (ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization,
 * ALBRequestCountPerTarget) or on a customised one ("Namespace MetricName"), or step scaling.
 */
public record SimScalingPolicy(String cluster, String service, String name, String type, String metric, double target) {
    public static final String TARGET_TRACKING = "TargetTrackingScaling";
    public static final String STEP = "StepScaling";

    public static SimScalingPolicy targetTracking(String cluster, String service, String predefinedMetric, double target) {
        return new SimScalingPolicy(cluster, service, service + "-" + predefinedMetric, TARGET_TRACKING, predefinedMetric, target);
    }

    public static SimScalingPolicy step(String cluster, String service) {
        return new SimScalingPolicy(cluster, service, service + "-step", STEP, "", 0);
    }

    String resourceId() {
        return "service/" + cluster + "/" + service;
    }

    Map<String, Object> document(String region, Instant created) {
        Map<String, Object> m = new LinkedHashMap<>();
        String id = new java.util.UUID(Hashing.of(resourceId()), Hashing.of(name)).toString();
        m.put("PolicyARN", "arn:aws:autoscaling:" + region + ":" + Fleet.ACCOUNT + ":scalingPolicy:" + id
                + ":resource/ecs/" + resourceId() + ":policyName/" + name);
        m.put("PolicyName", name);
        m.put("ServiceNamespace", "ecs");
        m.put("ResourceId", resourceId());
        m.put("ScalableDimension", "ecs:service:DesiredCount");
        m.put("PolicyType", type);
        if (TARGET_TRACKING.equals(type)) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("TargetValue", target);
            int space = metric.indexOf(' ');
            if (space > 0) {
                c.put("CustomizedMetricSpecification", Map.of(
                        "MetricName", metric.substring(space + 1),
                        "Namespace", metric.substring(0, space),
                        "Dimensions", List.of(Map.of("Name", "ClusterName", "Value", cluster),
                                Map.of("Name", "ServiceName", "Value", service)),
                        "Statistic", "Average"));
            } else {
                c.put("PredefinedMetricSpecification", Map.of("PredefinedMetricType", metric));
            }
            c.put("ScaleOutCooldown", 60);
            c.put("ScaleInCooldown", 300);
            c.put("DisableScaleIn", false);
            m.put("TargetTrackingScalingPolicyConfiguration", c);
        } else {
            m.put("StepScalingPolicyConfiguration", Map.of(
                    "AdjustmentType", "ChangeInCapacity",
                    "StepAdjustments", List.of(Map.of("MetricIntervalLowerBound", 0.0, "ScalingAdjustment", 1)),
                    "Cooldown", 120,
                    "MetricAggregationType", "Average"));
        }
        m.put("Alarms", List.of(Map.of(
                "AlarmName", "TargetTracking-" + resourceId() + "-AlarmHigh-" + id,
                "AlarmARN", "arn:aws:cloudwatch:" + region + ":" + Fleet.ACCOUNT + ":alarm:TargetTracking-" + resourceId()
                        + "-AlarmHigh-" + id)));
        m.put("CreationTime", created);
        return m;
    }
}
