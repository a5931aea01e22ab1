package ecstop.domain.rightsize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ecstop.domain.CallStats;
import ecstop.domain.ClusterRef;
import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.Target;
import ecstop.domain.Cluster;
import ecstop.domain.Lookback;
import ecstop.domain.Metric;
import ecstop.domain.MetricKey;
import ecstop.domain.Periods;
import ecstop.domain.ServiceInfo;
import ecstop.domain.ServiceUsage;
import ecstop.domain.Snapshot;
import ecstop.domain.Stat;
import ecstop.domain.rightsize.Recommendation.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RightsizeTableTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    static final ClusterRef PROD = new ClusterRef(Target.of("default", "us-east-1"), "prod");

    static ServiceRef ref(String name) {
        return new ServiceRef(PROD, name);
    }

    static ServiceUsage usage(String name, double cpu, double memory) {
        return new ServiceUsage(ref(name), Map.of(
                MetricKey.of(Metric.CPU, Stat.MAX), RightsizerTest.flat(56, cpu, cpu),
                MetricKey.of(Metric.MEMORY, Stat.MAX), RightsizerTest.flat(56, memory, memory)));
    }

    static ServiceInfo info(String name, String launchType, int running, String td) {
        return new ServiceInfo(name, "arn:svc/" + name, "ACTIVE", running, running, 0, launchType, td, "COMPLETED");
    }

    static Snapshot snapshot(Stat stat) {
        Lookback lookback = Lookback.days(14);
        return new Snapshot(Scope.of(PROD), lookback, stat, Periods.window(lookback, NOW), NOW,
                List.of(usage("small", 10, 10), usage("big", 5, 5), usage("starved", 100, 50), usage("worker", 10, 10),
                        new ServiceUsage(ref("idle"), Map.of())),
                Optional.of(Map.of(ref("small"), info("small", "FARGATE", 1, "td/small:1"),
                        ref("big"), info("big", "FARGATE", 2, "td/big:1"),
                        ref("starved"), info("starved", "FARGATE", 1, "td/small:1"),
                        ref("worker"), info("worker", "EC2", 3, "td/worker:2"),
                        ref("idle"), info("idle", "FARGATE", 0, "td/small:1"))),
                Optional.of(Cluster.named(PROD, "")), CallStats.NONE);
    }

    static Map<String, TaskDefinition> definitions() {
        return Map.of("td/small:1", RightsizerTest.fargate(512, 1024, null),
                "td/big:1", RightsizerTest.fargate(4096, 16384, null),
                "td/worker:2", RightsizerTest.ec2(1024, 2048, null));
    }

    @Test
    void rowsAreSortedBySavingsAndTotalsNeverOffsetTheStarved() {
        RightsizeTable t = RightsizeTable.build(snapshot(Stat.MAX), definitions(), Map.of(),
                BundledPrices.forRegion("us-east-1"), "", Map.of(), RightsizeRule.DEFAULT);

        assertThat(t.rows()).extracting(Recommendation::service).containsExactly("big", "small", "starved", "worker", "idle");
        assertThat(t.rows()).extracting(Recommendation::status).containsExactly(Status.OVERSIZED, Status.OVERSIZED,
                Status.UNDER_PROVISIONED, Status.OVERSIZED, Status.NO_DATA);
        double savings = t.rows().stream().mapToDouble(r -> r.monthlySavings().orElse(0)).sum();
        assertThat(t.totals().monthlySavings()).isCloseTo(savings, offset(1e-9)).isPositive();
        Recommendation starved = t.rows().get(2);
        assertThat(t.totals().monthlyToGrow()).isCloseTo(starved.cost().orElseThrow().monthlyDelta(), offset(1e-9)).isPositive();
        // worker: 1024 → 0.1 × 1024 × 1.2 = 122.88 → 128 units; 2048 → 245.76 → 256 MiB; 3 tasks.
        assertThat(t.totals().ec2CpuFreed()).isEqualTo(3L * (1024 - 128));
        assertThat(t.totals().ec2MemoryFreed()).isEqualTo(3L * (2048 - 256));
        assertThat(t.totals().byStatus()).containsEntry(Status.OVERSIZED, 3).containsEntry(Status.NO_DATA, 1);
        assertThat(t.lookbackWarning()).isEmpty();
        assertThat(t.period()).isEqualTo(java.time.Duration.ofHours(6));
    }

    @Test
    void oomCountsAndPoliciesReachTheirService() {
        RightsizeTable t = RightsizeTable.build(snapshot(Stat.MAX), definitions(),
                Map.of("small", List.of(new ScalingPolicy("c", ScalingPolicy.TARGET_TRACKING, ScalingPolicy.CPU_PREDEFINED, ""))),
                Optional.empty(), "denied", Map.of("big", 2), RightsizeRule.DEFAULT);

        Recommendation big = t.rows().stream().filter(r -> r.service().equals("big")).findFirst().orElseThrow();
        Recommendation small = t.rows().stream().filter(r -> r.service().equals("small")).findFirst().orElseThrow();
        assertThat(big.oomKills()).isEqualTo(OptionalInt.of(2));
        assertThat(big.status()).isEqualTo(Status.UNDER_PROVISIONED);
        assertThat(small.oomKills()).isEmpty();
        assertThat(small.cpu().trackedBy()).isPresent();
        assertThat(t.totals().monthlySavings()).isZero();
        assertThat(t.pricesNote()).isEqualTo("denied");
    }

    @Test
    void theRuleIsDefinedOnTheMaximumStatistic() {
        assertThatThrownBy(() -> RightsizeTable.build(snapshot(Stat.AVG), definitions(), Map.of(), Optional.empty(), "",
                Map.of(), RightsizeRule.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
    }
}
