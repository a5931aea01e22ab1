package ecstop.domain;

import ecstop.domain.rightsize.FargatePrices;
import ecstop.domain.rightsize.ScalingPolicy;
import ecstop.domain.rightsize.TaskDefinition;
import io.vavr.control.Either;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The read-only view of an AWS account that everything above the aws package sees.
 * Implementations block; callers keep them off the UI thread.
 */
public interface FleetReader {
    /** The profile and region this reader reads. */
    Target target();

    /** Every cluster in the account and region, all pages. */
    Either<Failure, List<Cluster>> clusters();

    /** One cluster's services and their utilisation over the request's window. */
    Either<Failure, Snapshot> snapshot(SnapshotRequest request);

    /**
     * As {@link #snapshot(SnapshotRequest)}, but when the request asks for service info,
     * {@code metricsReady} may first receive a snapshot with every service's metric data
     * and no info, as soon as that data is complete: DescribeServices is paced by ECS's
     * token bucket and can take longer than the metrics, which should not wait for it.
     * Called at most once, on the calling thread, before this method returns.
     */
    default Either<Failure, Snapshot> snapshot(SnapshotRequest request, java.util.function.Consumer<Snapshot> metricsReady) {
        return snapshot(request);
    }

    /**
     * The busiest services of every cluster of this reader's target (the fleet view): one
     * CloudWatch Metrics Insights query per metric up to two weeks back, cluster by cluster
     * beyond. Readers without a fleet view (test doubles) answer Left.
     */
    default Either<Failure, FleetSnapshot> fleet(FleetRequest request) {
        return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs-top", "this reader has no fleet view"));
    }

    /**
     * Task counts and rollout state of these services (the fleet rows on screen and the
     * selected one), within ECS's token bucket. Services of another target or account, or
     * that no longer exist, are left out of the answer.
     */
    default Either<Failure, Map<ServiceRef, ServiceInfo>> serviceInfo(Collection<ServiceRef> services) {
        return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs-top", "this reader has no fleet view"));
    }

    /**
     * The cluster's stopped tasks, every page, for the whole cluster (not per service): what
     * ECS still shows, about the last hour. Readers that cannot read them say so in a Left.
     */
    default Either<Failure, StoppedTasks> stoppedTasks(ClusterRef cluster) {
        return Either.left(new Failure(Failure.Kind.UNKNOWN, "ecs:ListTasks", "stopped tasks are not read by this reader"));
    }

    /** One service's stopped tasks, as {@link #stoppedTasks(ClusterRef)} reads the cluster's. */
    default Either<Failure, StoppedTasks> stoppedTasks(ServiceRef service) {
        return stoppedTasks(service.cluster()).map(all -> new StoppedTasks(all.cluster(), all.fetchedAt(),
                all.tasks().stream().filter(t -> t.service().filter(service.name()::equals).isPresent()).toList(), all.stats()));
    }

    /**
     * Every call this reader has made so far: the cluster list and failed fetches too, which
     * no {@link Snapshot#stats()} reports. What the session cost; NONE when it cannot tell.
     */
    default CallStats totals() {
        return CallStats.NONE;
    }

    /**
     * The task definitions by ARN (as ServiceInfo names them), each read once for the life of
     * the reader: a revision never changes. One ECS can no longer describe is left out.
     */
    default Either<Failure, Map<String, TaskDefinition>> taskDefinitions(ClusterRef cluster, Collection<String> arns) {
        return unsupported("ecs:DescribeTaskDefinition");
    }

    /** The cluster's services that have Application Auto Scaling policies, by service name. */
    default Either<Failure, Map<String, List<ScalingPolicy>>> scalingPolicies(ClusterRef cluster) {
        return unsupported("application-autoscaling:DescribeScalingPolicies");
    }

    /**
     * Fargate's on-demand prices in the cluster's region: the Price List API's (cached a day)
     * or, when it cannot be reached or is denied, the bundled table's, which says so.
     */
    default Either<Failure, FargatePrices> fargatePrices(ClusterRef cluster) {
        return unsupported("pricing:GetProducts");
    }

    /**
     * One service's AWS/ECS CPU and memory over {@code window} at its period, Maximum and
     * Average, and the Minimum too when {@code withMinimum} (the spread across tasks).
     */
    default Either<Failure, ecstop.domain.timeline.ServiceSeries> serviceSeries(ServiceRef service, TimeWindow window,
                                                                               boolean withMinimum) {
        return unsupported("cloudwatch:GetMetricData");
    }

    /** As {@link #serviceSeries(ServiceRef, TimeWindow, boolean)} for several services of one cluster, batched. */
    default Either<Failure, Map<ServiceRef, ecstop.domain.timeline.ServiceSeries>> serviceSeries(List<ServiceRef> services,
                                                                                              TimeWindow window,
                                                                                              boolean withMinimum) {
        return unsupported("cloudwatch:GetMetricData");
    }

    /** The service's Application Auto Scaling activities that began at or after {@code since}, newest first. */
    default Either<Failure, List<ecstop.domain.task.ScalingActivity>> scalingActivities(ServiceRef service,
                                                                                      java.time.Instant since) {
        return unsupported("application-autoscaling:DescribeScalingActivities");
    }

    /** The cluster's containerInsights setting: where per-task figures can come from. */
    default Either<Failure, ecstop.domain.task.InsightsLevel> insightsLevel(ClusterRef cluster) {
        return unsupported("ecs:DescribeClusters");
    }

    /** The tasks ECS wants running, of one service or (empty) of the whole cluster, with their containers. */
    default Either<Failure, List<ecstop.domain.task.RunningTask>> runningTasks(ClusterRef cluster,
                                                                             java.util.Optional<String> service) {
        return unsupported("ecs:ListTasks");
    }

    /** Container Insights' (enhanced) series of the service's tasks and their containers over the window. */
    default Either<Failure, ecstop.domain.task.TaskUsages> taskUsage(ServiceRef service,
                                                                   List<ecstop.domain.task.RunningTask> tasks,
                                                                   TimeWindow window) {
        return unsupported("cloudwatch:GetMetricData");
    }

    /** {@link #containerLimits}, as a pane asks for it over its scope. */
    ReadKey<ecstop.domain.task.ContainerLimits> CONTAINER_LIMITS = new ReadKey<>("containers nearest their limits");

    /**
     * The containers of this target's clusters with enhanced observability (or of {@code only})
     * nearest their memory limits over {@code window}, nearest first.
     */
    default Either<Failure, ecstop.domain.task.ContainerLimits> containerLimits(java.util.Optional<ClusterRef> only,
                                                                             TimeWindow window) {
        return unsupported("cloudwatch:GetMetricData");
    }

    private static <T> Either<Failure, T> unsupported(String action) {
        return Either.left(new Failure(Failure.Kind.UNSUPPORTED, action, ""));
    }
}
