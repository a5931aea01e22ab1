package ecstop.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One row sent by {@link TickScreen#refreshRow} leaves the terminal as Lanterna's whole-screen refresh would. */
class TickScreenTest {
    private static final TerminalSize SIZE = new TerminalSize(30, 3);

    /** Draws {@code lines} on a fresh screen with a full refresh: the reference. */
    private static List<TextCharacter> full(String... lines) throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(SIZE);
        TickScreen s = new TickScreen(vt);
        s.startScreen();
        put(s, lines);
        s.refresh();
        return cells(vt);
    }

    private static void put(TickScreen s, String... lines) {
        TextGraphics g = s.newTextGraphics();
        for (int r = 0; r < lines.length; r++) {
            g.setForegroundColor(r == 2 ? TextColor.ANSI.RED : TextColor.ANSI.DEFAULT);
            g.putString(0, r, " ".repeat(SIZE.getColumns()));
            g.putString(0, r, lines[r]);
        }
    }

    private static List<TextCharacter> cells(DefaultVirtualTerminal vt) {
        List<TextCharacter> out = new ArrayList<>();
        for (int r = 0; r < SIZE.getRows(); r++) {
            for (int c = 0; c < SIZE.getColumns(); c++) {
                out.add(vt.getCharacter(c, r));
            }
        }
        return out;
    }

    private static void assertRowRefreshMatchesFull(String[] before, String[] after) throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(SIZE);
        TickScreen s = new TickScreen(vt);
        s.startScreen();
        put(s, before);
        s.refresh();
        put(s, after);
        s.refreshRow(2);
        assertThat(cells(vt)).isEqualTo(full(after));
    }

    @Test
    void plainTextChanges() throws IOException {
        assertRowRefreshMatchesFull(new String[] {"top", "middle", "refreshed 9s ago"},
                new String[] {"top", "middle", "refreshed 10s ago"});
    }

    @Test
    void wideCharactersComeAndGo() throws IOException {
        assertRowRefreshMatchesFull(new String[] {"a", "b", "生产 · refreshed 9s"}, new String[] {"a", "b", "prod · refreshed 9s"});
        assertRowRefreshMatchesFull(new String[] {"a", "b", "prod · refreshed 9s"}, new String[] {"a", "b", "生产 · refreshed 9s"});
        assertRowRefreshMatchesFull(new String[] {"a", "b", "x生产y"}, new String[] {"a", "b", "xy生产"});
    }

    @Test
    void anUnchangedRowSendsNothing() throws IOException {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(SIZE);
        TickScreen s = new TickScreen(vt);
        s.startScreen();
        put(s, "a", "b", "c");
        s.refresh();
        vt.putCharacter('!'); // where the cursor was left; a refresh of the row must not repaint over it
        List<TextCharacter> before = cells(vt);
        s.refreshRow(2);
        assertThat(cells(vt)).isEqualTo(before);
    }
}
