package ecstop.poll;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.aws.AwsFleetReader;
import ecstop.domain.Cluster;
import ecstop.domain.ClusterRef;
import ecstop.domain.Failure;
import ecstop.domain.Lookback;
import ecstop.domain.Target;
import ecstop.domain.rightsize.RightsizeRule;
import ecstop.domain.rightsize.ScopeRightsize;
import ecstop.emulator.Fleet;
import ecstop.testing.EmulatorExtension;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fleet's right-sizing reads through the production reader and the emulator: each cluster
 * read on its own, one that cannot be read named while the others stand, a target whose
 * cluster list failed named too, and a read nobody waits for any more stopping before it asks.
 */
class FleetRightsizeFetchTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:17:00Z");

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(
            Fleet.of(new LinkedHashMap<>(Map.of("alpha", 3, "beta", 2)), 7)).at(NOW);

    private Readers readers() {
        return Readers.of(emulator.closing(AwsFleetReader.forEndpoint(emulator.endpoint(), Clock.fixed(NOW, ZoneOffset.UTC))));
    }

    private static Map<Target, Either<Failure, List<Cluster>>> listed(Target t, String... names) {
        Map<Target, Either<Failure, List<Cluster>>> out = new LinkedHashMap<>();
        out.put(t, Either.right(java.util.Arrays.stream(names).map(n -> Cluster.named(new ClusterRef(t, n), n)).toList()));
        return out;
    }

    @Test
    void everyClusterIsReadOnItsOwnAndItsRowsNameIt() {
        Readers r = readers();

        ScopeRightsize s = FleetRightsizeFetch.fetch(r, r.targets(), Lookback.days(1), RightsizeRule.DEFAULT, NOW, () -> true)
                .get();

        assertThat(s.parts()).extracting(p -> p.cluster().name()).containsExactly("alpha", "beta");
        assertThat(s.rows()).hasSize(5);
        assertThat(s.rows()).filteredOn(row -> row.cluster().name().equals("beta")).hasSize(2);
        assertThat(s.failed()).isEmpty();
        var seen = emulator.log().snapshot();
        assertThat(seen.calls("ListServices")).as("one page a cluster").isEqualTo(2);
        assertThat(seen.calls("ListTasks")).as("the stopped tasks, once a cluster").isEqualTo(2);
        assertThat(seen.calls("GetProducts")).as("one region, one price list").isEqualTo(1);
        assertThat(seen.calls("DescribeScalingPolicies")).isEqualTo(1);
    }

    @Test
    void whatTheClustersMetricsCostIsHandedOnForTheBudget() {
        Readers r = readers();
        java.util.concurrent.atomic.DoubleAdder usd = new java.util.concurrent.atomic.DoubleAdder();

        FleetRightsizeFetch.fetch(r, r.targets(), Lookback.days(1), RightsizeRule.DEFAULT, NOW, () -> true, usd).get();

        // CloudWatch bills $0.01 per 1,000 metrics; the emulator counted what was asked for: the
        // two clusters' snapshots, and the cluster list's two reservation metrics a cluster,
        // which the budget does not count (the poller lists clusters every few refreshes anyway)
        long metrics = emulator.log().snapshot().metricsRequested();
        assertThat(usd.sum()).isPositive()
                .isCloseTo((metrics - 2 * 2) * 0.01 / 1000, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void aClusterThatCannotBeReadIsNamedAndTheOthersStand() {
        Readers r = readers();
        Target t = r.targets().get(0);
        Map<Target, Either<Failure, List<Cluster>>> clusters = listed(t, "alpha", "deleted-since", "beta");
        Target elsewhere = Target.of("dev", "eu-west-1");
        clusters.put(elsewhere, Either.left(new Failure(Failure.Kind.SSO_EXPIRED, "ecs:ListClusters", "run aws sso login")));

        ScopeRightsize s = FleetRightsizeFetch.fetch(r, clusters, Lookback.days(1), RightsizeRule.DEFAULT, NOW, () -> true).get();

        assertThat(s.parts()).extracting(p -> p.cluster().name()).containsExactly("alpha", "beta");
        assertThat(s.failed()).containsOnlyKeys(new ClusterRef(t, "deleted-since"));
        assertThat(s.failed().values().iterator().next().kind()).isEqualTo(Failure.Kind.NOT_FOUND);
        assertThat(s.failedTargets()).containsOnlyKeys(elsewhere);
        assertThat(s.warnings()).anyMatch(w -> w.startsWith("dev · eu-west-1: no clusters listed: the SSO session has expired"))
                .anyMatch(w -> w.contains("deleted-since: not sized: not found"));
        assertThat(s.rows()).hasSize(5);
    }

    @Test
    void whenNoClusterCanBeReadTheFirstFailureIsTheAnswer() {
        Readers r = readers();

        Either<Failure, ScopeRightsize> s = FleetRightsizeFetch.fetch(r, listed(r.targets().get(0), "gone", "also-gone"),
                Lookback.days(1), RightsizeRule.DEFAULT, NOW, () -> true);

        assertThat(s.getLeft().kind()).isEqualTo(Failure.Kind.NOT_FOUND);
    }

    @Test
    void aClusterKnownToHaveNoServiceCostsNoCall() {
        Readers r = readers();
        Target t = r.targets().get(0);
        Map<Target, Either<Failure, List<Cluster>>> clusters = new LinkedHashMap<>();
        clusters.put(t, Either.right(List.of(new Cluster(new ClusterRef(t, "alpha"), "alpha", 0, 0, 0,
                java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty()))));

        ScopeRightsize s = FleetRightsizeFetch.fetch(r, clusters, Lookback.days(1), RightsizeRule.DEFAULT, NOW, () -> true).get();

        assertThat(s.rows()).isEmpty();
        assertThat(emulator.log().snapshot().totalCalls()).isZero();
    }

    @Test
    void aReadNobodyWaitsForAnyMoreAsksNothing() {
        Readers r = readers();

        Either<Failure, ScopeRightsize> s = FleetRightsizeFetch.fetch(r, listed(r.targets().get(0), "alpha", "beta"),
                Lookback.days(1), RightsizeRule.DEFAULT, NOW, () -> false);

        assertThat(s.isLeft()).isTrue();
        assertThat(emulator.log().snapshot().totalCalls()).isZero();
    }
}
