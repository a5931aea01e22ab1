package ecstop.cli;

import ecstop.aws.AwsFleetReader;
import ecstop.config.Settings;
import ecstop.domain.FleetReader;
import io.vavr.control.Either;
import java.util.Map;

/**
 * The one place the CLI names the AWS reader. Kept apart from Main so that --help and
 * --version never load a class that drags in the SDK.
 */
final class AwsReaders {
    private AwsReaders() {}

    static Either<String, FleetReader> fromSettings(Settings settings) {
        return AwsFleetReader.fromSettings(settings).map(r -> (FleetReader) r);
    }

    /** A reader per profile × region the settings name (comma-separated lists). */
    static Either<String, java.util.Map<ecstop.domain.Target, FleetReader>> targets(Settings settings) {
        return ecstop.aws.Targets.readers(settings);
    }

    /** With the network variables (proxy, CA bundle, retries) taken from {@code env}. */
    static Either<String, FleetReader> fromSettings(Settings settings, Map<String, String> env) {
        return AwsFleetReader.fromSettings(settings, env).map(r -> (FleetReader) r);
    }
}
