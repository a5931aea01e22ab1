package ecstop.poll;

import ecstop.domain.Scope;
import ecstop.domain.SnapshotRequest;
import java.time.Instant;

/**
 * What to fetch for a view, as a value: task details (DescribeServices, the call that costs
 * most ECS quota) on the first fetch of a cluster, after a fetch that asked for them failed,
 * and on every {@code infoEvery}th refresh otherwise, since task counts change slowly.
 */
public record FetchPlan(int infoEvery, boolean infoDue, int sinceInfo) {
    public static FetchPlan every(int infoEvery) {
        return new FetchPlan(infoEvery, true, 0);
    }

    /** Whether the next fetch asks for task details. */
    public boolean withInfo() {
        return infoDue || sinceInfo >= infoEvery - 1;
    }

    /** The request for {@code view} now. */
    public SnapshotRequest request(PollView view, Instant now) {
        if (!(view.scope() instanceof Scope.One one)) {
            throw new IllegalArgumentException("no fetch plan for " + view.scope() + " yet");
        }
        return new SnapshotRequest(one.cluster(), view.lookback(), view.stat(), now, view.detailService(), withInfo());
    }

    /** Another scope: its task details are due at once. */
    public FetchPlan newScope() {
        return new FetchPlan(infoEvery, true, sinceInfo);
    }

    public FetchPlan succeeded(SnapshotRequest r) {
        return r.withServiceInfo() ? new FetchPlan(infoEvery, false, 0) : new FetchPlan(infoEvery, infoDue, sinceInfo + 1);
    }

    public FetchPlan failed(SnapshotRequest r) {
        return r.withServiceInfo() ? new FetchPlan(infoEvery, true, sinceInfo) : this;
    }
}
