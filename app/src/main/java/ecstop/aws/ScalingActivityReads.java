package ecstop.aws;

import ecstop.domain.CallStats;
import ecstop.domain.Failure;
import ecstop.domain.ServiceRef;
import ecstop.domain.task.ScalingActivity;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingActivitiesRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalingActivitiesResponse;

/**
 * One service's Application Auto Scaling activities since an instant, for the timeline's
 * markers: DescribeScalingActivities with ServiceNamespace ecs and the service's ResourceId,
 * 50 a page (its most). Application Auto Scaling's reference does not say in which order it
 * lists them (EC2 Auto Scaling's says by start time, in progress first), so every page is
 * read, at most {@value #MAX_PAGES} (AWS keeps six weeks), and the result sorted newest
 * first. Application Auto Scaling's API calls are not billed; they are counted like every other.
 */
final class ScalingActivityReads {
    static final int PAGE = 50;
    static final int MAX_PAGES = 20;
    static final String OPERATION = "DescribeScalingActivities";

    private final Supplier<ApplicationAutoScalingClient> scaling;
    private final Failures failures;
    private final Consumer<CallStats> spent;

    ScalingActivityReads(Supplier<ApplicationAutoScalingClient> scaling, Failures failures, Consumer<CallStats> spent) {
        this.scaling = scaling;
        this.failures = failures;
        this.spent = spent;
    }

    /** The service's activities that began at or after {@code since}, newest first. */
    Either<Failure, List<ScalingActivity>> activities(ServiceRef service, Instant since) {
        CallTally tally = new CallTally();
        String resourceId = "service/" + service.cluster().name() + "/" + service.name();
        try {
            List<ScalingActivity> out = new ArrayList<>();
            String token = null;
            int pages = 0;
            do {
                pages++;
                tally.call(OPERATION);
                String t = token;
                DescribeScalingActivitiesResponse r = AwsFleetReader.call("application-autoscaling:" + OPERATION,
                        () -> scaling.get().describeScalingActivities(DescribeScalingActivitiesRequest.builder()
                                .serviceNamespace("ecs").resourceId(resourceId).maxResults(PAGE).nextToken(t)
                                .overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
                for (var a : r.scalingActivities()) {
                    if (a.startTime() == null || a.startTime().isBefore(since)) {
                        continue;
                    }
                    out.add(new ScalingActivity(a.activityId(), a.resourceId(), a.scalableDimensionAsString(), a.startTime(),
                            Optional.ofNullable(a.endTime()), a.description(), a.cause(), a.statusCodeAsString()));
                }
                token = r.nextToken();
            } while (pages < MAX_PAGES && token != null && !token.isEmpty());
            out.sort(java.util.Comparator.comparing(ScalingActivity::start).reversed());
            return Either.right(List.copyOf(out));
        } catch (FailureException e) {
            return Either.left(failures.of(e.getCause(), e.operation, service.cluster().name()));
        } finally {
            spent.accept(tally.stats());
        }
    }
}
