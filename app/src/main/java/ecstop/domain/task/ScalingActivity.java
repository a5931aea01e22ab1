package ecstop.domain.task;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Application Auto Scaling activity on a service's desired count, as
 * DescribeScalingActivities gives it: when it began and ended, what it did ("Setting desired
 * count to 6."), why ("monitor alarm ... in state ALARM triggered policy ..."), and how it
 * went (Successful, Failed, InProgress, ...). {@code resourceId} is "service/CLUSTER/SERVICE".
 */
public record ScalingActivity(String activityId, String resourceId, String scalableDimension, Instant start,
                              Optional<Instant> end, String description, String cause, String statusCode) {
    private static final Pattern DESIRED = Pattern.compile("desired count to (\\d+)");

    public ScalingActivity {
        Objects.requireNonNull(start, "start");
        activityId = activityId == null ? "" : activityId;
        resourceId = resourceId == null ? "" : resourceId;
        scalableDimension = scalableDimension == null ? "" : scalableDimension;
        description = description == null ? "" : description;
        cause = cause == null ? "" : cause;
        statusCode = statusCode == null ? "" : statusCode;
    }

    /** The desired count the activity set, when its description says ("Setting desired count to 6." gives 6). */
    public OptionalInt desiredCount() {
        Matcher m = DESIRED.matcher(description);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}
