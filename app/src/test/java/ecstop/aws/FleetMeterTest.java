package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.CallStats;
import ecstop.domain.FleetLimits;
import ecstop.domain.FleetRequest;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.Governor;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.Stat;
import ecstop.emulator.Accounts;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import ecstop.emulator.SimService;
import ecstop.poll.Cadence;
import ecstop.poll.PollSettings;
import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The meter counts what CloudWatch bills for the fleet's Metrics Insights queries: every
 * series a query analyses, not the 500 it returns. At 5,000 services (50 clusters × 100)
 * the app's count is the emulator's, whether the cluster list came first (the TUI) or not
 * ({@code --once}); in a monitoring account, whose linked accounts' services the app cannot
 * list, it is a range that holds the emulator's count and says "at least"; and the daily
 * budget, paced on that count, lets through no more than it says over a day of refreshes.
 */
class FleetMeterTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:17:42Z");
    static final String BIG = "111111111111";
    static final String SOURCE = "222222222222";
    static final String MONITORING = "333333333333";
    static final FleetRequest HOUR = new FleetRequest(Lookback.hours(1), Stat.MAX, NOW, false);

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(accounts()).at(NOW);

    static Fleet fleet(String account, int clusters, int services) {
        Fleet.Builder b = Fleet.builder(21).account(account).region("us-east-1");
        for (int c = 0; c < clusters; c++) {
            List<SimService> list = new ArrayList<>();
            for (int s = 0; s < services; s++) {
                list.add(SimService.running(String.format("svc-%03d", s), SimService.FARGATE, 1 + s % 2));
            }
            b.cluster(String.format("team-%c-%02d", account.charAt(0), c), 0, list);
        }
        return b.build();
    }

    static Accounts accounts() {
        return Accounts.builder(21)
                .account(BIG, "AKIDBIG").fleet(fleet(BIG, 50, 100))
                .and().account(SOURCE, "AKIDSRC").fleet(fleet(SOURCE, 6, 100))
                .and().account(MONITORING, "AKIDMON").fleet(fleet(MONITORING, 1, 3)).monitoring(SOURCE)
                .build();
    }

    static AwsFleetReader reader(String key) {
        return emulator.closing(EmulatorClients.reader(emulator.emulator(), key, "p" + key, "us-east-1"));
    }

    @BeforeEach
    void quiet() {
        emulator.log().reset();
    }

    @Test
    void afterTheClusterListTheFleetsCountIsWhatCloudWatchBills() {
        AwsFleetReader r = reader("AKIDBIG");
        r.clusters().get();
        emulator.log().reset();

        FleetSnapshot s = r.fleet(HOUR).get();

        RequestLog.Counts billed = emulator.log().snapshot();
        assertThat(s.limits().capped()).containsExactlyInAnyOrder(Metric.CPU, Metric.MEMORY);
        assertThat(billed.metricsRequested()).isEqualTo(2L * 5_000);
        assertThat(s.stats().metricsRequested()).isEqualTo(billed.metricsRequested());
        assertThat(s.stats().atLeast()).isFalse();
        assertThat(billed.calls()).containsOnlyKeys("GetMetricData");
    }

    @Test
    void withoutAClusterListTheFleetReadsOneAndStillCountsWhatCloudWatchBills() {
        AwsFleetReader r = reader("AKIDBIG");

        FleetSnapshot s = r.fleet(HOUR).get();

        RequestLog.Counts billed = emulator.log().snapshot();
        assertThat(s.stats().metricsRequested()).isEqualTo(billed.metricsRequested()).isEqualTo(2L * 5_000);
        assertThat(s.stats().atLeast()).isFalse();
        // ECS reads are not billed: one page of clusters, one DescribeClusters per 100, once.
        assertThat(billed.calls("ListClusters")).isEqualTo(1);
        assertThat(billed.calls("DescribeClusters")).isEqualTo(1);
        assertThat(billed.calls("GetMetricData")).isEqualTo(2);
    }

    @Test
    void aMonitoringAccountsCountIsARangeThatHoldsTheBillAndSaysAtLeast() {
        AwsFleetReader r = reader("AKIDMON");
        r.clusters().get();
        emulator.log().reset();

        FleetSnapshot s = r.fleet(new FleetRequest(Lookback.hours(1), Stat.MAX, NOW, true)).get();

        long billed = emulator.log().snapshot().metricsRequested();
        assertThat(billed).isEqualTo(2L * (600 + 3));
        assertThat(s.stats().atLeast()).isTrue();
        assertThat(s.stats().metricsRequested()).isEqualTo(2L * FleetLimits.RETURNED).isLessThanOrEqualTo(billed);
        assertThat(s.stats().metricsAtMost()).isEqualTo(2L * FleetLimits.PROCESSED).isGreaterThanOrEqualTo(billed);
    }

    /**
     * A day of refreshes of the 5,000-service fleet under a $1 budget, each one fetched
     * through the reader and billed by the emulator: the budget's pace is set by the app's
     * count, and what the emulator billed in the day stays within the dollar (where the old
     * count, the 500 series returned, let ten times as many refreshes through).
     */
    @Test
    void theBudgetsPaceAtFiveThousandServicesHoldsWhatTheEmulatorBills() {
        AwsFleetReader r = reader("AKIDBIG");
        r.clusters().get();
        double budget = 1.00;
        PollSettings settings = PollSettings.every(Duration.ofSeconds(60)).with(new Governor(Duration.ZERO, Duration.ZERO, budget));
        Instant start = NOW;
        Instant at = start;
        Cadence cadence = Cadence.of(settings, start);
        long billedBefore = emulator.log().snapshot().metricsRequested();
        int refreshes = 0;
        while (at.isBefore(start.plus(Duration.ofDays(1)))) {
            CallStats cost = r.fleet(HOUR).get().stats();
            refreshes++;
            cadence = cadence.succeeded(cost, at);
            at = at.plus(cadence.next(at));
        }
        double billedUsd = (emulator.log().snapshot().metricsRequested() - billedBefore) * 0.01 / 1000;
        double perRefresh = billedUsd / refreshes;

        assertThat(perRefresh).isEqualTo(0.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(billedUsd).isLessThanOrEqualTo(budget + 1e-9);
        // The budget is used, not starved: within one refresh of the dollar.
        assertThat(billedUsd).isGreaterThan(budget - perRefresh - 1e-9);
    }
}
