package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SSO profile whose cached token has expired, as `aws sso login` leaves it a day later.
 * The SDK finds the token cache through $HOME, which a JVM cannot change for itself, so
 * this runs the real command in a child JVM with a temporary home, config and state
 * directory. It must say, on one line, which command fixes it.
 */
class SsoExpiredTest {
    static final String START_URL = "https://example.awsapps.com/start";

    @TempDir
    Path home;

    private static String sha1(String s) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private ChildEcsTop.Result ecsTop(String... args) throws IOException, InterruptedException {
        return ecsTop(Map.of(), args);
    }

    private ChildEcsTop.Result ecsTop(Map<String, String> moreEnv, String... args) throws IOException, InterruptedException {
        return ChildEcsTop.run(home, moreEnv, List.of(args));
    }

    @Test
    void anExpiredSsoTokenSaysToLogInAgainWithTheProfile() throws Exception {
        Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
        Files.writeString(home.resolve(".aws/config"), String.join("\n",
                "[profile legacy]",
                "sso_start_url = " + START_URL,
                "sso_region = us-east-1",
                "sso_account_id = 123456789012",
                "sso_role_name = ReadOnly",
                "region = eu-west-1",
                "",
                "[profile modern]",
                "sso_session = corp",
                "sso_account_id = 123456789012",
                "sso_role_name = ReadOnly",
                "region = eu-west-1",
                "",
                "[sso-session corp]",
                "sso_start_url = " + START_URL,
                "sso_region = us-east-1",
                "sso_registration_scopes = sso:account:access",
                ""));
        Files.writeString(home.resolve(".aws/credentials"), "");
        String expired = "\"accessToken\": \"expired-token\", \"expiresAt\": \"2024-01-01T00:00:00Z\", \"region\": \"us-east-1\"";
        Files.writeString(cache.resolve(sha1(START_URL) + ".json"), "{\"startUrl\": \"" + START_URL + "\", " + expired + "}");
        Files.writeString(cache.resolve(sha1("corp") + ".json"), "{\"startUrl\": \"" + START_URL + "\", " + expired
                + ", \"clientId\": \"cid\", \"clientSecret\": \"csecret\", \"refreshToken\": \"rtoken\","
                + " \"registrationExpiresAt\": \"2024-01-01T00:00:00Z\"}");

        // the legacy profile: the SDK sees the expired token in the cache and gives up at once;
        // an endpoint where nothing listens, so that credentials found by mistake would show
        ChildEcsTop.Result r = ecsTop("--once", "--profile", "legacy", "--cluster", "prod", "--endpoint-url", "http://127.0.0.1:9");
        assertThat(r.err()).isEqualTo("ecs-top: the SSO session has expired: run aws sso login --profile legacy\n");
        assertThat(r.exit()).isEqualTo(ExitCode.AWS);
        assertThat(r.out()).isEmpty();

        // the sso-session profile: the SDK tries the refresh token at SSO-OIDC, which turns it down
        HttpServer oidc = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();
        oidc.createContext("/", ex -> {
            refreshes.incrementAndGet();
            byte[] body = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token provided\"}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("x-amzn-ErrorType", "InvalidGrantException");
            ex.sendResponseHeaders(400, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        oidc.start();
        try {
            r = ecsTop(Map.of("AWS_ENDPOINT_URL_SSO_OIDC", "http://127.0.0.1:" + oidc.getAddress().getPort()),
                    "--once", "--profile", "modern", "--cluster", "prod", "--endpoint-url", "http://127.0.0.1:9");
        } finally {
            oidc.stop(0);
        }
        assertThat(refreshes.get()).as("the SDK tried the refresh token").isPositive();
        assertThat(r.err()).isEqualTo(
                "ecs-top: the SSO session has expired: run aws sso login --profile modern\n");
        assertThat(r.exit()).isEqualTo(ExitCode.AWS);
    }
}
