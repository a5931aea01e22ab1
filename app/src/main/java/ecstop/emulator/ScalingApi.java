package ecstop.emulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Application Auto Scaling's DescribeScalingPolicies (awsJson1_1, target prefix
 * AnyScaleFrontendService) over a {@link Fleet}'s policies: ServiceNamespace is required,
 * ResourceId, ScalableDimension and PolicyNames filter, MaxResults 1–10 (default 10) with
 * NextToken for the rest. Only the ecs namespace has policies here.
 */
final class ScalingApi {
    static final Set<String> OPERATIONS = Set.of("DescribeScalingPolicies");
    static final int MAX_RESULTS = 10;
    private static final Instant CREATED = Instant.parse("2025-06-01T10:00:00Z");

    private final Fleet fleet;

    ScalingApi(Fleet fleet) {
        this.fleet = fleet;
    }

    Map<String, Object> call(String operation, Inputs in) {
        if (!"DescribeScalingPolicies".equals(operation)) {
            throw AwsError.UNKNOWN_OPERATION.with("Unknown operation " + operation);
        }
        String namespace = in.text("ServiceNamespace").orElseThrow(() -> AwsError.SCALING_VALIDATION.with(
                "1 validation error detected: Value null at 'serviceNamespace' failed to satisfy constraint: Member must not be null"));
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
