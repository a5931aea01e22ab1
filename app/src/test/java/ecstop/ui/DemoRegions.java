package ecstop.ui;

import com.googlecode.lanterna.TerminalSize;
import ecstop.aws.AwsFleetReader;
import ecstop.domain.Target;
import ecstop.emulator.Accounts;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import ecstop.poll.Readers;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.terminal.Headless;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's two regions served by a test class's emulator, read over HTTP by the real
 * readers with the UI's clock pinned at {@link DemoFleetFixture#NOW}: one cluster, or the
 * demo's first screen (the fleet of both), first frame drawn, nothing read yet.
 */
record DemoRegions(EmulatorExtension emulator) {
    /** For a test class's {@code @RegisterExtension} field: the demo's accounts, both regions, at {@link DemoFleetFixture#NOW}. */
    static EmulatorExtension extension() {
        return EmulatorExtension.serving(Accounts.demo(EmulatorConfig.DEFAULT_SEED, Fleet.DEFAULT_BIG_CLUSTER_SERVICES, false))
                .at(DemoFleetFixture.NOW);
    }

    /** Calls by operation in {@code a} and not in {@code b} (negative for fewer), the operations that differ only. */
    static Map<String, Long> minus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new HashMap<>();
        a.forEach((k, v) -> {
            if (v - b.getOrDefault(k, 0L) != 0) {
                out.put(k, v - b.getOrDefault(k, 0L));
            }
        });
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(k -> out.put(k, -b.get(k)));
        return out;
    }

    private AwsFleetReader reader(String region) {
        return emulator.closing(AwsFleetReader.forEndpoint(emulator.endpoint(), region, DemoFleetFixture.CLOCK));
    }

    Headless cluster(String region, String cluster, TerminalSize size) {
        return Headless.open(reader(region), DemoFleetFixture.OPTIONS.withHeader("demo · " + region).withCluster(cluster), size);
    }

    Headless fleet(TerminalSize size) {
        Map<Target, AwsFleetReader> byTarget = new LinkedHashMap<>();
        for (String region : new String[] {"us-east-1", "eu-west-1"}) {
            AwsFleetReader r = reader(region);
            byTarget.put(r.target(), r);
        }
        return Headless.open(Readers.of(byTarget, false), DemoFleetFixture.OPTIONS.withHeader("demo"), size);
    }
}
