package ecstop.config;

import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import ecstop.domain.Governor;
import ecstop.domain.ThresholdRule;
import ecstop.domain.Thresholds;
import ecstop.domain.rightsize.RightsizeRule;
import io.vavr.control.Either;
import io.vavr.control.Validation;
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
 * allowed; unknown keys in the file are errors too, so a typo is never silently ignored,
 * and a file with several bad lines gets a line for each, in one run. Unknown ECS_TOP_*
 * variables are only warnings ({@link #unknownVariables}).
 */
public final class SettingsLoader {
    static final String ENV_PREFIX = "ECS_TOP_";

    private final Map<SettingKey, Object> values = new EnumMap<>(SettingKey.class);
    private final Map<SettingKey, String> origins = new EnumMap<>(SettingKey.class);
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
        remembered.forEach((name, text) -> SettingKey.byFile(name).ifPresent(k -> l.set(k, text, "remembered " + name)));
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
        // Every line is checked, so a file with three bad lines says so once, not one run at a time.
        List<Validation<io.vavr.collection.List<String>, Parsed>> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("!")) {
                checked.add(line(line, path + ":" + (i + 1)).mapError(io.vavr.collection.List::of));
            }
        }
        return Validation.sequence(checked).fold(
                errors -> Optional.of(errors.mkString("\n")),
                parsed -> {
                    parsed.forEach(v -> {
                        if (v instanceof Parsed.Setting set) {
                            store(set.key(), set.value(), set.origin());
                        } else if (v instanceof Parsed.Rule rule) {
                            rules.add(rule.rule());
                        }
                    });
                    return Optional.empty();
                });
    }

    /** A config line's setting or per-service threshold, or what is wrong with it. */
    private static Validation<String, Parsed> line(String line, String where) {
        int eq = indexOfSeparator(line);
        if (eq <= 0) {
            return Validation.invalid(where + ": expected 'key = value', got '" + SettingKey.printable(line) + "'");
        }
        String name = line.substring(0, eq).strip();
        String text = line.substring(eq + 1);
        Optional<Either<String, ThresholdRule>> rule = ThresholdKeys.parse(name, text.strip());
        if (rule.isPresent()) {
            return Validation.fromEither(rule.get().<Parsed>map(Parsed.Rule::new).mapLeft(e -> where + ": " + e));
        }
        Optional<SettingKey> key = SettingKey.byFile(name);
        if (key.isEmpty()) {
            return Validation.invalid(where + ": unknown key '" + SettingKey.printable(name) + "'; known keys: "
                    + SettingKey.fileNames() + ", " + ThresholdKeys.help());
        }
        String origin = where + ": " + name;
        // an empty value means "not set here": the layer below stays in force
        return text.isBlank() ? Validation.valid(new Parsed.Setting(key.get(), null, origin))
                : Validation.fromEither(key.get().parse(text).mapLeft(e -> origin + ": " + e))
                        .map(v -> new Parsed.Setting(key.get(), v, origin));
    }

    /** One line of the file, parsed: a setting (a null value leaves the layer below in force) or a threshold rule. */
    private sealed interface Parsed {
        record Setting(SettingKey key, Object value, String origin) implements Parsed {}

        record Rule(ThresholdRule rule) implements Parsed {}
    }

    private void store(SettingKey key, Object value, String origin) {
        if (value != null) {
            values.put(key, value);
            origins.put(key, origin);
        }
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) return colon;
        if (colon < 0) return eq;
        return Math.min(eq, colon);
    }

    /**
     * One warning line for each ECS_TOP_* variable that names no setting. A warning, not an
     * error: a variable exported for some other script must not stop the tool (a typo in
     * the config file, which is ecs-top's alone, stays an error).
     */
    public static List<String> unknownVariables(Map<String, String> env) {
        TreeSet<String> known = new TreeSet<>();
        for (SettingKey k : SettingKey.values()) {
            known.addAll(k.env);
        }
        String listed = known.stream().filter(n -> n.startsWith(ENV_PREFIX)).collect(Collectors.joining(", "));
        return new TreeSet<>(env.keySet()).stream()
                // the test runs' clock is for every process of a run, not a setting (see WallClock)
                .filter(name -> name.startsWith(ENV_PREFIX) && !known.contains(name) && !name.equals(WallClock.OFFSET_VARIABLE))
                .map(name -> "environment variable " + SettingKey.printable(name) + " is not a setting and is ignored; known: "
                        + listed)
                .toList();
    }

    private Optional<String> environment(Map<String, String> env) {
        for (SettingKey k : SettingKey.values()) {
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
            Optional<SettingKey> key = SettingKey.byFile(f.getKey());
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
    private Optional<String> set(SettingKey key, String text, String origin) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        return key.parse(text).fold(e -> Optional.of(origin + ": " + e), v -> {
            store(key, v, origin);
            return Optional.empty();
        });
    }

    private Either<String, Settings> settings() {
        Settings d = Settings.DEFAULTS;
        double warn = (double) values.getOrDefault(SettingKey.WARN, d.thresholds().warn());
        double hot = (double) values.getOrDefault(SettingKey.HOT, d.thresholds().hot());
        if (warn > hot) {
            return Either.left("warn (" + warn + ", " + origins.getOrDefault(SettingKey.WARN, "default")
                    + ") must not be above hot (" + hot + ", " + origins.getOrDefault(SettingKey.HOT, "default") + ")");
        }
        return Either.right(new Settings(
                text(SettingKey.PROFILE), text(SettingKey.REGION), text(SettingKey.ENDPOINT_URL), text(SettingKey.CLUSTER),
                (Lookback) values.getOrDefault(SettingKey.LOOKBACK, d.lookback()),
                (Stat) values.getOrDefault(SettingKey.STAT, d.stat()),
                (Duration) values.getOrDefault(SettingKey.REFRESH, d.refresh()),
                new Thresholds(warn, hot, rules),
                (boolean) values.getOrDefault(SettingKey.ASCII, d.ascii()),
                (Format) values.getOrDefault(SettingKey.FORMAT, d.format()),
                (ColourMode) values.getOrDefault(SettingKey.COLOUR, d.colour()),
                Optional.ofNullable((RetryPolicy) values.get(SettingKey.RETRY_MODE)),
                new RightsizeRule((double) values.getOrDefault(SettingKey.PERCENTILE, d.rightsize().percentile()),
                        (double) values.getOrDefault(SettingKey.HEADROOM, d.rightsize().headroomPercent())),
                (boolean) values.getOrDefault(SettingKey.CROSS_ACCOUNT, d.crossAccount()),
                (boolean) values.getOrDefault(SettingKey.MOUSE, d.mouse()),
                allDay(d.allDay())));
    }

    private AllDay allDay(AllDay d) {
        Governor g = d.governor();
        return new AllDay(new Governor(
                (Duration) values.getOrDefault(SettingKey.AWAY_REFRESH, g.awayRefresh()),
                (Duration) values.getOrDefault(SettingKey.IDLE_AFTER, g.idleAfter()),
                (double) values.getOrDefault(SettingKey.BUDGET, g.budgetUsdPerDay())),
                (boolean) values.getOrDefault(SettingKey.ALERTS, d.alerts()),
                (Notify) values.getOrDefault(SettingKey.NOTIFY, d.desktop()),
                (boolean) values.getOrDefault(SettingKey.REMEMBER, d.remember()));
    }

    private Optional<String> text(SettingKey k) {
        return Optional.ofNullable((String) values.get(k));
    }
}
