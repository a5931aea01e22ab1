package ecstop.config;

import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import ecstop.domain.Governor;
import ecstop.domain.ThresholdRule;
import ecstop.domain.Thresholds;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Merges defaults &lt; the user's file &lt; the environment &lt; flags into {@link Settings}.
 * Pure apart from reading the one config file: the environment, the home directory and
 * the flags are passed in, so tests never touch the real home. Every error is one line
 * naming where the bad value came from (file and line, variable or flag) and what is
 * allowed; unknown keys are errors too, so a typo is never silently ignored.
 */
public final class SettingsLoader {
    static final String ENV_PREFIX = "ECS_TOP_";

    private final Map<Key, Object> values = new EnumMap<>(Key.class);
    private final Map<Key, String> origins = new EnumMap<>(Key.class);
    private final List<ThresholdRule> rules = new ArrayList<>();

    private SettingsLoader() {}

    /**
     * @param env        the process environment (System.getenv() in production)
     * @param home       the user's home directory
     * @param configFile {@code --config FILE}; when given it must exist
     * @param flags      flag values by key name ("lookback", "endpoint-url"…), as typed
     */
    public static Either<String, Settings> load(
            Map<String, String> env, Path home, Optional<Path> configFile, Map<String, String> flags) {
        return load(env, home, configFile, flags, Map.of());
    }

    /**
     * As {@link #load(Map, Path, Optional, Map)}, with {@code remembered} (key name to text,
     * like the file's: what the last session on this profile and region was looking at) as a
     * layer just above the defaults: the file, the environment and the flags all win over it.
     * The caller has checked these values; one that does not parse here is skipped.
     */
    public static Either<String, Settings> load(Map<String, String> env, Path home, Optional<Path> configFile,
                                                Map<String, String> flags, Map<String, String> remembered) {
        SettingsLoader l = new SettingsLoader();
        remembered.forEach((name, text) -> Key.byFile(name).ifPresent(k -> l.set(k, text, "remembered " + name)));
        Optional<String> error = l.file(configFile.orElse(userFile(env, home)), configFile.isPresent())
                .or(() -> l.environment(env))
                .or(() -> l.flags(flags));
        return error.isPresent() ? Either.left(error.get()) : l.settings();
    }

    /** {@code $XDG_CONFIG_HOME/ecs-top/config.properties}, else {@code ~/.config/ecs-top/config.properties}. */
    public static Path userFile(Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says relative paths are invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("ecs-top").resolve("config.properties");
    }

    private Optional<String> file(Path path, boolean required) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return required ? Optional.of(path + ": config file not found (check --config)") : Optional.empty();
        } catch (MalformedInputException e) {
            return Optional.of(path + ": not UTF-8 text; save the config file as UTF-8");
        } catch (IOException e) {
            return Optional.of(path + ": cannot read the config file (" + e.getMessage() + ")");
        }
        for (int i = 0; i < lines.size(); i++) {
            String where = path + ":" + (i + 1);
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = indexOfSeparator(line);
            if (eq <= 0) {
                return Optional.of(where + ": expected 'key = value', got '" + Key.printable(line) + "'");
            }
            String name = line.substring(0, eq).strip();
            Optional<Key> key = Key.byFile(name);
            Optional<Either<String, ThresholdRule>> rule = ThresholdKeys.parse(name, line.substring(eq + 1).strip());
            if (rule.isPresent()) {
                if (rule.get().isLeft()) {
                    return Optional.of(where + ": " + rule.get().getLeft());
                }
                rules.add(rule.get().get());
                continue;
            }
            if (key.isEmpty()) {
                return Optional.of(where + ": unknown key '" + Key.printable(name) + "'; known keys: " + Key.fileNames()
                        + ", " + ThresholdKeys.help());
            }
            Optional<String> bad = set(key.get(), line.substring(eq + 1), where + ": " + name);
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) return colon;
        if (colon < 0) return eq;
        return Math.min(eq, colon);
    }

    private Optional<String> environment(Map<String, String> env) {
        TreeSet<String> known = new TreeSet<>();
        for (Key k : Key.values()) {
            known.addAll(k.env);
        }
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith(ENV_PREFIX) && !known.contains(name)) {
                return Optional.of("environment variable " + Key.printable(name) + " is not a setting; known: "
                        + known.stream().filter(n -> n.startsWith(ENV_PREFIX)).collect(Collectors.joining(", ")));
            }
        }
        for (Key k : Key.values()) {
            // Lowest precedence first, so ECS_TOP_REGION beats AWS_REGION beats AWS_DEFAULT_REGION.
            for (int i = k.env.size() - 1; i >= 0; i--) {
                String name = k.env.get(i);
                String v = env.get(name);
                if (v != null) {
                    Optional<String> bad = set(k, v, "environment variable " + name);
                    if (bad.isPresent()) {
                        return bad;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> flags(Map<String, String> flags) {
        for (Map.Entry<String, String> f : flags.entrySet()) {
            Optional<Key> key = Key.byFile(f.getKey());
            if (key.isEmpty()) {
                throw new IllegalArgumentException("no setting behind flag --" + f.getKey());
            }
            if (f.getValue() != null) {
                Optional<String> bad = set(key.get(), f.getValue(), "--" + f.getKey());
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        return Optional.empty();
    }

    /** An empty value means "not set here": the layer below stays in force. */
    private Optional<String> set(Key key, String text, String origin) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Either<String, Object> v = key.parse(text);
        if (v.isLeft()) {
            return Optional.of(origin + ": " + v.getLeft());
        }
        values.put(key, v.get());
        origins.put(key, origin);
        return Optional.empty();
    }

    private Either<String, Settings> settings() {
        Settings d = Settings.DEFAULTS;
        double warn = (double) values.getOrDefault(Key.WARN, d.thresholds().warn());
        double hot = (double) values.getOrDefault(Key.HOT, d.thresholds().hot());
        if (warn > hot) {
            return Either.left("warn (" + warn + ", " + origins.getOrDefault(Key.WARN, "default")
                    + ") must not be above hot (" + hot + ", " + origins.getOrDefault(Key.HOT, "default") + ")");
        }
        return Either.right(new Settings(
                text(Key.PROFILE), text(Key.REGION), text(Key.ENDPOINT_URL), text(Key.CLUSTER),
                (Lookback) values.getOrDefault(Key.LOOKBACK, d.lookback()),
                (Stat) values.getOrDefault(Key.STAT, d.stat()),
                (Duration) values.getOrDefault(Key.REFRESH, d.refresh()),
                new Thresholds(warn, hot, rules),
                (boolean) values.getOrDefault(Key.ASCII, d.ascii()),
                (Format) values.getOrDefault(Key.FORMAT, d.format()),
                (ColourMode) values.getOrDefault(Key.COLOUR, d.colour()),
                (RetryPolicy) values.getOrDefault(Key.RETRY_MODE, d.retry()),
                allDay(d.allDay())));
    }

    private AllDay allDay(AllDay d) {
        Governor g = d.governor();
        return new AllDay(new Governor(
                (Duration) values.getOrDefault(Key.AWAY_REFRESH, g.awayRefresh()),
                (Duration) values.getOrDefault(Key.IDLE_AFTER, g.idleAfter()),
                (double) values.getOrDefault(Key.BUDGET, g.budgetUsdPerDay())),
                (boolean) values.getOrDefault(Key.ALERTS, d.alerts()),
                (Notify) values.getOrDefault(Key.NOTIFY, d.desktop()),
                (boolean) values.getOrDefault(Key.REMEMBER, d.remember()));
    }

    private Optional<String> text(Key k) {
        return Optional.ofNullable((String) values.get(k));
    }
}
