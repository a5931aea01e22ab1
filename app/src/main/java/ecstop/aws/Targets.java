package ecstop.aws;

import ecstop.config.Settings;
import ecstop.domain.FleetReader;
import ecstop.domain.Target;
import io.vavr.control.Either;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets the settings name: every profile × every region of the comma-separated lists
 * (--profile a,b --region x,y is four), in the order given. No profile is the SDK's default
 * chain; no region is each profile's own.
 */
public final class Targets {
    /** How a target with no --profile is named: the SDK's default credential chain. */
    public static final String DEFAULT_PROFILE = "default";

    private Targets() {}

    public static List<AwsTarget> of(Settings s) {
        List<Optional<String>> profiles = s.profiles().isEmpty() ? List.of(Optional.empty())
                : s.profiles().stream().map(Optional::of).toList();
        List<Optional<String>> regions = s.regions().isEmpty() ? List.of(Optional.empty())
                : s.regions().stream().map(Optional::of).toList();
        Optional<URI> endpoint = s.endpointUrl().map(URI::create);
        List<AwsTarget> out = new ArrayList<>();
        for (Optional<String> p : profiles) {
            for (Optional<String> r : regions) {
                out.add(new AwsTarget(p, r, endpoint, false, s.retry()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * A reader for every target the settings name. A configuration error for any of them (an
     * unknown profile, a profile without a region) is one Left line: it is a typo to fix, not
     * a target to skip. The same profile and region named twice is one reader.
     */
    public static Either<String, Map<Target, FleetReader>> readers(Settings settings) {
        Map<Target, FleetReader> built = new LinkedHashMap<>();
        for (AwsTarget t : of(settings)) {
            Either<String, AwsFleetReader> r = AwsFleetReader.create(t);
            if (r.isLeft()) {
                built.values().forEach(b -> ((AwsFleetReader) b).close());
                return Either.left(r.getLeft());
            }
            if (built.putIfAbsent(r.get().target(), r.get()) != null) {
                r.get().close();
            }
        }
        return Either.right(built);
    }
}
