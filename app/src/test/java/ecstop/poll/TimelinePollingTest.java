package ecstop.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ecstop.aws.AwsFleetReader;
import ecstop.domain.ClusterRef;
import ecstop.domain.Lookback;
import ecstop.domain.Question;
import ecstop.domain.ReadKey;
import ecstop.domain.Scope;
import ecstop.domain.ServiceReadKeys;
import ecstop.domain.ServiceRef;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.emulator.RequestLog;
import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a detail left open costs, counted where AWS would count it: the poller, its plan and the
 * production reader over HTTP to the emulator's demo fleet, the emulator's request log. With
 * the bars refreshed every 20 seconds the open service's timeline is read at once and then at
 * most once a minute; each read is one DescribeScalingActivities (nothing else asks for it) and
 * one GetMetricData of 4 metrics, and the budget counts every metric the log saw.
 */
class TimelinePollingTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:17:00Z");
    static final Duration EVERY = Duration.ofSeconds(20);
    static final ClusterRef PROD = new ClusterRef(Target.of("default", "us-east-1"), "storage-prod");
    static final ServiceRef OPEN = new ServiceRef(PROD, "storage-prod_file-finder");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.demo().at(NOW);

    private final ManualScheduler scheduler = new ManualScheduler(NOW, ZoneOffset.UTC);
    private final ManualExecutor workers = new ManualExecutor();
    private final List<PollEvent> events = new ArrayList<>();

    private static PollView view(Optional<ServiceRef> open, Set<ReadKey<?>> reads) {
        return new PollView(Question.of(Scope.of(PROD), Lookback.hours(24), Stat.MAX), open, RightsizeRule.DEFAULT, reads);
    }

    private long timelines() {
        return timelineEvents().size();
    }

    private List<PollEvent.ServiceRead> timelineEvents() {
        return events.stream().filter(e -> e instanceof PollEvent.ServiceRead r && r.key().equals(ServiceReadKeys.TIMELINE))
                .map(PollEvent.ServiceRead.class::cast).toList();
    }

    @Test
    void anOpenDetailReadsItsTimelineAtOnceThenOnceAMinuteAndTheBudgetCountsItsMetrics() {
        try (Readers readers = Readers.of(AwsFleetReader.forEndpoint(emulator.endpoint(), "us-east-1"));
             Poller poller = new Poller(readers, scheduler, workers, scheduler.clock(), PollSettings.every(EVERY), events::add)) {
            poller.view(view(Optional.empty(), Set.of()));
            poller.start();
            workers.runAll();
            RequestLog.Counts closed = emulator.log().snapshot();
            assertThat(closed.calls("DescribeScalingActivities")).as("no detail, no timeline").isZero();
            long barsMetrics = closed.metricsRequested();
            double spentBefore = poller.spentLastDay();

            // the detail opens: its timeline is read at once, with the bars' follow-up for its service
            poller.view(view(Optional.of(OPEN), Set.of(ServiceReadKeys.TIMELINE)));
            workers.runAll();
            assertThat(timelines()).isEqualTo(1);
            assertThat(emulator.log().snapshot().calls("DescribeScalingActivities")).isEqualTo(1);

            // six more refreshes of the bars over two minutes: the timeline twice more, at +60 s and +120 s
            int refreshes = 0;
            for (int i = 0; i < 6; i++) {
                scheduler.advance(EVERY);
                workers.runAll();
                refreshes++;
            }
            RequestLog.Counts seen = emulator.log().snapshot();
            assertThat(refreshes).isEqualTo(6);
            assertThat(timelines()).isEqualTo(3);
            assertThat(seen.calls("DescribeScalingActivities")).isEqualTo(3);
            assertThat(timelineEvents()).allSatisfy(e -> assertThat(e.result().isRight()).isTrue());
            // every metric CloudWatch was asked for since the detail opened, the bars' and the timelines' 4 a read,
            // is in the budget (counted from here: the cluster list's reservation metrics, read at start, the budget
            // leaves out by design, as the README says)
            long sinceOpen = seen.metricsRequested() - barsMetrics;
            assertThat(sinceOpen).isGreaterThanOrEqualTo(7 + 3 * 4);
            assertThat(poller.spentLastDay() - spentBefore).isCloseTo(sinceOpen * 0.01 / 1000, within(1e-12));

            // closed: no more timelines, however many refreshes
            poller.view(view(Optional.empty(), Set.of()));
            for (int i = 0; i < 6; i++) {
                scheduler.advance(EVERY);
                workers.runAll();
            }
            assertThat(emulator.log().snapshot().calls("DescribeScalingActivities")).isEqualTo(3);
        }
    }
}
