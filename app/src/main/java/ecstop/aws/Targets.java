package ecstop.aws;

import ecstop.config.Settings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
}
