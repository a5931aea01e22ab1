package ecstop.ui;

import com.googlecode.lanterna.TerminalSize;
import ecstop.aws.AwsFleetReader;
import ecstop.domain.Target;
import ecstop.poll.Readers;
import ecstop.testing.EmulatorExtension;
import ecstop.ui.terminal.Headless;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's two regions served by a test class's emulator, read over HTTP by the real
 * readers with the UI's clock pinned at {@link DemoFleetFixture#NOW}: one cluster, or the
 * demo's first screen (the fleet of both), first frame drawn, nothing read yet.
 */
record DemoRegions(EmulatorExtension emulator) {
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
