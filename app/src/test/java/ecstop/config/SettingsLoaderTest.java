package ecstop.config;

import static org.assertj.core.api.Assertions.assertThat;

import ecstop.domain.Lookback;
import ecstop.domain.Stat;
import ecstop.domain.Thresholds;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path home;

    private Path userFile(String... lines) throws IOException {
        return ConfigFiles.userFile(home, lines);
    }

    private Either<String, Settings> load(Map<String, String> env, Map<String, String> flags) {
        return SettingsLoader.load(env, home, Optional.empty(), flags);
    }

    @Test
    void nothingSetGivesTheDefaults() {
        assertThat(load(Map.of(), Map.of()).get()).isEqualTo(Settings.DEFAULTS);
        assertThat(Settings.DEFAULTS.lookback()).isEqualTo(Lookback.hours(24));
        assertThat(Settings.DEFAULTS.refresh()).isEqualTo(Duration.ofSeconds(60));
        assertThat(Settings.DEFAULTS.thresholds()).isEqualTo(new Thresholds(80, 95));
    }

    @Test
    void profilesAndRegionsMayBeCommaSeparatedListsFromEverySource() throws IOException {
        userFile("region = us-east-1, eu-west-1", "cross-account = true");

        Settings fromFile = load(Map.of(), Map.of()).get();
        Settings fromEnv = load(Map.of("AWS_REGION", "ap-south-1,us-west-2", "AWS_PROFILE", "prod,dev"), Map.of()).get();
        Settings fromFlags = load(Map.of(), Map.of("profile", "a, b ,a", "region", "eu-central-1")).get();

        assertThat(fromFile.regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(fromFile.profiles()).isEmpty();
        assertThat(fromFile.crossAccount()).isTrue();
        assertThat(fromEnv.regions()).containsExactly("ap-south-1", "us-west-2");
        assertThat(fromEnv.profiles()).containsExactly("prod", "dev");
        assertThat(fromFlags.profiles()).containsExactly("a", "b");
        assertThat(fromFlags.regions()).containsExactly("eu-central-1");
        assertThat(ecstop.aws.Targets.of(fromEnv)).extracting(t -> t.profile().get() + "@" + t.region().get())
                .containsExactly("prod@ap-south-1", "prod@us-west-2", "dev@ap-south-1", "dev@us-west-2");
        assertThat(ecstop.aws.Targets.of(Settings.DEFAULTS)).singleElement()
                .satisfies(t -> assertThat(t.profile().isEmpty() && t.region().isEmpty()).isTrue());
        assertThat(load(Map.of(), Map.of("region", "us-east-1,,eu-west-1")).getLeft())
                .isEqualTo("--region: '' is not a region; use a region code like us-east-1 or eu-west-2, or several separated by commas");
        assertThat(load(Map.of(), Map.of("profile", "prod,")).getLeft())
                .isEqualTo("--profile: 'prod,' names an empty profile; separate profile names with single commas");
    }

    @Test
    void precedenceIsDefaultsThenFileThenEnvironmentThenFlags() throws IOException {
        userFile("lookback = 3d", "stat = avg", "refresh = 30s", "hot = 90", "region = eu-west-1");
        Map<String, String> env = Map.of("ECS_TOP_STAT", "max", "ECS_TOP_REFRESH", "2m", "AWS_REGION", "eu-west-2");
        Map<String, String> flags = Map.of("refresh", "10s");

        Settings s = load(env, flags).get();

        assertThat(s.lookback()).isEqualTo(Lookback.days(3));          // file over default
        assertThat(s.stat()).isEqualTo(Stat.MAX);                     // env over file
        assertThat(s.refresh()).isEqualTo(Duration.ofSeconds(10));    // flag over env
        assertThat(s.thresholds()).isEqualTo(new Thresholds(80, 90)); // file, default warn
        assertThat(s.region()).contains("eu-west-2");                 // AWS_REGION over file
        assertThat(s.format()).isEqualTo(Format.TEXT);                // default
    }

    @Test
    void awsVariablesRankBelowOurOwn() {
        assertThat(load(Map.of("AWS_DEFAULT_REGION", "us-west-2"), Map.of()).get().region()).contains("us-west-2");
        assertThat(load(Map.of("AWS_DEFAULT_REGION", "us-west-2", "AWS_REGION", "us-east-2"), Map.of()).get().region())
                .contains("us-east-2");
        assertThat(load(Map.of("AWS_REGION", "us-east-2", "ECS_TOP_REGION", "ap-south-1"), Map.of()).get().region())
                .contains("ap-south-1");
        assertThat(load(Map.of("AWS_PROFILE", "prod"), Map.of()).get().profile()).contains("prod");
        assertThat(load(Map.of("AWS_PROFILE", "prod"), Map.of("profile", "dev")).get().profile()).contains("dev");
    }

    @Test
    void xdgConfigHomeIsHonouredAndRelativeOnesIgnored() throws IOException {
        Path xdg = home.resolve("xdg");
        Files.createDirectories(xdg.resolve("ecs-top"));
        Files.writeString(xdg.resolve("ecs-top/config.properties"), "stat = avg\n", StandardCharsets.UTF_8);
        userFile("stat = max", "lookback = 6h");

        Settings s = load(Map.of("XDG_CONFIG_HOME", xdg.toString()), Map.of()).get();
        assertThat(s.stat()).isEqualTo(Stat.AVG);
        assertThat(s.lookback()).isEqualTo(Lookback.hours(24)); // the ~/.config file is not read then

        assertThat(SettingsLoader.userFile(Map.of("XDG_CONFIG_HOME", "relative/dir"), home))
                .isEqualTo(home.resolve(".config/ecs-top/config.properties"));
    }

    @Test
    void explicitConfigFileReplacesTheUserFileAndMustExist() throws IOException {
        userFile("stat = avg");
        Path other = home.resolve("other.properties");
        Files.writeString(other, "lookback = 2w\n", StandardCharsets.UTF_8);

        Settings s = SettingsLoader.load(Map.of(), home, Optional.of(other), Map.of()).get();
        assertThat(s.lookback()).isEqualTo(Lookback.days(14));
        assertThat(s.stat()).isEqualTo(Stat.MAX);

        Path missing = home.resolve("nope.properties");
        assertThat(SettingsLoader.load(Map.of(), home, Optional.of(missing), Map.of()).getLeft())
                .isEqualTo(missing + ": config file not found (check --config)");
    }

    @Test
    void aBadValueInTheFileNamesFileLineKeyAndWhatIsAllowed() throws IOException {
        Path f = userFile("# comment", "", "stat = median");
        assertThat(load(Map.of(), Map.of()).getLeft())
                .isEqualTo(f + ":3: stat: 'median' is not allowed; use max, avg");
    }

    @Test
    void everyKindOfBadValueSaysWhatIsAllowed() throws IOException {
        Path f = userFile("lookback = 90x");
        assertThat(load(Map.of(), Map.of()).getLeft()).isEqualTo(
                f + ":1: lookback: '90x' is not a lookback; use a number and a unit m, h, d or w, like 90m, 6h, 3d, 2w");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("refresh = 2s", ":1: refresh: refresh '2s' is out of range; it must be between 5s and 24h");
        expected.put("refresh = soon", ":1: refresh: 'soon' is not a refresh interval; use seconds or a number with s, m or h, like 60s or 5m");
        expected.put("hot = lots", ":1: hot: 'lots' is not a percentage; use a number from 0 to 10000, like 95");
        expected.put("warn = -1", ":1: warn: '-1' is not a percentage; use a number from 0 to 10000, like 95");
        expected.put("ascii = yes", ":1: ascii: 'yes' is not allowed; use true or false");
        expected.put("format = xml", ":1: format: 'xml' is not allowed; use text, json, csv");
        expected.put("colour = 8", ":1: colour: '8' is not allowed; use auto, 16, 256, truecolor, none");
        expected.put("retry-mode = never", ":1: retry-mode: 'never' is not allowed; use standard, adaptive");
        expected.put("region = US East", ":1: region: 'US East' is not a region; use a region code like us-east-1 or eu-west-2, or several separated by commas");
        expected.put("endpoint-url = ftp://x", ":1: endpoint-url: 'ftp://x' is not an endpoint URL; use http(s)://host[:port], like http://127.0.0.1:4566");
        expected.put("cluster = a\u001b[31m", ":1: cluster: 'a?[31m' contains control characters");
        expected.put("percentile = 0", ":1: percentile: '0' is not a percentile; use a number above 0 and at most 100, like 99");
        expected.put("percentile = 100.1", ":1: percentile: '100.1' is not a percentile; use a number above 0 and at most 100, like 99");
        expected.put("headroom = 1001", ":1: headroom: '1001' is not a headroom; use a percentage from 0 to 1000, like 20");
        expected.put("headroom = some", ":1: headroom: 'some' is not a headroom; use a percentage from 0 to 1000, like 20");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            userFile(e.getKey());
            assertThat(load(Map.of(), Map.of()).getLeft()).as(e.getKey()).isEqualTo(f + e.getValue());
        }
    }

    @Test
    void unknownKeysAndMalformedLinesAreErrors() throws IOException {
        Path f = userFile("lookback = 6h", "lookbak = 6h");
        assertThat(load(Map.of(), Map.of()).getLeft()).isEqualTo(f + ":2: unknown key 'lookbak'; known keys: "
                + "profile, region, endpoint-url, cluster, lookback, stat, refresh, warn, hot, ascii, format, colour, retry-mode, "
                + "percentile, headroom, cross-account, mouse, away-refresh, idle-after, budget, alerts, notify, remember, "
                + "threshold.<cpu|memory>.<warn|hot>.<service or pattern>");
        userFile("just some words");
        assertThat(load(Map.of(), Map.of()).getLeft()).isEqualTo(f + ":1: expected 'key = value', got 'just some words'");
    }

    @Test
    void aFileWithSeveralBadLinesReportsEachOfThemInOneRun() throws IOException {
        Path f = userFile("lookback = 6 hours", "# a comment", "stat = max", "refresh = 1s", "colr = none", "hot = 90");
        String error = load(Map.of(), Map.of()).getLeft();
        assertThat(error.lines()).containsExactly(
                f + ":1: lookback: '6 hours' is not a lookback; use a number and a unit m, h, d or w, like 90m, 6h, 3d, 2w",
                f + ":4: refresh: " + error.lines().toList().get(1).substring((f + ":4: refresh: ").length()),
                f + ":5: unknown key 'colr'; known keys: profile, region, endpoint-url, cluster, lookback, stat, refresh, "
                        + "warn, hot, ascii, format, colour, retry-mode, percentile, headroom, cross-account, mouse, "
                        + "away-refresh, idle-after, budget, alerts, notify, remember, "
                        + "threshold.<cpu|memory>.<warn|hot>.<service or pattern>");
        assertThat(error.lines().toList().get(1)).startsWith(f + ":4: refresh: ").contains("1s");
        // nothing of a file with errors is applied: good lines wait until the bad ones are fixed
        userFile("lookback = 6h", "stat = avg");
        assertThat(load(Map.of(), Map.of()).get().lookback()).isEqualTo(Lookback.hours(6));
    }

    @Test
    void aFileThatIsNotUtf8IsReported() throws IOException {
        Path f = userFile();
        Files.write(f, new byte[] {'s', 't', 'a', 't', '=', (byte) 0xff, '\n'});
        assertThat(load(Map.of(), Map.of()).getLeft()).isEqualTo(f + ": not UTF-8 text; save the config file as UTF-8");
    }

    @Test
    void anUnknownEcsTopVariableIsAWarningNotAnError() throws IOException {
        Map<String, String> env = Map.of("ECS_TOP_LOOKBAK", "6h", "ECS_TOP_STAT", "avg", "ECS_TOPPING", "x");

        assertThat(load(env, Map.of()).get().stat()).isEqualTo(Stat.AVG);
        assertThat(SettingsLoader.unknownVariables(env)).singleElement().asString()
                .startsWith("environment variable ECS_TOP_LOOKBAK is not a setting and is ignored; known: ")
                .contains("ECS_TOP_LOOKBACK");
        assertThat(SettingsLoader.unknownVariables(Map.of("ECS_TOP_STAT", "avg", "AWS_REGION", "eu-west-1"))).isEmpty();
        // the same typo in the config file is ecs-top's own: still an error
        userFile("lookbak = 6h");
        assertThat(load(Map.of(), Map.of()).getLeft()).contains("unknown key 'lookbak'");
    }

    @Test
    void environmentErrorsNameTheVariable() {
        assertThat(load(Map.of("ECS_TOP_STAT", "p99"), Map.of()).getLeft())
                .isEqualTo("environment variable ECS_TOP_STAT: 'p99' is not allowed; use max, avg");
        assertThat(load(Map.of("AWS_REGION", "Mars"), Map.of()).getLeft())
                .isEqualTo("environment variable AWS_REGION: 'Mars' is not a region; use a region code like us-east-1 or eu-west-2, or several separated by commas");
    }

    @Test
    void flagErrorsNameTheFlag() {
        assertThat(load(Map.of(), Map.of("lookback", "90x")).getLeft())
                .isEqualTo("--lookback: '90x' is not a lookback; use a number and a unit m, h, d or w, like 90m, 6h, 3d, 2w");
    }

    @Test
    void emptyValuesLeaveTheLayerBelowInForce() throws IOException {
        userFile("region = eu-west-1");
        assertThat(load(Map.of("ECS_TOP_REGION", ""), Map.of()).get().region()).contains("eu-west-1");
    }

    @Test
    void warnAboveHotIsRejectedNamingBothSources() throws IOException {
        Path f = userFile("warn = 97");
        assertThat(load(Map.of(), Map.of()).getLeft())
                .isEqualTo("warn (97.0, " + f + ":1: warn) must not be above hot (95.0, default)");
    }

    @Test
    void theShippedFileDocumentsEveryKeyWithItsDefault() throws IOException {
        Path shipped = Path.of("..", "config", "ecs-top.properties");
        List<String> lines = Files.readAllLines(shipped, StandardCharsets.UTF_8);
        // Uncomment "# key = value" lines: the documented values must be exactly the defaults.
        List<String> active = lines.stream()
                .filter(l -> l.matches("# [a-z-]+ =.*"))
                .map(l -> l.substring(2))
                .collect(Collectors.toList());
        Path f = userFile(active.toArray(new String[0]));

        assertThat(load(Map.of(), Map.of()).get()).isEqualTo(Settings.DEFAULTS);
        assertThat(active.stream().map(l -> l.substring(0, l.indexOf(' '))).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(SettingKey.values()).map(k -> k.file).collect(Collectors.toList()));
        assertThat(f).exists();
    }

    @Test
    void everyKeyHasAnEcsTopVariable() {
        Map<String, String> env = new HashMap<>();
        for (SettingKey k : SettingKey.values()) {
            assertThat(k.env.get(0)).isEqualTo("ECS_TOP_" + k.file.toUpperCase().replace('-', '_'));
        }
        env.put("ECS_TOP_ASCII", "true");
        env.put("ECS_TOP_FORMAT", "json");
        env.put("ECS_TOP_COLOUR", "256");
        env.put("ECS_TOP_RETRY_MODE", "adaptive");
        env.put("ECS_TOP_ENDPOINT_URL", "http://127.0.0.1:4566");
        env.put("ECS_TOP_PERCENTILE", "99.9");
        env.put("ECS_TOP_HEADROOM", "0");
        Settings s = load(env, Map.of()).get();
        assertThat(s.rightsize()).isEqualTo(new ecstop.domain.rightsize.RightsizeRule(99.9, 0));
        assertThat(s.ascii()).isTrue();
        assertThat(s.format()).isEqualTo(Format.JSON);
        assertThat(s.colour()).isEqualTo(ColourMode.C256);
        assertThat(s.retry()).contains(RetryPolicy.ADAPTIVE);
        assertThat(s.endpointUrl()).contains("http://127.0.0.1:4566");
    }
}
