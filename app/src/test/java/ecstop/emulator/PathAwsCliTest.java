package ecstop.emulator;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Whatever `aws` comes first on PATH when it is not Debian's (here awscli 1.45, which speaks
 * awsJson1_0 to CloudWatch); skipped when there is none.
 */
class PathAwsCliTest extends AwsCliContract {
    static Path onPath;

    @BeforeAll
    static void findTheCli() {
        Optional<Path> found = firstOnPath("aws").filter(p -> !p.equals(DebianAwsCliTest.DEBIAN_AWS));
        Assumptions.assumeTrue(found.isPresent(), "no aws other than Debian's on PATH");
        onPath = found.get();
    }

    static Optional<Path> firstOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    Path cli() {
        return onPath;
    }

    @Override
    String cloudWatchProtocol() {
        return "awsJson1_0";
    }
}
