package ecstop.aws;

import ecstop.domain.ClusterRef;
import ecstop.domain.StoppedContainer;
import ecstop.domain.StoppedTask;
import ecstop.domain.StoppedTasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One cluster's stopped tasks in the fewest calls: ListTasks (desiredStatus STOPPED, 100 a
 * page, the whole cluster rather than per service; one service's for the tasks pane) and DescribeTasks at its limit of 100,
 * so N stopped tasks cost ceil(N/100) of each. Both draw on ECS's bucket for cluster
 * resource reads, which the caller's {@code bucket} mirrors. A task listed and gone by the
 * time it is described (ECS drops stopped tasks after about an hour) comes back in
 * DescribeTasks' failures[] and is left out.
 */
final class StoppedTaskReads {
    static final int PAGE = 100;
    static final int DESCRIBE_BATCH = 100;
    /**
     * Tokens left in the bucket: calls reach ECS with jittery delays, and one that arrives a
     * little early at a bucket drained to its last token is throttled. The slack also leaves
     * room for the service reads' pages and anyone else reading the account.
     */
    static final double RESERVE = 5;

    private final Supplier<EcsClient> ecs;
    private final TokenBucket bucket;
    private final CallTally tally;

    StoppedTaskReads(Supplier<EcsClient> ecs, TokenBucket bucket, CallTally tally) {
        this.ecs = ecs;
        this.bucket = bucket;
        this.tally = tally;
    }

    /** The cluster's stopped tasks, or ({@code service}) one service's: ListTasks' serviceName narrows the pages. */
    StoppedTasks read(ClusterRef cluster, Optional<String> service, Instant now) throws InterruptedException {
        Set<String> listed = new LinkedHashSet<>();
        List<String> waiting = new ArrayList<>();
        List<StoppedTask> tasks = new ArrayList<>();
        String token = null;
        do {
            bucket.acquire(RESERVE);
            tally.call("ListTasks");
            String t = token;
            ListTasksResponse page = AwsFleetReader.call("ecs:ListTasks", () -> ecs.get().listTasks(ListTasksRequest.builder()
                    .cluster(cluster.name()).serviceName(service.orElse(null)).desiredStatus(DesiredStatus.STOPPED)
                    .maxResults(PAGE).nextToken(t)
                    .overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
            // A task can move between pages while the list changes under us; describe it once.
            page.taskArns().stream().filter(listed::add).forEach(waiting::add);
            while (waiting.size() >= DESCRIBE_BATCH) {
                List<String> batch = List.copyOf(waiting.subList(0, DESCRIBE_BATCH));
                waiting.subList(0, DESCRIBE_BATCH).clear();
                tasks.addAll(describe(cluster, batch));
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        if (!waiting.isEmpty()) {
            tasks.addAll(describe(cluster, waiting));
        }
        return new StoppedTasks(cluster, now, tasks, tally.stats());
    }

    private List<StoppedTask> describe(ClusterRef cluster, List<String> arns) throws InterruptedException {
        bucket.acquire(RESERVE);
        tally.call("DescribeTasks");
        DescribeTasksResponse r = AwsFleetReader.call("ecs:DescribeTasks", () -> ecs.get().describeTasks(DescribeTasksRequest.builder()
                .cluster(cluster.name()).tasks(arns).overrideConfiguration(o -> o.addMetricPublisher(tally)).build()));
        List<StoppedTask> out = new ArrayList<>(r.tasks().size());
        for (Task t : r.tasks()) {
            out.add(new StoppedTask(t.taskArn(), t.group(), t.lastStatus(), t.stopCodeAsString(), t.stoppedReason(),
                    Optional.ofNullable(t.stoppedAt()), containers(t)));
        }
        return out;
    }

    private static List<StoppedContainer> containers(Task t) {
        List<StoppedContainer> out = new ArrayList<>(t.containers().size());
        for (Container c : t.containers()) {
            out.add(new StoppedContainer(c.name(),
                    c.exitCode() == null ? OptionalInt.empty() : OptionalInt.of(c.exitCode()), c.reason()));
        }
        return out;
    }
}
