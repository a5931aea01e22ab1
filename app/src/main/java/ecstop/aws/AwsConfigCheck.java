package ecstop.aws;

import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.regions.Region;

/**
 * What can be said about the AWS configuration before the first call, in one line each.
 * Without these checks the SDK reports each case late and sideways: a profile that does
 * not exist as "no AWS region" (its region lookup finds nothing), a broken ~/.aws/config as
 * a parse error naming a line but not the file, and a region like "mars-1" as a DNS failure
 * for ecs.mars-1.amazonaws.com after the network has had its say.
 */
final class AwsConfigCheck {
    /** eu-west-1, us-gov-east-1, eusc-de-east-1: what region names look like. */
    private static final Pattern REGION_SHAPE = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-\\d+");

    private AwsConfigCheck() {}

    /** The config and credentials files parse, and name {@code profile} if one is asked for. */
    static Either<String, Void> profile(Optional<String> profile) {
        Set<String> names = new TreeSet<>();
        Path config = ProfileFileLocation.configurationFilePath();
        Path credentials = ProfileFileLocation.credentialsFilePath();
        for (Path file : new Path[] {config, credentials}) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                names.addAll(ProfileFile.builder().content(file)
                        .type(file.equals(config) ? ProfileFile.Type.CONFIGURATION : ProfileFile.Type.CREDENTIALS)
                        .build().profiles().keySet());
            } catch (RuntimeException e) {
                return Either.left("cannot read " + file + ": " + Failures.oneLine(e.getMessage()));
            }
        }
        if (profile.isPresent() && !names.contains(profile.get())) {
            return Either.left("no profile '" + profile.get() + "' in " + config + " or " + credentials
                    + (names.isEmpty() ? " (neither file names any)" : "; profiles: "
                            + names.stream().limit(20).collect(Collectors.joining(", "))));
        }
        return Either.right(null);
    }

    /**
     * A region this SDK knows, or one shaped like a region (a newer one than the SDK); else
     * a line saying so. Skipped with an endpoint override, where the region only signs.
     */
    static Either<String, Region> region(Region region, boolean endpointOverride) {
        if (endpointOverride || Region.regions().contains(region) || REGION_SHAPE.matcher(region.id()).matches()) {
            return Either.right(region);
        }
        return Either.left("'" + region.id() + "' is not an AWS region (regions look like eu-west-1 or us-east-1);"
                + " check --region, AWS_REGION and the profile's region");
    }
}
