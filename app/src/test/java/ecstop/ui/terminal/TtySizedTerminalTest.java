package ecstop.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import org.junit.jupiter.api.Test;

/** What stty size prints, as the size the screen is laid out for; the tmux tests run the real thing. */
class TtySizedTerminalTest {
    @Test
    void rowsThenColumnsAsSttyPrintsThem() {
        assertThat(TtySizedTerminal.parse("40 120\n")).contains(new TerminalSize(120, 40));
        assertThat(TtySizedTerminal.parse("8 30")).contains(new TerminalSize(30, 8));
    }

    @Test
    void anythingElseFallsBackOnThePositionReport() {
        assertThat(TtySizedTerminal.parse("")).isEmpty();
        assertThat(TtySizedTerminal.parse(null)).isEmpty();
        assertThat(TtySizedTerminal.parse("stty: 'standard input': Inappropriate ioctl for device")).isEmpty();
        // a pty nobody has sized yet reports 0 0
        assertThat(TtySizedTerminal.parse("0 0")).isEmpty();
    }
}
