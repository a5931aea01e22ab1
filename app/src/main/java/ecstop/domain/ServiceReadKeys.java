package ecstop.domain;

import ecstop.domain.task.ClusterTasks;
import ecstop.domain.timeline.ServiceSeries;
import ecstop.domain.timeline.ServiceTimeline;

/**
 * The reads of the open service beyond its bars, named once like the scope's ({@link ReadKey}):
 * the screen asks for them by key ({@code PollView.reads}), the poller reads each as
 * {@code poll.ServiceReads} says, and the State keeps the answers of the open service under
 * them ({@code OpenService.answer}).
 */
public final class ServiceReadKeys {
    private ServiceReadKeys() {}

    /** Its series at the chart's period and the markers on them: the detail's chart. */
    public static final ReadKey<ServiceTimeline> TIMELINE = new ReadKey<>("timeline");

    /** The chart's window seven days earlier: its overlay. */
    public static final ReadKey<ServiceSeries> WEEK_AGO = new ReadKey<>("week ago");

    /** Its running tasks and their figures, and the tasks it stopped in the last hour: the tasks pane. */
    public static final ReadKey<ClusterTasks> TASKS = new ReadKey<>("tasks");
}
