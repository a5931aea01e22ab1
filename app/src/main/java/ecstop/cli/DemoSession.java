package ecstop.cli;

import ecstop.aws.AwsFleetReader;
import ecstop.domain.FleetReader;
import ecstop.domain.Target;
import ecstop.emulator.Accounts;
import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --demo}: the embedded emulator on a free loopback port and a reader that talks to
 * it through the real SDK clients, so the demo exercises exactly the production path.
 */
final class DemoSession implements AutoCloseable {
    /** About what a client in the same region sees; makes the loading states visible. */
    static final Duration LATENCY = Duration.ofMillis(20);

    private final Emulator emulator;
    private final AwsFleetReader reader;
    private final AwsFleetReader secondRegion;

    private DemoSession(Emulator emulator) {
        this.emulator = emulator;
        this.reader = AwsFleetReader.forEndpoint(emulator.endpoint());
        this.secondRegion = AwsFleetReader.forEndpoint(emulator.endpoint(), Accounts.DEMO_SECOND_REGION);
    }

    static DemoSession start(Integer bigClusterServices) {
        int services = bigClusterServices == null ? Fleet.DEFAULT_BIG_CLUSTER_SERVICES : bigClusterServices;
        return new DemoSession(Emulator.start(EmulatorConfig.builder()
                .accounts(Accounts.demo(EmulatorConfig.DEFAULT_SEED, services, false))
                .latency(LATENCY)
                .tokenBuckets(true)
                .build()));
    }

    AwsFleetReader reader() {
        return reader;
    }

    /** The demo's two regions, one reader each: the fleet spans both. */
    Map<Target, FleetReader> readers() {
        Map<Target, FleetReader> out = new LinkedHashMap<>();
        out.put(reader.target(), reader);
        out.put(secondRegion.target(), secondRegion);
        return out;
    }

    /** What the status bar says instead of a profile and region. */
    String label() {
        return "demo " + emulator.endpoint().getAuthority();
    }

    @Override
    public void close() {
        reader.close();
        secondRegion.close();
        emulator.close();
    }
}
