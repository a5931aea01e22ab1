package ecstop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The proxy variables as the AWS CLI (Python's requests) reads them. */
class ProxyRouteTest {
    private static ProxyRoute route(Map<String, String> env, String scheme) {
        return ProxyRoute.fromEnvironment(env, scheme).get().orElseThrow();
    }

    @Test
    void httpsEndpointsTakeHttpsProxyAndHttpEndpointsHttpProxy() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://secure:3128", "HTTP_PROXY", "http://plain:8080");
        assertThat(route(env, "https").proxy()).isEqualTo(URI.create("http://secure:3128"));
        assertThat(route(env, "http").proxy()).isEqualTo(URI.create("http://plain:8080"));
        assertThat(ProxyRoute.fromEnvironment(Map.of("HTTP_PROXY", "http://plain:8080"), "https").get()).isEmpty();
        assertThat(ProxyRoute.fromEnvironment(Map.of(), "https").get()).isEmpty();
        assertThat(ProxyRoute.fromEnvironment(Map.of("HTTPS_PROXY", "  "), "https").get()).as("blank is unset").isEmpty();
    }

    @Test
    void lowerCaseNamesComeFirstAndTheSchemeAndPortHaveDefaults() {
        assertThat(route(Map.of("https_proxy", "lower:1", "HTTPS_PROXY", "upper:2"), "https").proxy())
                .isEqualTo(URI.create("http://lower:1"));
        assertThat(route(Map.of("HTTPS_PROXY", "proxy.corp"), "https").proxy()).isEqualTo(URI.create("http://proxy.corp:80"));
    }

    @Test
    void userAndPasswordComeFromTheUrl() {
        ProxyRoute r = route(Map.of("HTTPS_PROXY", "http://me:s%40cret@proxy:3128"), "https");
        assertThat(r.proxy()).isEqualTo(URI.create("http://proxy:3128"));
        assertThat(r.username()).contains("me");
        assertThat(r.password()).contains("s@cret");
        assertThat(route(Map.of("HTTPS_PROXY", "http://proxy:3128"), "https").username()).isEmpty();
    }

    @Test
    void noProxyListsHostsAndDomainsThatGoDirect() {
        ProxyRoute r = route(Map.of("HTTPS_PROXY", "http://p:1",
                "NO_PROXY", " .internal.corp, monitoring.eu-west-1.amazonaws.com:443,*.vpce.amazonaws.com,10.0.0.0/8, [::1]"),
                "https");
        assertThat(r.bypasses("db.internal.corp")).isTrue();
        assertThat(r.bypasses("internal.corp")).isTrue();
        assertThat(r.bypasses("Monitoring.EU-West-1.amazonaws.com")).isTrue();
        assertThat(r.bypasses("x.vpce.amazonaws.com")).isTrue();
        assertThat(r.bypasses("::1")).isTrue();
        assertThat(r.bypasses("ecs.eu-west-1.amazonaws.com")).isFalse();
        assertThat(r.bypasses("notinternal.corp")).as("a suffix match is by whole labels").isFalse();
        assertThat(r.bypasses("internal.corp.evil.com")).isFalse();

        assertThat(route(Map.of("HTTPS_PROXY", "p:1", "no_proxy", "*"), "https").bypasses("anything.at.all")).isTrue();
        assertThat(route(Map.of("HTTPS_PROXY", "p:1"), "https").nonProxy()).isEmpty();
    }

    @Test
    void theSdkClientIsGivenTheRouteAndNothingElse() {
        ProxyRoute r = route(Map.of("HTTPS_PROXY", "http://u:pw@proxy:3128", "NO_PROXY", "internal"), "https");
        var c = r.configuration();
        assertThat(c.host()).isEqualTo("proxy");
        assertThat(c.port()).isEqualTo(3128);
        assertThat(c.username()).isEqualTo("u");
        assertThat(c.password()).isEqualTo("pw");
        assertThat(c.nonProxyHosts()).containsExactlyElementsOf(r.nonProxy());
        assertThat(ProxyRoute.none().host()).as("no proxy unless Java's own properties ask").isNull();
    }

    @Test
    void aBadValueIsOneLineNamingTheVariableWithoutThePassword() {
        assertThat(ProxyRoute.fromEnvironment(Map.of("HTTPS_PROXY", "https://u:secret@proxy:443"), "https").getLeft())
                .startsWith("HTTPS_PROXY 'https://***@proxy:443' is not an http:// proxy")
                .doesNotContain("secret").endsWith("use http://host:port, optionally with user:password@");
        assertThat(ProxyRoute.fromEnvironment(Map.of("http_proxy", "http://exa mple:80"), "http").getLeft())
                .startsWith("http_proxy 'http://exa mple:80' is not a proxy URL");
        assertThat(ProxyRoute.fromEnvironment(Map.of("HTTPS_PROXY", "socks5://p:1080"), "https").isLeft()).isTrue();
        assertThat(ProxyRoute.fromEnvironment(Map.of("HTTPS_PROXY", "http://:3128"), "https").getLeft())
                .contains("names no proxy host");
        assertThat(ProxyRoute.fromEnvironment(Map.of("HTTPS_PROXY", "x"), "https").map(Optional::isPresent).get()).isTrue();
    }
}
