package ecstop.poll;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.aws.AwsFleetReader;
import ecstop.domain.ClusterRef;
import ecstop.domain.Governor;
import ecstop.domain.Lookback;
import ecstop.domain.Question;
import ecstop.domain.ReadKey;
import ecstop.domain.Scope;
import ecstop.domain.ServiceReadKeys;
import ecstop.domain.ServiceRef;
import ecstop.domain.Stat;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.emulator.Accounts;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
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
 * The daily budget counts the tasks pane's metrics: the same session on checkout-eu with
 * receipts' detail open, under the same small budget, on a stepped clock the emulator shares,
 * refreshes less often with the tasks pane open (9 more metrics a refresh) than without it,
 * because each tasks read's metrics are spent against the budget like the bars'.
 */
class TasksBudgetTest {
    static final Instant START = Instant.parse("2026-11-20T12:17:00Z");
    static final ManualScheduler SCHEDULER = new ManualScheduler(START, ZoneOffset.UTC);

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Accounts.demo(EmulatorConfig.DEFAULT_SEED,
            Fleet.DEFAULT_BIG_CLUSTER_SERVICES, false)).clock(SCHEDULER.clock());

    /** Small enough that a couple of hours at a minute's refresh pass its first half. */
    static final Governor BUDGET = new Governor(Duration.ZERO, Duration.ZERO, 0.02);

    @Test
    void theTasksPaneOpenMakesTheSameBudgetLastFewerRefreshes() {
        int detailOnly = refreshesIn(Duration.ofHours(2), Set.of(ServiceReadKeys.TIMELINE));
        int withTasks = refreshesIn(Duration.ofHours(2), Set.of(ServiceReadKeys.TIMELINE, ServiceReadKeys.TASKS));
        System.out.println("refreshes in 2h: detail only " + detailOnly + ", with the tasks pane " + withTasks);
        assertThat(detailOnly).as("the bars and the timeline alone").isGreaterThan(30);
        assertThat(withTasks).as("the tasks' metrics spent too").isGreaterThan(10).isLessThan(detailOnly);
    }

    /** Refreshes (bars answered) of a fresh poller in {@code span} of the stepped clock. */
    private static int refreshesIn(Duration span, Set<ReadKey<?>> reads) {
        ManualExecutor workers = new ManualExecutor();
        List<PollEvent> events = new ArrayList<>();
        AwsFleetReader reader = emulator.closing(AwsFleetReader.forEndpoint(emulator.endpoint(), "eu-west-1", SCHEDULER.clock()));
        ClusterRef cluster = new ClusterRef(reader.target(), "checkout-eu");
        Poller p = new Poller(Readers.of(reader), SCHEDULER, workers, SCHEDULER.clock(),
                PollSettings.every(Duration.ofSeconds(60)).with(BUDGET), events::add);
        p.view(new PollView(Question.of(Scope.of(cluster), Lookback.hours(1), Stat.MAX),
                Optional.of(new ServiceRef(cluster, "receipts")), RightsizeRule.DEFAULT, reads));
        workers.runAll();
        Instant end = SCHEDULER.clock().instant().plus(span);
        while (true) {
            Instant now = SCHEDULER.clock().instant();
            Instant next = SCHEDULER.nextDue().filter(t -> !t.isAfter(end)).orElse(null);
            if (next == null) {
                break;
            }
            SCHEDULER.advance(Duration.between(now, next));
            workers.runAll();
        }
        SCHEDULER.advance(Duration.between(SCHEDULER.clock().instant(), end));
        workers.runAll();
        p.close();
        long tasksRead = events.stream().filter(e -> e instanceof PollEvent.ServiceRead r
                && r.key().equals(ServiceReadKeys.TASKS)).count();
        assertThat(tasksRead > 0).as("tasks read").isEqualTo(reads.contains(ServiceReadKeys.TASKS));
        return (int) events.stream().filter(PollEvent.SnapshotLoaded.class::isInstance).count();
    }
}
