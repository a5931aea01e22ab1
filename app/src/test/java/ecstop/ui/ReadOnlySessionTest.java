package ecstop.ui;

import ecstop.ui.terminal.Headless;
import ecstop.ui.action.Action;
import ecstop.ui.action.KeyBinding;
import ecstop.ui.action.Keymap;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import ecstop.emulator.Fleet;
import ecstop.testing.EmulatorExtension;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ecs-top is read-only by what it does: a whole session of every key the registry knows,
 * cluster switches, lookback and statistic changes, refreshes and the detail pane, through
 * the real reader against the emulator, and the emulator saw only read operations: the six
 * the panels use (ListTasks for the signals among them), and none but the three right-sizing
 * and DescribeTasks (for stopped tasks, when there are any) add besides.
 */
class ReadOnlySessionTest {
    static final Set<String> PANEL_READS = Set.of(
            "ListClusters", "DescribeClusters", "ListServices", "DescribeServices", "GetMetricData", "ListTasks");
    static final Set<String> READS = Set.of(
            "ListClusters", "DescribeClusters", "ListServices", "DescribeServices", "GetMetricData",
            "DescribeTaskDefinition", "DescribeScalingPolicies", "GetProducts", "ListTasks", "DescribeTasks",
            "DescribeScalingActivities");
    static final Map<String, Integer> CLUSTERS = clusters();

    @RegisterExtension
    static final EmulatorExtension emulator = EmulatorExtension.serving(Fleet.of(CLUSTERS, 5));

    static Map<String, Integer> clusters() {
        Map<String, Integer> clusters = new LinkedHashMap<>();
        clusters.put("alpha", 12);
        clusters.put("beta", 40);
        clusters.put("gamma", 0);
        return clusters;
    }

    @Test
    void aFullSessionOfKeysCallsOnlyReadOperations() {
        try (EmulatedSession s = new EmulatedSession(emulator.emulator(), null)) {
            Headless h = s.ui;
            // pick each cluster from the list, and look around in it
            for (int i = 0; i < CLUSTERS.size(); i++) {
                h.press(KeyType.Escape, KeyType.Escape, KeyType.Escape).type("g");
                for (int j = 0; j <= i; j++) { // row 0 is "All clusters"
                    h.type("j");
                }
                h.press(KeyType.Enter);
                assertThat(h.state().cluster().map(ecstop.domain.ClusterRef::name)).hasValue(CLUSTERS.keySet().toArray(String[]::new)[i]);
                h.type("jjkGg+++--a=a").press(KeyType.Tab, KeyType.ReverseTab, KeyType.PageDown, KeyType.PageUp,
                        KeyType.End, KeyType.Home, KeyType.ArrowDown, KeyType.ArrowUp);
                h.press(KeyType.Enter).press(KeyType.Tab).type("jjj").press(KeyType.Escape);
                h.type("/svc-00").press(KeyType.Backspace, KeyType.Enter).type("s").type("s").type("s").press(KeyType.Escape);
                h.type("r").press(new com.googlecode.lanterna.input.KeyStroke('r', true, false))
                        .press(new com.googlecode.lanterna.input.KeyStroke('l', true, false));
                h.type("?").type("?");
                // the first cluster stays long enough for the periodic cluster list and task counts
                for (int k = 0; k < (i == 0 ? 11 : 2); k++) {
                    h.advance(Duration.ofSeconds(60));
                }
            }
            // and every key the registry lists, once more, wherever the session left off
            for (Action a : Keymap.standard(false).actions()) {
                for (KeyBinding k : a.keys()) {
                    h.press(k.stroke());
                }
            }
            h.advance(Duration.ofMinutes(10));

            var seen = emulator.log().snapshot();
            assertThat(seen.totalCalls()).as("the session did talk to AWS").isGreaterThan(50);
            assertThat(seen.operations()).containsAll(PANEL_READS).isSubsetOf(READS);
        }
    }
}
