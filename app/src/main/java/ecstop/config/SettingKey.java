package ecstop.config;

import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import io.vavr.control.Either;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One setting: its name in the config file (also the flag's name without "--"), its
 * environment variables (highest precedence first) and how its text becomes a value.
 * Every parser's error says what it got and what is allowed.
 */
enum SettingKey {
    PROFILE("profile", List.of("ECS_TOP_PROFILE", "AWS_PROFILE"), SettingKey::profiles),
    REGION("region", List.of("ECS_TOP_REGION", "AWS_REGION", "AWS_DEFAULT_REGION"), SettingKey::region),
    ENDPOINT_URL("endpoint-url", List.of("ECS_TOP_ENDPOINT_URL"), SettingKey::endpoint),
    CLUSTER("cluster", List.of("ECS_TOP_CLUSTER"), SettingKey::name),
    LOOKBACK("lookback", List.of("ECS_TOP_LOOKBACK"), t -> Lookback.parse(t).map(l -> (Object) l)),
    STAT("stat", List.of("ECS_TOP_STAT"), t -> oneOf(t, Arrays.asList(Stat.values()), Stat::key)),
    REFRESH("refresh", List.of("ECS_TOP_REFRESH"), SettingKey::refresh),
    WARN("warn", List.of("ECS_TOP_WARN"), SettingKey::percent),
    HOT("hot", List.of("ECS_TOP_HOT"), SettingKey::percent),
    ASCII("ascii", List.of("ECS_TOP_ASCII"), SettingKey::bool),
    FORMAT("format", List.of("ECS_TOP_FORMAT"),
            t -> oneOf(t, Arrays.asList(Format.values()), f -> f.name().toLowerCase(Locale.ROOT))),
    COLOUR("colour", List.of("ECS_TOP_COLOUR"), t -> oneOf(t, Arrays.asList(ColourMode.values()), ColourMode::key)),
    RETRY_MODE("retry-mode", List.of("ECS_TOP_RETRY_MODE"),
            t -> oneOf(t, Arrays.asList(RetryPolicy.values()), r -> r.name().toLowerCase(Locale.ROOT))),
    PERCENTILE("percentile", List.of("ECS_TOP_PERCENTILE"), SettingKey::percentile),
    HEADROOM("headroom", List.of("ECS_TOP_HEADROOM"), SettingKey::headroom),
    CROSS_ACCOUNT("cross-account", List.of("ECS_TOP_CROSS_ACCOUNT"), SettingKey::bool),
    MOUSE("mouse", List.of("ECS_TOP_MOUSE"), SettingKey::bool),
    AWAY_REFRESH("away-refresh", List.of("ECS_TOP_AWAY_REFRESH"), SettingKey::refresh),
    IDLE_AFTER("idle-after", List.of("ECS_TOP_IDLE_AFTER"), SettingKey::idleAfter),
    BUDGET("budget", List.of("ECS_TOP_BUDGET"), SettingKey::dollars),
    ALERTS("alerts", List.of("ECS_TOP_ALERTS"), SettingKey::bool),
    NOTIFY("notify", List.of("ECS_TOP_NOTIFY"), t -> oneOf(t, Arrays.asList(Notify.values()), Notify::key)),
    REMEMBER("remember", List.of("ECS_TOP_REMEMBER"), SettingKey::bool);

    private static final Pattern REFRESH_FORM = Pattern.compile("(\\d{1,6})\\s*([smh]?)");
    private static final Pattern REGION_FORM = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Duration MAX_REFRESH = Duration.ofHours(24);

    final String file;
    final List<String> env;
    private final Function<String, Either<String, Object>> parser;

    SettingKey(String file, List<String> env, Function<String, Either<String, Object>> parser) {
        this.file = file;
        this.env = env;
        this.parser = parser;
    }

    Either<String, Object> parse(String text) {
        return parser.apply(text.trim());
    }

    static Optional<SettingKey> byFile(String name) {
        return Arrays.stream(values()).filter(k -> k.file.equals(name)).findFirst();
    }

    static String fileNames() {
        return Arrays.stream(values()).map(k -> k.file).collect(Collectors.joining(", "));
    }

    private static Either<String, Object> name(String t) {
        return t.chars().anyMatch(Character::isISOControl)
                ? Either.left("'" + printable(t) + "' contains control characters")
                : Either.right(t);
    }

    /** One region, or several separated by commas (each profile × each region is a target). */
    private static Either<String, Object> region(String t) {
        for (String one : t.split(",", -1)) {
            if (!REGION_FORM.matcher(one.trim()).matches()) {
                return Either.left("'" + printable(one.trim()) + "' is not a region; use a region code like us-east-1"
                        + " or eu-west-2, or several separated by commas");
            }
        }
        return Either.right(t);
    }

    /** One profile, or several separated by commas. */
    private static Either<String, Object> profiles(String t) {
        for (String one : t.split(",", -1)) {
            if (one.isBlank()) {
                return Either.left("'" + printable(t) + "' names an empty profile; separate profile names with single commas");
            }
        }
        return name(t);
    }

    private static Either<String, Object> endpoint(String t) {
        try {
            URI u = new URI(t);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return Either.right(t);
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        return Either.left("'" + printable(t) + "' is not an endpoint URL; use http(s)://host[:port], like http://127.0.0.1:4566");
    }

    private static Either<String, Object> refresh(String t) {
        Matcher m = REFRESH_FORM.matcher(t.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Either.left("'" + printable(t) + "' is not a refresh interval; use seconds or a number with s, m or h, like 60s or 5m");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.compareTo(Settings.MIN_REFRESH) < 0 || d.compareTo(MAX_REFRESH) > 0) {
            return Either.left("refresh '" + t + "' is out of range; it must be between 5s and 24h");
        }
        return Either.right(d);
    }

    /** A duration like refresh, or 0 (or off) for "keys never count". */
    private static Either<String, Object> idleAfter(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        if (l.equals("0") || l.equals("off")) {
            return Either.right(Duration.ZERO);
        }
        return refresh(t).mapLeft(e -> "'" + printable(t) + "' is not an idle time; use 0 (off) or a duration from 5s to 24h, like 15m");
    }

    /** US dollars a day, 0 for no limit. */
    private static Either<String, Object> dollars(String t) {
        try {
            double v = Double.parseDouble(t.startsWith("$") ? t.substring(1) : t);
            if (v >= 0 && v <= 1_000_000) {
                return Either.right(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Either.left("'" + printable(t) + "' is not a budget; use dollars a day, like 1.00, or 0 for no limit");
    }

    private static Either<String, Object> percent(String t) {
        try {
            double v = Double.parseDouble(t);
            if (v >= 0 && v <= 10_000) {
                return Either.right(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Either.left("'" + printable(t) + "' is not a percentage; use a number from 0 to 10000, like 95");
    }

    /** Right-sizing's percentile of the per-period maxima: above 0, at most 100. */
    private static Either<String, Object> percentile(String t) {
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && v <= 100) {
                return Either.right(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Either.left("'" + printable(t) + "' is not a percentile; use a number above 0 and at most 100, like 99");
    }

    /** Right-sizing's headroom over the observed use, in percent. */
    private static Either<String, Object> headroom(String t) {
        try {
            double v = Double.parseDouble(t);
            if (v >= 0 && v <= ecstop.domain.rightsize.RightsizeRule.MAX_HEADROOM) {
                return Either.right(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return Either.left("'" + printable(t) + "' is not a headroom; use a percentage from 0 to 1000, like 20");
    }

    private static Either<String, Object> bool(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        if (l.equals("true") || l.equals("false")) {
            return Either.right(Boolean.valueOf(l));
        }
        return Either.left("'" + printable(t) + "' is not allowed; use true or false");
    }

    private static <T> Either<String, Object> oneOf(String t, List<T> choices, Function<T, String> word) {
        String l = t.toLowerCase(Locale.ROOT);
        for (T c : choices) {
            if (word.apply(c).equals(l)) {
                return Either.right(c);
            }
        }
        return Either.left("'" + printable(t) + "' is not allowed; use "
                + choices.stream().map(word).collect(Collectors.joining(", ")));
    }

    /** Bad input is echoed in error lines: keep escape sequences out of the terminal. */
    static String printable(String t) {
        StringBuilder sb = new StringBuilder();
        t.codePoints().limit(80).forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
