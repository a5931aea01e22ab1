package ecstop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Empty AWS config and credentials files of the test's own under {@code home/.aws}, handed
 * to the SDK through its system properties (the real ~/.aws is never read), with instance
 * metadata off. {@link #clear()} undoes every SDK property a test may have set.
 */
final class PrivateAwsFiles {
    static final List<String> SDK_PROPERTIES = List.of("aws.configFile", "aws.sharedCredentialsFile",
            "aws.disableEc2Metadata", "aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken", "aws.region");

    private PrivateAwsFiles() {}

    /** Returns the config file. */
    static Path install(Path home) throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Path config = Files.writeString(home.resolve(".aws/config"), "");
        Path credentials = Files.writeString(home.resolve(".aws/credentials"), "");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.disableEc2Metadata", "true");
        return config;
    }

    static void clear() {
        SDK_PROPERTIES.forEach(System::clearProperty);
    }
}
