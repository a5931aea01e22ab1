package ecstop.cli;

import ecstop.aws.AwsFleetReader;
import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import java.time.Duration;

/**
 * {@code --demo}: the embedded emulator on a free loopback port and a reader that talks to
 * it through the real SDK clients, so the demo exercises exactly the production path.
 */
final class DemoFleet implements AutoCloseable {
    /** About what a client in the same region sees; makes the loading states visible. */
    static final Duration LATENCY = Duration.ofMillis(20);

    private final Emulator emulator;
    private final AwsFleetReader reader;

    private DemoFleet(Emulator emulator) {
        this.emulator = emulator;
        this.reader = AwsFleetReader.forEndpoint(emulator.endpoint());
    }

    static DemoFleet start(Integer bigClusterServices) {
        int services = bigClusterServices == null ? Fleet.DEFAULT_BIG_CLUSTER_SERVICES : bigClusterServices;
        return new DemoFleet(Emulator.start(EmulatorConfig.builder()
                .fleet(Fleet.demo(EmulatorConfig.DEFAULT_SEED, services))
                .latency(LATENCY)
                .tokenBuckets(true)
                .build()));
    }

    AwsFleetReader reader() {
        return reader;
    }

    /** What the status bar says instead of a profile and region. */
    String label() {
        return "demo " + emulator.endpoint().getAuthority();
    }

    @Override
    public void close() {
        reader.close();
        emulator.close();
    }
}
