package ecstop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import ecstop.emulator.Fleet;
import ecstop.emulator.SimService;
import ecstop.testing.EmulatorExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The edges of a fleet through the whole stack (emulator, SDK, reader, poller, panes): no
 * clusters, a cluster without services, and names carrying escape sequences, a bidi
 * override, CJK and 400 characters. Each says what it is, and nothing but text reaches a cell.
 */
class EmulatedFleetEdgesTest {
    @RegisterExtension
    final EmulatorExtension emulators = EmulatorExtension.onDemand();

    private EmulatedSession open(Fleet fleet, String cluster) {
        return new EmulatedSession(emulators.start(fleet), cluster);
    }

    @Test
    void noClustersSaysSo() {
        try (EmulatedSession s = open(Fleet.builder(1).build(), null)) {
            String says = "no ECS clusters in this account and region (check the region and profile)";
            assertThat(s.ui.text().split(java.util.regex.Pattern.quote(says), -1)).as("in both panes").hasSize(3);
            assertThat(s.ui.state().health().clustersError()).isEmpty();
            s.ui.press(KeyType.Enter).type("jr");
            assertThat(s.ui.text()).contains(says);
        }
    }

    @Test
    void aClusterWithoutServicesSaysSoInBothPanes() {
        try (EmulatedSession s = open(Fleet.builder(1).cluster("empty", 1, List.of()).build(), null)) {
            assertThat(s.ui.state().cluster().map(ecstop.domain.ClusterRef::name)).as("the only cluster is opened").hasValue("empty");
            assertThat(s.ui.text().split("no services in this cluster", -1)).hasSize(3);
            assertThat(s.statusLine()).contains("refreshed 0s ago").doesNotContain("loading");
            s.ui.type("jGr").press(KeyType.Enter);
            assertThat(s.ui.text()).contains("no services in this cluster");
        }
    }

    @Test
    void oddNamesRenderAsTextOnly() {
        String evil = "odd\u001b[2J\u001b]0;pwned\u0007-red";
        Fleet fleet = Fleet.builder(1)
                .cluster("c\u001b[31m-サービス", 1, List.of(
                        SimService.running(evil, SimService.EC2, 2),
                        SimService.running("日本語のサービス", SimService.EC2, 1),
                        SimService.running("rtl\u202eexe.txt", SimService.EC2, 1),
                        SimService.running("long-" + "x".repeat(400), SimService.EC2, 1)))
                .build();
        try (EmulatedSession s = open(fleet, null)) {
            String text = s.ui.text();
            OddInputTest.assertNoControlCharacters(s.ui.terminal());
            assertThat(text).contains("日本語のサービス").contains("xxx…").doesNotContain("pwned").doesNotContain("[2J");
            s.ui.type("G").press(KeyType.Enter);
            assertThat(s.ui.state().nav().detail().isPresent()).isTrue();
            OddInputTest.assertNoControlCharacters(s.ui.terminal());
            s.ui.resize(new com.googlecode.lanterna.TerminalSize(40, 12));
            OddInputTest.assertNoControlCharacters(s.ui.terminal());
        }
    }
}
