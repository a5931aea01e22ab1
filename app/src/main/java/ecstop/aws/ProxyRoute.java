package ecstop.aws;

import io.vavr.control.Either;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;

/**
 * The forward proxy the environment asks for, as the AWS CLI reads it: HTTPS_PROXY for
 * https endpoints (AWS's), HTTP_PROXY for http ones, the lower-case names first, and
 * NO_PROXY's hosts and domain suffixes ("*" for all) going direct. The SDK's own reading
 * takes HTTP_PROXY for every endpoint, so an https_proxy alone would be ignored; hence this.
 *
 * @param proxy       http://host:port (the URL-connection client speaks plain HTTP to the proxy)
 * @param nonProxy    regular expressions over host names, as the SDK's client matches them
 */
record ProxyRoute(URI proxy, Optional<String> username, Optional<String> password, Set<String> nonProxy) {

    /**
     * The route for endpoints of {@code scheme} ("https" or "http"); empty when the
     * environment names no proxy for it; Left is one line naming the variable and the fix.
     */
    static Either<String, Optional<ProxyRoute>> fromEnvironment(Map<String, String> env, String scheme) {
        String name = "https".equals(scheme) ? "https_proxy" : "http_proxy";
        Optional<String> variable = firstSet(env, name, name.toUpperCase(Locale.ROOT));
        if (variable.isEmpty()) {
            return Either.right(Optional.empty());
        }
        String value = env.get(variable.get()).strip();
        return parse(value)
                .mapLeft(why -> variable.get() + " '" + printable(value) + "' " + why
                        + "; use http://host:port, optionally with user:password@")
                .map(uri -> Optional.of(new ProxyRoute(
                        URI.create("http://" + bracketed(uri.getHost()) + ":" + (uri.getPort() > 0 ? uri.getPort() : 80)),
                        userInfo(uri, 0), userInfo(uri, 1),
                        firstSet(env, "no_proxy", "NO_PROXY").map(n -> nonProxyPatterns(env.get(n))).orElse(Set.of()))));
    }

    /** Whether a call to {@code host} goes direct, as the SDK's client decides it. */
    boolean bypasses(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return nonProxy.stream().anyMatch(h::matches);
    }

    /** The SDK's proxy settings for this route; neither system properties nor its own env reading may add to it. */
    ProxyConfiguration configuration() {
        return ProxyConfiguration.builder()
                .endpoint(proxy)
                .username(username.orElse(null))
                .password(password.orElse(null))
                .nonProxyHosts(nonProxy)
                .useSystemPropertyValues(false)
                .useEnvironmentVariablesValues(false)
                .build();
    }

    /** No proxy from the environment; Java's own proxy system properties still apply, as in any JVM. */
    static ProxyConfiguration none() {
        return ProxyConfiguration.builder().useEnvironmentVariablesValues(false).build();
    }

    /** No proxy at all, for the emulator on loopback. */
    static ProxyConfiguration direct() {
        return ProxyConfiguration.builder().useEnvironmentVariablesValues(false).useSystemPropertyValues(false).build();
    }

    /**
     * NO_PROXY as curl and Python's requests read it: comma-separated host names, each also
     * covering its subdomains (a leading "." or "*." changes nothing), "*" for every host;
     * a ":port" is ignored, and so are CIDR ranges, which a host-name pattern cannot express.
     */
    static Set<String> nonProxyPatterns(String noProxy) {
        Set<String> patterns = new LinkedHashSet<>();
        for (String raw : noProxy.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.equals("*")) {
                return Set.of(".*");
            }
            if (entry.contains("/")) {
                continue;
            }
            if (entry.startsWith("[")) {
                entry = entry.substring(1, Math.max(1, entry.indexOf(']')));
            } else if (entry.indexOf(':') == entry.lastIndexOf(':') && entry.indexOf(':') > 0) {
                entry = entry.substring(0, entry.indexOf(':'));
            }
            while (entry.startsWith("*") || entry.startsWith(".")) {
                entry = entry.substring(1);
            }
            if (!entry.isEmpty()) {
                patterns.add("(?:.*\\.)?" + Pattern.quote(entry));
            }
        }
        return patterns;
    }

    private static Either<String, URI> parse(String value) {
        String withScheme = value.contains("://") ? value : "http://" + value;
        try {
            URI uri = new URI(withScheme);
            if (!"http".equalsIgnoreCase(uri.getScheme())) {
                return Either.left("is not an http:// proxy (ecs-top speaks plain HTTP to its proxy, TLS through it)");
            }
            if (uri.getHost() == null) {
                return Either.left("names no proxy host");
            }
            return Either.right(uri);
        } catch (URISyntaxException e) {
            return Either.left("is not a proxy URL");
        }
    }

    private static Optional<String> userInfo(URI uri, int part) {
        String info = uri.getUserInfo();
        if (info == null) {
            return Optional.empty();
        }
        String[] parts = info.split(":", 2);
        return part < parts.length ? Optional.of(parts[part]) : Optional.empty();
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static Optional<String> firstSet(Map<String, String> env, String... names) {
        return Arrays.stream(names).filter(n -> env.get(n) != null && !env.get(n).isBlank()).findFirst();
    }

    /** Error lines echo the value: keep escape sequences out of the terminal, and any password out of sight. */
    private static String printable(String value) {
        String hidden = value.replaceAll("//[^/@]*@", "//***@");
        StringBuilder sb = new StringBuilder();
        hidden.codePoints().limit(100).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
