package ecstop.poll;

import ecstop.domain.Lookback;
import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.SnapshotRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to read for a view, and when, as a value: a refresh is the bars ({@link ReadStep.Bars})
 * then the reads that go with them ({@link ReadStep.After}). Every refresh reads the bars, the
 * right-sizing view's reads of one cluster, and the task details of the fleet's rows on
 * screen. Reads that cost more than they change are {@link Due} every few refreshes: one
 * cluster's task details (DescribeServices), with its stopped tasks, every {@code infoEvery}th
 * refresh and at once for a new scope; the fleet's right-sizing table likewise and at once for
 * a new question or when its view opens. A read that failed, or did not run because the bars
 * failed, is due again at the next refresh. The open service's timeline is read at once for a
 * new service or lookback, then at most once a {@link #TIMELINE_EVERY} however often the bars
 * refresh ({@code timeline}: when it was last asked, and for what); the same window a week
 * earlier, while the detail overlays it, likewise ({@code weekAgo}). The tasks pane's read,
 * and every read of the scope a shown pane asks for, come with every refresh while it shows.
 */
public record FetchPlan(Due details, Due fleetRightsize, Optional<ServiceAsked> timeline, Optional<ServiceAsked> weekAgo) {
    /** Its finest period is a minute: a sooner read could show nothing new. */
    static final Duration TIMELINE_EVERY = Duration.ofMinutes(1);

    /** A service's read last started at {@code at}, for {@code lookback}. */
    public record ServiceAsked(ServiceRef service, Lookback lookback, Instant at) {
        boolean covers(ServiceRef s, Lookback l, Instant now) {
            return service.equals(s) && lookback.equals(l) && now.isBefore(at.plus(TIMELINE_EVERY));
        }
    }

    public static FetchPlan every(int infoEvery) {
        return new FetchPlan(Due.every(infoEvery), Due.every(infoEvery), Optional.empty(), Optional.empty());
    }

    /** The reads of one refresh of {@code view} asked at {@code now}: the bars first. */
    public List<ReadStep> refresh(PollView view, Instant now) {
        List<ReadStep> steps = new ArrayList<>();
        if (view.scope() instanceof Scope.One one) {
            // the right-sizing table reads each service's task definition from its details
            steps.add(new ReadStep.ClusterBars(new SnapshotRequest(one.cluster(), view.lookback(), view.stat(), now,
                    view.detailService(), details.now() || view.rightsize().isPresent())));
            if (details.now()) {
                // stopped tasks change slowly too: read with the plan's task details, whose events they
                // go with, not with the ones the right-sizing view asks for on every refresh
                steps.add(new ReadStep.StoppedTaskSignals(one.cluster()));
            }
            view.rightsize().ifPresent(rule -> steps.add(new ReadStep.ClusterRightsize(rule)));
        } else if (view.scope() instanceof Scope.Fleet fleet) {
            steps.add(new ReadStep.FleetBars(fleet, view.lookback(), view.stat(), now));
            view.rightsize().filter(rule -> fleetRightsize.now())
                    .ifPresent(rule -> steps.add(new ReadStep.FleetRightsize(fleet, view.lookback(), rule)));
            steps.add(new ReadStep.FleetDetails(view.detailService()));
        }
        view.scopeReads().forEach(key -> steps.add(new ReadStep.Scoped<>(key, view.scope(), view.lookback())));
        // the open service's own reads, every refresh while its screen asks for them, for it alone
        view.detailService().ifPresent(service -> {
            if (view.reads().contains(PollView.Read.TIMELINE)
                    && timeline.filter(a -> a.covers(service, view.lookback(), now)).isEmpty()) {
                steps.add(new ReadStep.TimelineRead(service, view.lookback()));
            }
            if (view.reads().contains(PollView.Read.WEEK_AGO)
                    && weekAgo.filter(a -> a.covers(service, view.lookback(), now)).isEmpty()) {
                steps.add(new ReadStep.WeekAgoRead(service, view.lookback()));
            }
            if (view.reads().contains(PollView.Read.TASKS)) {
                steps.add(new ReadStep.TasksRead(service, view.lookback()));
            }
        });
        return List.copyOf(steps);
    }

    /**
     * {@code steps} (one refresh's) started: the reads kept by {@link Due} count as done. The
     * fleet's right-sizing, not asked while its view is closed, is due as soon as it opens.
     */
    public FetchPlan started(List<ReadStep> steps, PollView view, Instant now) {
        Due d = withInfo(steps) ? details.asked() : details;
        Due f = steps.stream().anyMatch(ReadStep.FleetRightsize.class::isInstance) ? fleetRightsize.asked()
                : view.rightsize().isEmpty() ? fleetRightsize.again() : fleetRightsize;
        return new FetchPlan(d, f, asked(steps, ReadStep.TimelineRead.class, now).or(() -> timeline),
                asked(steps, ReadStep.WeekAgoRead.class, now).or(() -> weekAgo));
    }

    /** The read of {@code kind} among {@code steps}, as started {@code now}. */
    private static Optional<ServiceAsked> asked(List<ReadStep> steps, Class<? extends ReadStep.ForService> kind, Instant now) {
        return steps.stream().filter(kind::isInstance).map(kind::cast).findFirst()
                .map(r -> new ServiceAsked(r.service(), r.lookback(), now));
    }

    /** The bars of {@code steps} came back ({@code ok}) or failed: what they carried, or was to follow them, is due again. */
    public FetchPlan barsAnswered(List<ReadStep> steps, boolean ok) {
        boolean info = withInfo(steps);
        boolean fleetSized = steps.stream().anyMatch(ReadStep.FleetRightsize.class::isInstance);
        if (!ok) {
            // the timeline (and a week ago) were not read either: due again with the next bars
            return new FetchPlan(info ? details.failed() : details, fleetSized ? fleetRightsize.failed() : fleetRightsize,
                    steps.stream().anyMatch(ReadStep.TimelineRead.class::isInstance) ? Optional.empty() : timeline,
                    steps.stream().anyMatch(ReadStep.WeekAgoRead.class::isInstance) ? Optional.empty() : weekAgo);
        }
        return new FetchPlan(info ? details : details.passed(), fleetSized ? fleetRightsize : fleetRightsize.passed(), timeline,
                weekAgo);
    }

    /** A read after the bars came to nothing as a whole: due again at the next refresh. */
    public FetchPlan failed(ReadStep step) {
        if (step instanceof ReadStep.FleetRightsize) {
            return new FetchPlan(details, fleetRightsize.failed(), timeline, weekAgo);
        }
        if (step instanceof ReadStep.WeekAgoRead) {
            return new FetchPlan(details, fleetRightsize, timeline, Optional.empty());
        }
        return step instanceof ReadStep.TimelineRead ? new FetchPlan(details, fleetRightsize, Optional.empty(), weekAgo) : this;
    }

    /** Another scope: its task details are due at once. */
    public FetchPlan newScope() {
        return new FetchPlan(details.again(), fleetRightsize, timeline, weekAgo);
    }

    /** Another question (lookback, statistic, scope): the fleet's right-sizing table is read for it at once. */
    public FetchPlan newQuestion() {
        return new FetchPlan(details, fleetRightsize.again(), timeline, weekAgo);
    }

    private static boolean withInfo(List<ReadStep> steps) {
        return steps.get(0) instanceof ReadStep.ClusterBars b && b.request().withServiceInfo();
    }
}
