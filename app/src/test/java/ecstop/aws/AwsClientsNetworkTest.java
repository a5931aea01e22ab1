package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which network settings the clients get: the environment's for AWS; none for the
 * emulator, which the demo runs on loopback, where a proxy exported for AWS must not
 * intercept it. (AwsNetworkConventionsTest drives both through real HTTP.)
 */
class AwsClientsNetworkTest {
    private static final Map<String, String> ENV = Map.of("HTTP_PROXY", "http://proxy.corp:3128",
            "HTTPS_PROXY", "http://proxy.corp:3128", "AWS_MAX_ATTEMPTS", "7");

    @TempDir
    Path home;

    /** The profile lookups read an empty config file of the test's own, never the machine's ~/.aws. */
    @BeforeEach
    void emptyAwsConfig() throws IOException {
        System.setProperty("aws.configFile", Files.writeString(home.resolve("config"), "").toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("aws.configFile");
        System.clearProperty("http.proxyHost");
        System.clearProperty("http.proxyPort");
    }

    @Test
    void theEmulatorGoesDirectWhateverTheEnvironmentAndJavaSay() {
        System.setProperty("http.proxyHost", "proxy.corp");
        System.setProperty("http.proxyPort", "3128");
        AwsClients.Network n = AwsClients.network(AwsTarget.emulator(URI.create("http://127.0.0.1:4566")), ENV).get();
        assertThat(n.proxy().host()).isNull();
        assertThat(n.trust()).isEmpty();
        assertThat(n.retry().strategy().maxAttempts()).isEqualTo(3);
    }

    @Test
    void anAwsTargetTakesTheEnvironments() {
        AwsTarget aws = new AwsTarget(java.util.Optional.empty(), java.util.Optional.of("eu-west-1"),
                java.util.Optional.empty(), false, java.util.Optional.empty());
        AwsClients.Network n = AwsClients.network(aws, ENV).get();
        assertThat(n.proxy().host()).isEqualTo("proxy.corp");
        assertThat(n.proxy().port()).isEqualTo(3128);
        assertThat(n.retry().strategy().maxAttempts()).isEqualTo(7);
    }
}
