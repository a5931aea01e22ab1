package ecstop.emulator;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Debian's awscli 2.9 at /usr/bin/aws, which speaks awsQuery to CloudWatch. Required in CI
 * (the test fails there when it is missing); skipped elsewhere when not installed.
 */
class DebianAwsCliTest extends AwsCliContract {
    static final Path DEBIAN_AWS = Path.of("/usr/bin/aws");

    @BeforeAll
    static void needTheCli() {
        if (!Files.isExecutable(DEBIAN_AWS)) {
            if (System.getenv("CI") != null) {
                fail("CI needs Debian's awscli: apt-get install -y awscli (it installs /usr/bin/aws)");
            }
            Assumptions.abort("Debian's awscli is not installed (apt-get install -y awscli)");
        }
    }

    @Override
    Path cli() {
        return DEBIAN_AWS;
    }

    @Override
    String cloudWatchProtocol() {
        return "awsQuery";
    }
}
