package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Failure;
import ecstop.domain.FleetRequest;
import ecstop.domain.FleetRow;
import ecstop.domain.FleetSnapshot;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.PerTarget;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceRef;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.emulator.Accounts;
import ecstop.emulator.Fleet;
import ecstop.emulator.RequestLog;
import ecstop.emulator.SimService;
import ecstop.poll.Readers;
import ecstop.testing.EmulatorExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several targets against one emulator: two regions of one account and a second account whose
 * policy denies GetMetricData answer side by side, the denied one a Left beside the others;
 * a fleet past 500 services says it was cut; a monitoring account's fleet spans its linked
 * source accounts, each row naming its account.
 */
class FleetTargetsTest {
    static final Instant NOW = Instant.parse("2026-11-21T10:17:42Z");
    static final String PROD = "111111111111";
    static final String DEV = "222222222222";
    static final String MONITORING = "333333333333";
    static final FleetRequest DAY = new FleetRequest(Lookback.hours(24), Stat.MAX, NOW, false);

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(accounts()).at(NOW);

    static Fleet fleet(String account, String region, int clusters, int services) {
        Fleet.Builder b = Fleet.builder(8).account(account).region(region);
        for (int c = 0; c < clusters; c++) {
            List<SimService> list = new ArrayList<>();
            for (int s = 0; s < services; s++) {
                list.add(SimService.running(String.format("svc-%03d", s), SimService.FARGATE, 1 + s % 3));
            }
            b.cluster(region + "-" + account.charAt(0) + "-" + c, 0, list);
        }
        return b.build();
    }

    static Accounts accounts() {
        return Accounts.builder(8)
                .account(PROD, "AKIDPROD").fleet(fleet(PROD, "us-east-1", 12, 20)).fleet(fleet(PROD, "eu-west-1", 3, 5))
                        .disabledRegions("me-south-1")
                .and().account(DEV, "AKIDDEV").fleet(fleet(DEV, "us-east-1", 2, 4)).denies("GetMetricData")
                .and().account("444444444444", "AKIDBIG").fleet(fleet("444444444444", "us-east-1", 6, 100))
                .and().account(MONITORING, "AKIDMON").fleet(fleet(MONITORING, "us-east-1", 1, 3)).monitoring(PROD, DEV)
                .build();
    }

    static Readers readers(String... keyProfileRegion) {
        Map<Target, AwsFleetReader> readers = new LinkedHashMap<>();
        for (int i = 0; i < keyProfileRegion.length; i += 3) {
            AwsFleetReader r = EmulatorClients.reader(emulator.emulator(), keyProfileRegion[i], keyProfileRegion[i + 1], keyProfileRegion[i + 2]);
            readers.put(r.target(), r);
        }
        return Readers.of(readers, false);
    }

    @Test
    void profilesTimesRegionsAnswerSideBySideAndTheDeniedOneIsALeftBesideThem() {
        try (Readers readers = readers("AKIDPROD", "prod", "us-east-1", "AKIDPROD", "prod", "eu-west-1",
                "AKIDDEV", "dev", "us-east-1")) {

            PerTarget<FleetSnapshot> fleets = readers.each(r -> r.fleet(DAY));

            assertThat(fleets.results().keySet()).containsExactly(
                    Target.of("prod", "us-east-1"), Target.of("prod", "eu-west-1"), Target.of("dev", "us-east-1"));
            Map<Target, Failure> failures = fleets.failures();
            assertThat(failures).containsOnlyKeys(Target.of("dev", "us-east-1"));
            assertThat(failures.get(Target.of("dev", "us-east-1")).kind()).isEqualTo(Failure.Kind.ACCESS_DENIED);
            assertThat(failures.get(Target.of("dev", "us-east-1")).line()).contains("cloudwatch:GetMetricData");
            List<FleetSnapshot> ok = fleets.successes();
            assertThat(ok).hasSize(2);
            assertThat(ok.get(0).rows()).hasSize(12 * 20).allSatisfy(r -> {
                assertThat(r.cluster().target()).isEqualTo(Target.of("prod", "us-east-1"));
                assertThat(r.cluster().name()).startsWith("us-east-1-1-");
            });
            assertThat(ok.get(1).rows()).hasSize(3 * 5).allSatisfy(r -> assertThat(r.cluster().name()).startsWith("eu-west-1-1-"));

            // Two GetMetricData calls per region, whatever the number of clusters; no ECS call at all.
            RequestLog.Counts counts = emulator.log().snapshot();
            assertThat(counts.calls("GetMetricData") - counts.errors("AccessDenied")).isEqualTo(4);
            assertThat(counts.totalCalls() - counts.calls("GetMetricData")).isZero();
            assertThat(readers.totals().calls("GetMetricData")).isEqualTo((int) counts.calls("GetMetricData"));
            assertThat(readers.totals().metricsRequested()).isEqualTo(counts.metricsRequested());
        }
    }

    @Test
    void aRegionTheAccountHasNotEnabledIsALineThatSaysSoBesideTheOthers() {
        try (Readers readers = readers("AKIDPROD", "prod", "me-south-1", "AKIDPROD", "prod", "eu-west-1")) {
            PerTarget<FleetSnapshot> fleets = readers.each(r -> r.fleet(DAY));

            Failure f = fleets.failures().get(Target.of("prod", "me-south-1"));
            assertThat(f.kind()).isEqualTo(Failure.Kind.NO_CREDENTIALS);
            assertThat(f.line()).contains("InvalidClientTokenId").contains("region is not enabled for the account");
            assertThat(fleets.successes()).singleElement().satisfies(s -> assertThat(s.rows()).hasSize(15));
        }
    }

    @Test
    void aFleetPastFiveHundredServicesIsCutAndSaysSo() {
        try (Readers readers = readers("AKIDBIG", "big", "us-east-1")) {
            FleetSnapshot s = readers.each(r -> r.fleet(DAY)).successes().get(0);

            assertThat(s.limits().capped()).containsExactlyInAnyOrder(Metric.CPU, Metric.MEMORY);
            assertThat(s.limits().truncated()).isTrue();
            assertThat(s.limits().line()).contains("busiest 500");
            assertThat(s.limits().capped()).as("a missing series means not among the busiest, not no data").contains(Metric.CPU);
            assertThat(s.rows().stream().filter(r -> !r.usage().series(Metric.CPU, Stat.MAX).isEmpty())).hasSize(500);
            assertThat(s.rows().stream().filter(r -> !r.usage().series(Metric.MEMORY, Stat.MAX).isEmpty())).hasSize(500);
            assertThat(emulator.log().snapshot().calls("GetMetricData")).isEqualTo(2);
        }
    }

    @Test
    void aMonitoringAccountsFleetSpansItsSourceAccountsAndAsksEcsOnlyForItsOwn() {
        try (Readers readers = readers("AKIDMON", "observability", "us-east-1")) {
            FleetReaderOf mon = new FleetReaderOf(readers);

            FleetSnapshot s = mon.reader().fleet(new FleetRequest(Lookback.hours(3), Stat.AVG, NOW, true)).get();

            Map<Optional<String>, Long> byAccount = new LinkedHashMap<>();
            s.rows().forEach(r -> byAccount.merge(r.cluster().target().account(), 1L, Long::sum));
            assertThat(byAccount).containsOnly(Map.entry(Optional.of(PROD), 12L * 20), Map.entry(Optional.of(DEV), 2L * 4),
                    Map.entry(Optional.of(MONITORING), 3L));
            assertThat(s.rows()).allSatisfy(r -> assertThat(r.cluster().target().profile()).isEqualTo("observability"));

            emulator.log().reset();
            List<ServiceRef> all = s.rows().stream().map(FleetRow::service).toList();
            Map<ServiceRef, ServiceInfo> info = mon.reader().serviceInfo(all).get();

            assertThat(info.keySet()).allSatisfy(ref -> assertThat(ref.cluster().target().account()).contains(MONITORING));
            assertThat(info).hasSize(3);
            // One call per cluster (10 services at most each): ECS answers for the monitoring account's own cluster only.
            assertThat(emulator.log().snapshot().errors("ClusterNotFoundException")).isEqualTo(12 * 2 + 2);
            assertThat(emulator.log().snapshot().calls("DescribeServices")).isEqualTo(12 * 2 + 2 + 1);
        }
    }

    /** The only reader of a one-target set. */
    record FleetReaderOf(Readers readers) {
        ecstop.domain.FleetReader reader() {
            return readers.reader(readers.targets().get(0));
        }
    }
}
