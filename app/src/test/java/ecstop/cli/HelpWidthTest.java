package ecstop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help, hidden ones included, as an 80-column terminal shows it. picocli
 * wraps each paragraph (one description string, one option's description) to the width;
 * what it cannot mend is a sentence the source broke across two strings, which at 80
 * columns wraps mid-sentence twice ("...over the" / "real AWS" / "wire protocols").
 */
class HelpWidthTest {
    static final int WIDTH = 80;
    /** Where a paragraph may end: a sentence, a clause, a closing bracket, or a value list. */
    private static final Pattern ENDS_A_PARAGRAPH = Pattern.compile(".*[.:;!?)]$");

    @Test
    void everyCommandsHelpFitsEightyColumns() {
        for (CommandLine c : commands()) {
            c.setUsageHelpAutoWidth(false);
            c.setUsageHelpWidth(WIDTH);
            String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(help.lines()).as("%s --help at %d columns:%n%s", c.getCommandName(), WIDTH, help)
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(WIDTH));
        }
    }

    @Test
    void noSentenceIsSplitAcrossTwoDescriptionStrings() {
        for (CommandLine c : commands()) {
            List<String[]> paragraphs = new ArrayList<>();
            paragraphs.add(lines(c.getCommandSpec().usageMessage().description()));
            c.getCommandSpec().options().forEach(o -> paragraphs.add(lines(o.description())));
            c.getCommandSpec().positionalParameters().forEach(p -> paragraphs.add(lines(p.description())));
            for (String[] lines : paragraphs) {
                for (int i = 0; i + 1 < lines.length; i++) {
                    assertThat(lines[i].strip())
                            .as("%s: a description line that the next one continues (make it one string, "
                                    + "picocli wraps it):%n%s%n%s", c.getCommandName(), lines[i], lines[i + 1])
                            .matches(ENDS_A_PARAGRAPH);
                }
            }
        }
    }

    @Test
    void theEmulatorsHelpKeepsItsFirstSentenceTogether() {
        CommandLine emulator = new CommandLine(new Main(null)).getSubcommands().get("emulator");
        emulator.setUsageHelpAutoWidth(false);
        emulator.setUsageHelpWidth(WIDTH);
        String help = emulator.getUsageMessage(CommandLine.Help.Ansi.OFF);
        List<String> lines = help.lines().toList();
        int first = lines.indexOf(lines.stream().filter(l -> l.startsWith("Serve ")).findFirst().orElseThrow());
        // wrapped greedily: the next line's first word would not have fitted on the first
        String nextWord = lines.get(first + 1).strip().split(" ")[0];
        assertThat(lines.get(first).length() + 1 + nextWord.length()).as(help).isGreaterThan(WIDTH);
        assertThat(lines.get(first + 1)).as(help).endsWith("until interrupted.");
    }

    /** The root and every subcommand below it. */
    private static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        collect(new CommandLine(new Main(null)), all);
        assertThat(all).extracting(CommandLine::getCommandName).contains("ecs-top", "emulator", "completion", "screenshots");
        return all;
    }

    private static void collect(CommandLine c, List<CommandLine> into) {
        into.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, into));
    }

    /** A description array as picocli prints it: each string, and each %n within one, a line. */
    private static String[] lines(String[] description) {
        return String.join("%n", description).split("%n");
    }
}
