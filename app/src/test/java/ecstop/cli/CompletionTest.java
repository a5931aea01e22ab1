package ecstop.cli;

import ecstop.config.WallClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecs-top completion bash|zsh}: the script is sourced into a real bash (and zsh, where
 * it is installed; CI installs it) and its completion function is called the way the shell
 * calls it, with COMP_WORDS and COMP_CWORD; what it offers must be what the parsers take.
 */
class CompletionTest {
    @TempDir
    Path dir;

    @Test
    void bashCompletesTheValuesOfLookbackStatFormatAndColour() throws Exception {
        Path script = script("bash");
        assertThat(bash(script, "ecs-top", "--lookback", "")).containsExactly("1h", "3h", "6h", "12h", "24h", "3d", "7d", "14d", "30d");
        assertThat(bash(script, "ecs-top", "--stat", "")).containsExactly("max", "avg");
        assertThat(bash(script, "ecs-top", "--format", "")).containsExactly("text", "json", "csv");
        assertThat(bash(script, "ecs-top", "--colour", "")).containsExactly("auto", "16", "256", "truecolor", "none");
        assertThat(bash(script, "ecs-top", "--colour", "t")).containsExactly("truecolor");
    }

    @Test
    void bashCompletesFlagsAndCommandsButNotTheHiddenOne() throws Exception {
        Path script = script("bash");
        assertThat(bash(script, "ecs-top", "--lo")).containsExactly("--lookback");
        assertThat(bash(script, "ecs-top", "")).contains("emulator", "completion").doesNotContain("screenshots");
        assertThat(bash(script, "ecs-top", "emulator", "--tok")).containsExactly("--token-buckets");
    }

    @Test
    void everyOfferedValueIsOneTheParserTakes() {
        for (String lookback : new Candidates.Lookbacks()) {
            assertThat(ecstop.domain.Lookback.parse(lookback).isRight()).as(lookback).isTrue();
        }
        for (String colour : new Candidates.Colours()) {
            assertThat(run("--colour", colour, "--version")).as(colour).isZero();
        }
    }

    @Test
    void zshSourcesTheSameScriptThroughBashcompinit() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/zsh"))) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI needs zsh for the completion test: apt-get install -y zsh (.ci/run does)");
            }
            org.junit.jupiter.api.Assumptions.abort("zsh is not installed");
        }
        Path script = script("zsh");
        // what bashcompinit's wrapper does before it calls a bash completion function
        String out = shell(List.of("/usr/bin/zsh", "-f", "-c",
                "source \"$1\"; print -r -- \"registered=${_comps[ecs-top]}\"; setopt ksharrays; "
                        + "COMP_WORDS=(ecs-top --stat ''); COMP_CWORD=2; _complete_ecs-top; print -rl -- \"${COMPREPLY[@]}\"",
                "zsh", script.toString()));
        assertThat(out.lines().toList()).contains("max", "avg")
                .anySatisfy(l -> assertThat(l).startsWith("registered=").contains("_complete_ecs-top"));
    }

    @Test
    void anyOtherShellIsAUsageError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"completion", "fish"}, environment(new ByteArrayOutputStream(), err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("ecs-top: no completion for 'fish'; use bash or zsh (try --help)\n");
    }

    private Path script(String shell) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Main.run(new String[] {"completion", shell}, environment(out, new ByteArrayOutputStream()))).isZero();
        return Files.writeString(dir.resolve("ecs-top." + shell), out.toString(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return Main.run(args, environment(new ByteArrayOutputStream(), new ByteArrayOutputStream()));
    }

    private CliEnvironment environment(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new CliEnvironment(Map.of(), dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false,
                s -> { throw new AssertionError("no AWS for completion"); }, () -> WallClock.utc().instant(), false);
    }

    /** What bash's completion offers for the command line {@code words}, the cursor in the last word. */
    private static List<String> bash(Path script, String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String out = shell(List.of("bash", "--norc", "--noprofile", "-c",
                "source \"$1\"; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                        + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_ecs-top 2>/dev/null; "
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", script.toString()));
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String shell(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
