package ecstop.poll;

import ecstop.domain.Lookback;
import ecstop.domain.ReadKey;
import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.SnapshotRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to read for a view, and when, as a value: a refresh is the bars ({@link ReadStep.Bars})
 * then the reads that go with them ({@link ReadStep.After}). Every refresh reads the bars, the
 * right-sizing view's reads of one cluster, and the task details of the fleet's rows on
 * screen. Reads that cost more than they change are {@link Due} every few refreshes: one
 * cluster's task details (DescribeServices), with its stopped tasks, every {@code infoEvery}th
 * refresh and at once for a new scope; the fleet's right-sizing table likewise and at once for
 * a new question or when its view opens. A read that failed, or did not run because the bars
 * failed, is due again at the next refresh. Each read of the open service ({@link
 * ServiceReads}) comes with every refresh while the screen asks for it, or, when its entry says
 * how often, at once for a new service or lookback and then at most that often however often
 * the bars refresh ({@code asked}: when each was last started, and for what). Every read of the
 * scope a shown pane asks for comes with every refresh while it shows.
 */
public record FetchPlan(Due details, Due fleetRightsize, Map<ReadKey<?>, ServiceAsked> asked) {
    public FetchPlan {
        asked = Map.copyOf(asked);
    }

    /** A service's read last started at {@code at}, for {@code lookback}. */
    public record ServiceAsked(ServiceRef service, Lookback lookback, Instant at) {
        boolean covers(ServiceRef s, Lookback l, Instant now, Duration every) {
            return service.equals(s) && lookback.equals(l) && now.isBefore(at.plus(every));
        }
    }

    public static FetchPlan every(int infoEvery) {
        return new FetchPlan(Due.every(infoEvery), Due.every(infoEvery), Map.of());
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
        // the open service's own reads while its screen asks for them, for it alone
        view.detailService().ifPresent(service -> ServiceReads.keys().stream().filter(view.reads()::contains)
                .filter(key -> due(key, service, view.lookback(), now))
                .forEach(key -> steps.add(new ReadStep.ForService<>(key, service, view.lookback()))));
        return List.copyOf(steps);
    }

    /** Whether {@code key} is due for {@code service}: not when its entry says how often and it was asked that recently. */
    private boolean due(ReadKey<?> key, ServiceRef service, Lookback lookback, Instant now) {
        Optional<ServiceAsked> last = Optional.ofNullable(asked.get(key));
        return ServiceReads.of(key).every().filter(every -> last.filter(a -> a.covers(service, lookback, now, every)).isPresent())
                .isEmpty();
    }

    /**
     * {@code steps} (one refresh's) started: the reads kept by {@link Due} count as done. The
     * fleet's right-sizing, not asked while its view is closed, is due as soon as it opens.
     */
    public FetchPlan started(List<ReadStep> steps, PollView view, Instant now) {
        Due d = withInfo(steps) ? details.asked() : details;
        Due f = steps.stream().anyMatch(ReadStep.FleetRightsize.class::isInstance) ? fleetRightsize.asked()
                : view.rightsize().isEmpty() ? fleetRightsize.again() : fleetRightsize;
        Map<ReadKey<?>, ServiceAsked> a = new HashMap<>(asked);
        forService(steps).forEach(r -> a.put(r.key(), new ServiceAsked(r.service(), r.lookback(), now)));
        return new FetchPlan(d, f, a);
    }

    /** The reads of the open service among {@code steps}. */
    private static List<ReadStep.ForService<?>> forService(List<ReadStep> steps) {
        return steps.stream().filter(ReadStep.ForService.class::isInstance).<ReadStep.ForService<?>>map(r -> (ReadStep.ForService<?>) r)
                .toList();
    }

    /** {@code asked} without the reads of {@code steps}: they are due again. */
    private Map<ReadKey<?>, ServiceAsked> again(List<ReadStep> steps) {
        Map<ReadKey<?>, ServiceAsked> a = new HashMap<>(asked);
        forService(steps).forEach(r -> a.remove(r.key()));
        return a;
    }

    /** The bars of {@code steps} came back ({@code ok}) or failed: what they carried, or was to follow them, is due again. */
    public FetchPlan barsAnswered(List<ReadStep> steps, boolean ok) {
        boolean info = withInfo(steps);
        boolean fleetSized = steps.stream().anyMatch(ReadStep.FleetRightsize.class::isInstance);
        if (!ok) {
            // the open service's reads were not made either: due again with the next bars
            return new FetchPlan(info ? details.failed() : details, fleetSized ? fleetRightsize.failed() : fleetRightsize,
                    again(steps));
        }
        return new FetchPlan(info ? details : details.passed(), fleetSized ? fleetRightsize : fleetRightsize.passed(), asked);
    }

    /** A read after the bars came to nothing as a whole: due again at the next refresh. */
    public FetchPlan failed(ReadStep step) {
        if (step instanceof ReadStep.FleetRightsize) {
            return new FetchPlan(details, fleetRightsize.failed(), asked);
        }
        return new FetchPlan(details, fleetRightsize, again(List.of(step)));
    }

    /** Another scope: its task details are due at once. */
    public FetchPlan newScope() {
        return new FetchPlan(details.again(), fleetRightsize, asked);
    }

    /** Another question (lookback, statistic, scope): the fleet's right-sizing table is read for it at once. */
    public FetchPlan newQuestion() {
        return new FetchPlan(details, fleetRightsize.again(), asked);
    }

    private static boolean withInfo(List<ReadStep> steps) {
        return steps.get(0) instanceof ReadStep.ClusterBars b && b.request().withServiceInfo();
    }
}
