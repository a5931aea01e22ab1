package ecstop.emulator;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Application Auto Scaling's DescribeScalingPolicies and DescribeScalingActivities
 * (awsJson1_1, target prefix AnyScaleFrontendService) over a {@link Fleet}'s policies:
 * ServiceNamespace is required; ResourceId and ScalableDimension filter both, PolicyNames the
 * policies; MaxResults 1–10 (default 10) for policies, 1–50 (default 50) for activities, with
 * NextToken for the rest. Activities come newest first (see {@link ScalingActivities}). Only
 * the ecs namespace has policies here.
 */
final class ScalingApi {
    static final Set<String> OPERATIONS = Set.of("DescribeScalingPolicies", "DescribeScalingActivities");
    static final int MAX_RESULTS = 10;
    static final int MAX_ACTIVITIES = 50;
    private static final Instant CREATED = Instant.parse("2025-06-01T10:00:00Z");

    private final Fleet fleet;
    private final InstantSource clock;

    ScalingApi(Fleet fleet, InstantSource clock) {
        this.fleet = fleet;
        this.clock = clock;
    }

    Map<String, Object> call(String operation, Inputs in) {
        return switch (operation) {
            case "DescribeScalingPolicies" -> policies(in);
            case "DescribeScalingActivities" -> activities(in);
            default -> throw AwsError.UNKNOWN_OPERATION.with("Unknown operation " + operation);
        };
    }

    private Map<String, Object> activities(Inputs in) {
        String namespace = namespace(in);
        String resourceId = in.text("ResourceId").orElse(null);
        String dimension = in.text("ScalableDimension").orElse(null);
        Instant now = clock.instant();
        List<ScalingActivities.Activity> matching = new ArrayList<>();
        for (SimScalingPolicy p : fleet.scalingPolicies()) {
            boolean wanted = "ecs".equals(namespace) && (resourceId == null || p.resourceId().equals(resourceId))
                    && (dimension == null || "ecs:service:DesiredCount".equals(dimension));
            if (wanted) {
                matching.addAll(ScalingActivities.of(fleet, p, now));
            }
        }
        matching.sort(Comparator.comparing(ScalingActivities.Activity::start).reversed());
        String scope = "activities/" + namespace + "/" + (resourceId == null ? "" : resourceId);
        return Paging.page(matching, "ScalingActivities", scope, in, MAX_ACTIVITIES, AwsError.SCALING_VALIDATION,
                ScalingActivities.Activity::document, new LinkedHashMap<>());
    }

    private static String namespace(Inputs in) {
        return in.text("ServiceNamespace").orElseThrow(() -> AwsError.SCALING_VALIDATION.with(
                "1 validation error detected: Value null at 'serviceNamespace' failed to satisfy constraint: Member must not be null"));
    }

    private Map<String, Object> policies(Inputs in) {
        String namespace = namespace(in);
        String resourceId = in.text("ResourceId").orElse(null);
        String dimension = in.text("ScalableDimension").orElse(null);
        List<String> names = in.texts("PolicyNames");
        List<SimScalingPolicy> matching = fleet.scalingPolicies().stream()
                .filter(p -> "ecs".equals(namespace))
                .filter(p -> resourceId == null || p.resourceId().equals(resourceId))
                .filter(p -> dimension == null || "ecs:service:DesiredCount".equals(dimension))
                .filter(p -> names.isEmpty() || names.contains(p.name()))
                .toList();
        String scope = "policies/" + namespace + "/" + (resourceId == null ? "" : resourceId);
        return Paging.page(matching, "ScalingPolicies", scope, in, MAX_RESULTS, AwsError.SCALING_VALIDATION,
                p -> p.document(fleet.region(), CREATED), new LinkedHashMap<>());
    }
}
