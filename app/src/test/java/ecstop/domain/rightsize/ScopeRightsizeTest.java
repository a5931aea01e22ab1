package ecstop.domain.rightsize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ecstop.domain.ClusterRef;
import ecstop.domain.Stat;
import ecstop.domain.Target;
import ecstop.domain.rightsize.Recommendation.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two clusters' tables as the fleet's: one list, most saved first, totals over both, a price source per region. */
class ScopeRightsizeTest {
    static final ClusterRef LONDON = new ClusterRef(Target.of("default", "eu-west-2"), "prod");

    static RightsizeTable table(String region) {
        return RightsizeTable.build(RightsizeTableTest.snapshot(Stat.MAX), RightsizeTableTest.definitions(), Map.of(),
                BundledPrices.forRegion(region), "", Map.of(), RightsizeRule.DEFAULT);
    }

    static ScopeRightsize fleet() {
        RightsizeTable us = table("us-east-1");
        return ScopeRightsize.of(us.rule(), us.lookback(), us.period(), List.of(
                new ScopeRightsize.Part(RightsizeTableTest.PROD, us), new ScopeRightsize.Part(LONDON, table("eu-west-2"))),
                Map.of(), Map.of(), List.of());
    }

    @Test
    void theRowsOfEveryClusterAreOneListMostSavedFirstEachKeyedByItsCluster() {
        ScopeRightsize s = fleet();

        assertThat(s.rows()).hasSize(10);
        for (int i = 1; i < s.rows().size(); i++) {
            assertThat(ScopeRightsize.BY_SAVINGS.compare(s.rows().get(i - 1), s.rows().get(i))).isNegative();
        }
        // the same services in London cost more, so they save more: they lead
        assertThat(s.rows().get(0).ref()).isEqualTo(new ecstop.domain.ServiceRef(LONDON, "big"));
        assertThat(s.rows()).filteredOn(r -> r.recommendation().status() == Status.UNDER_PROVISIONED)
                .extracting(r -> r.cluster().target().region()).containsExactlyInAnyOrder("us-east-1", "eu-west-2");
    }

    @Test
    void theTotalsAreThoseOfTheClustersAddedUp() {
        ScopeRightsize s = fleet();

        double savings = s.parts().stream().mapToDouble(p -> p.table().totals().monthlySavings()).sum();
        double grow = s.parts().stream().mapToDouble(p -> p.table().totals().monthlyToGrow()).sum();
        assertThat(s.totals().monthlySavings()).isCloseTo(savings, offset(1e-9)).isPositive();
        assertThat(s.totals().monthlyToGrow()).isCloseTo(grow, offset(1e-9)).isPositive();
        assertThat(s.totals().ec2CpuFreed()).isEqualTo(2 * s.parts().get(0).table().totals().ec2CpuFreed());
        assertThat(s.totals().byStatus().get(Status.OVERSIZED)).isEqualTo(6);
    }

    @Test
    void priceSourcesNameTheRegionOnlyWhenThereAreSeveral() {
        assertThat(fleet().priceSources()).containsExactly("us-east-1: " + BundledPrices.forRegion("us-east-1").get().describe(),
                "eu-west-2: " + BundledPrices.forRegion("eu-west-2").get().describe());
        RightsizeTable one = table("us-east-1");
        assertThat(ScopeRightsize.of(RightsizeTableTest.PROD, one, List.of()).priceSources())
                .containsExactly(BundledPrices.forRegion("us-east-1").get().describe());
    }
}
