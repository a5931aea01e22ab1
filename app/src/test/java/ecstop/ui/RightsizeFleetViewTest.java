package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import ecstop.domain.Scope;
import ecstop.domain.ServiceRef;
import ecstop.domain.rightsize.Recommendation;
import ecstop.domain.rightsize.ScopeRightsize;
import ecstop.emulator.RequestLog;
import ecstop.emulator.SimCluster;
import ecstop.testing.EmulatorExtension;
import ecstop.domain.View;
import ecstop.ui.terminal.Headless;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * z on the fleet, the first screen of the demo: one table over every cluster, each row naming
 * its cluster, read cluster by cluster through the real reader when the view opens and then
 * only every 5th refresh, not with every refresh of the fleet's bars.
 */
class RightsizeFleetViewTest {
    @RegisterExtension
    static final EmulatorExtension emulator = DemoFleetFixture.extension();
    private static final DemoFleetFixture demo = new DemoFleetFixture(emulator);
    /** The default refresh and task-detail cadence: every 60 s, details every 5th. */
    static final Duration REFRESH = Duration.ofSeconds(60);

    private static long clustersWithServices() {
        return emulator.fleet().clusters().stream().filter(c -> !c.services().isEmpty()).count();
    }

    private static int services() {
        return emulator.fleet().clusters().stream().mapToInt(c -> c.services().size()).sum();
    }

    @Test
    void zInTheFleetShowsEveryClustersServicesInOneTableNamingTheirCluster() {
        Headless h = demo.open((String) null, new TerminalSize(160, 40)).settle();
        assertThat(h.state().question().scope()).containsInstanceOf(Scope.Fleet.class);
        emulator.log().reset();

        h.type("z");

        assertThat(h.state().question().view()).isEqualTo(View.RIGHTSIZE);
        ScopeRightsize table = h.state().fleet().rightsize().orElseThrow().get();
        assertThat(table.rows()).as("every service, the least busy too").hasSize(services());
        assertThat(table.parts()).hasSize((int) clustersWithServices());
        assertThat(emulator.log().snapshot().calls("ListServices")).as("read at once, each cluster on its own")
                .isGreaterThanOrEqualTo(clustersWithServices());
        String text = h.text();
        assertThat(text).contains("Right-size · all clusters · 24h").contains("cluster ").contains("saves $")
                .contains("catalogue     orders-indexer").contains("oversized").contains("1/" + services());
        assertThat(table.rows()).as("the starved are marked and never a saving")
                .anyMatch(r -> r.recommendation().status() == Recommendation.Status.UNDER_PROVISIONED)
                .filteredOn(r -> r.recommendation().status() == Recommendation.Status.UNDER_PROVISIONED)
                .allMatch(r -> r.recommendation().monthlySavings().isEmpty());
        Golden.assertMatches("window-160x40-rightsize-fleet", text);
    }

    @Test
    void theTableIsReadWhenTheViewOpensThenEveryFifthRefreshNotWithEveryRefreshOfTheBars() {
        Headless h = demo.open((String) null, new TerminalSize(160, 40)).settle().type("z");
        RequestLog.Counts opened = emulator.log().snapshot();
        long perRead = opened.calls("ListServices");
        assertThat(perRead).isPositive();

        h.advance(REFRESH);
        RequestLog.Counts oneRefresh = emulator.log().snapshot();
        assertThat(oneRefresh.calls("GetMetricData")).as("the bars refreshed").isGreaterThan(opened.calls("GetMetricData"));
        assertThat(oneRefresh.calls("ListServices")).as("the table did not").isEqualTo(perRead);

        h.advance(REFRESH).advance(REFRESH).advance(REFRESH);
        assertThat(emulator.log().snapshot().calls("ListServices")).isEqualTo(perRead);
        h.advance(REFRESH);
        assertThat(emulator.log().snapshot().calls("ListServices")).as("5 refreshes on: read again").isEqualTo(2 * perRead);
        assertThat(emulator.log().snapshot().calls("GetProducts")).as("the region's prices: kept a day").isEqualTo(1);

        h.type("+");
        assertThat(emulator.log().snapshot().calls("ListServices")).as("another lookback: read at once").isEqualTo(3 * perRead);
        assertThat(h.text()).contains("Right-size · all clusters · 3d");
    }

    @Test
    void cOnATableRowOpensItsClusterWithTheServiceSelected() {
        Headless h = demo.open((String) null, new TerminalSize(160, 40)).settle().type("z").type("jjj");
        ServiceRef row = h.selectedService().orElseThrow();
        SimCluster cluster = emulator.fleet().cluster(row.cluster().name()).orElseThrow();

        h.type("c");

        assertThat(h.state().question().scope()).contains(Scope.of(row.cluster()));
        assertThat(h.state().question().view()).isEqualTo(View.RIGHTSIZE);
        assertThat(h.selectedService()).contains(row);
        assertThat(h.state().fleet().rightsize().orElseThrow().get().rows()).hasSize(cluster.services().size());
    }
}
