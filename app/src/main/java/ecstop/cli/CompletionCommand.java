package ecstop.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ecs-top completion bash|zsh}: prints picocli's completion script for every command,
 * option and the values of --lookback, --stat, --format and --colour. The one script serves
 * both shells: in zsh it loads bashcompinit itself.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {
            "Print a shell completion script for ecs-top.",
            "bash: source <(ecs-top completion bash), e.g. in ~/.bashrc.",
            "zsh: source <(ecs-top completion zsh), e.g. in ~/.zshrc."})
final class CompletionCommand implements Callable<Integer> {
    static final List<String> SHELLS = List.of("bash", "zsh");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash or zsh")
    String shell;

    @Override
    public Integer call() {
        if (!SHELLS.contains(shell)) {
            throw new ParameterException(spec.commandLine(), "no completion for '" + Text.safe(shell) + "'; use bash or zsh");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("ecs-top", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SHELLS.iterator();
        }
    }
}
