package ecstop.cli;

import ecstop.aws.AwsFleetReader;
import ecstop.aws.AwsTarget;
import ecstop.config.Settings;
import ecstop.domain.FleetReader;
import ecstop.domain.Target;
import ecstop.emulator.Accounts;
import ecstop.emulator.Emulator;
import ecstop.emulator.EmulatorConfig;
import ecstop.emulator.Fleet;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code --demo}: the embedded emulator on a free loopback port and readers that talk to it
 * through the real SDK clients, so the demo exercises exactly the production path. It reads
 * {@code --profile} and {@code --region} as an account would: a target per profile × region,
 * the region's own fleet (none in a region the demo has no fleet in), and a region AWS would
 * not take refused with the same line. A profile only names its targets: the demo signs with
 * the emulator's keys and never reads the user's AWS files.
 */
final class DemoSession implements AutoCloseable {
    /** About what a client in the same region sees; makes the loading states visible. */
    static final Duration LATENCY = Duration.ofMillis(20);
    /** The demo account's regions, its first fleet's first: what a session that names none spans. */
    static final List<String> REGIONS = List.of(AwsTarget.EMULATOR_REGION, Accounts.DEMO_SECOND_REGION);

    private final Emulator emulator;
    private final List<AwsFleetReader> opened = new CopyOnWriteArrayList<>();

    private DemoSession(Emulator emulator) {
        this.emulator = emulator;
    }

    static DemoSession start(Integer bigClusterServices) {
        int services = bigClusterServices == null ? Fleet.DEFAULT_BIG_CLUSTER_SERVICES : bigClusterServices;
        return new DemoSession(Emulator.start(EmulatorConfig.builder()
                .accounts(Accounts.demo(EmulatorConfig.DEFAULT_SEED, services, false))
                .latency(LATENCY)
                .tokenBuckets(true)
                .build()));
    }

    /**
     * The settings as the demo reads them. With no region named, the fleet spans both of the
     * demo's regions; one cluster for {@code --once} is looked for in the first, as in a
     * profile's own region.
     */
    static Settings withRegions(Settings settings, boolean once) {
        if (!settings.regions().isEmpty() || (once && settings.cluster().isPresent())) {
            return settings;
        }
        return settings.withRegion(String.join(",", REGIONS));
    }

    /** The reader of the one target the settings name, as {@code AwsReaders.fromSettings} makes it for an account. */
    Either<String, FleetReader> reader(Settings settings) {
        return open(settings.profile(), settings.region().orElse(AwsTarget.EMULATOR_REGION)).map(r -> r);
    }

    /** A reader per profile × region the settings name, as {@code AwsReaders.targets} makes them. */
    Either<String, Map<Target, FleetReader>> readers(Settings settings) {
        List<Optional<String>> profiles = settings.profiles().isEmpty() ? List.of(Optional.empty())
                : settings.profiles().stream().map(Optional::of).toList();
        List<String> regions = settings.regions().isEmpty() ? List.of(AwsTarget.EMULATOR_REGION) : settings.regions();
        Map<Target, FleetReader> out = new LinkedHashMap<>();
        for (Optional<String> profile : profiles) {
            for (String region : regions) {
                Either<String, AwsFleetReader> r = open(profile, region);
                if (r.isLeft()) {
                    return Either.left(r.getLeft());
                }
                out.putIfAbsent(r.get().target(), r.get());
            }
        }
        return Either.right(out);
    }

    private Either<String, AwsFleetReader> open(Optional<String> profile, String region) {
        Either<String, AwsFleetReader> r = AwsFleetReader.forEndpoint(emulator.endpoint(), profile, region);
        r.forEach(opened::add);
        return r;
    }

    /** What the status bar says instead of a profile and region. */
    String label() {
        return "demo " + emulator.endpoint().getAuthority();
    }

    @Override
    public void close() {
        opened.forEach(AwsFleetReader::close);
        emulator.close();
    }
}
