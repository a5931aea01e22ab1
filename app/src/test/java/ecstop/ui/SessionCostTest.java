package ecstop.ui;

import ecstop.ui.terminal.Headless;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyType;
import ecstop.emulator.RequestLog;
import ecstop.testing.EmulatorExtension;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5's cost check end to end: the calls and CloudWatch metrics the status bar claims
 * for the session are exactly what the emulator was asked, the cluster list included.
 */
class SessionCostTest {
    private static final Pattern COST = Pattern.compile("(\\d+) calls, (\\d+) metrics ~\\$");

    @RegisterExtension
    static final EmulatorExtension emulator = DemoFleetFixture.extension();
    private static final DemoFleetFixture demo = new DemoFleetFixture(emulator);

    @Test
    void statusBarShowsExactlyWhatTheEmulatorCounted() {
        Headless h = demo.open((String) null, new TerminalSize(200, 50)).settle();
        // several clusters open on the fleet; Esc goes to the picker, whose last row is storage-prod
        h.press(KeyType.Escape).type("G").press(KeyType.Enter);
        assertThat(h.state().cluster().map(ecstop.domain.ClusterRef::name)).contains("storage-prod");
        h.type("r");

        RequestLog.Counts log = emulator.log().snapshot();
        assertThat(log.calls().keySet())
                .containsExactlyInAnyOrder("ListClusters", "DescribeClusters", "ListServices", "DescribeServices", "GetMetricData",
                        "ListTasks", "DescribeTasks");
        assertThat(log.calls("ListServices")).isEqualTo(2);
        String[] lines = h.text().split("\n");
        Matcher m = COST.matcher(lines[lines.length - 1]);
        assertThat(m.find()).as("cost in the status bar: %s", lines[lines.length - 1]).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(log.totalCalls());
        assertThat(Long.parseLong(m.group(2))).isEqualTo(log.metricsRequested()).isPositive();
        Map<String, Long> byOperation = new TreeMap<>();
        h.state().health().session().calls().forEach((op, n) -> byOperation.put(op, n.longValue()));
        assertThat(byOperation).isEqualTo(new TreeMap<>(log.calls()));
    }
}
