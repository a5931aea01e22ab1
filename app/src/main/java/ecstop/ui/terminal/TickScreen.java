package ecstop.ui.terminal;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.screen.ScreenBuffer;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.IOException;
import java.util.EnumSet;

/**
 * A TerminalScreen that can send one row to the terminal. Lanterna's own refresh compares
 * every cell of the back buffer with the front one, twice (whether the frame is "very
 * different", then the delta): three quarters of an idle second's drawing when all that
 * moved is the status bar's clock. {@link #refreshRow} compares that one row and writes what
 * changed the way Lanterna's delta refresh does (wide characters included), then copies the
 * row to the front buffer.
 */
final class TickScreen extends TerminalScreen {
    TickScreen(Terminal terminal) throws IOException {
        super(terminal);
    }

    /** Sends the changes drawn on one row since the last refresh, and nothing else; the cursor stays hidden. */
    synchronized void refreshRow(int row) throws IOException {
        int columns = getTerminalSize().getColumns();
        if (row < 0 || row >= getTerminalSize().getRows()) {
            return;
        }
        ScreenBuffer back = getBackBuffer();
        ScreenBuffer front = getFrontBuffer();
        TextCharacter[] updates = new TextCharacter[columns];
        boolean any = false;
        for (int x = 0; x < columns; x++) {
            TextCharacter want = back.getCharacterAt(x, row);
            TextCharacter shown = front.getCharacterAt(x, row);
            if (!want.equals(shown)) {
                updates[x] = want;
                any = true;
            }
            if (want.isDoubleWidth()) {
                x++; // its trailing padding
            } else if (shown.isDoubleWidth() && x + 1 < columns) {
                // the wide character shown here covered the next column too
                updates[x + 1] = shown.withCharacter(' ');
                any = true;
            }
        }
        if (any) {
            write(updates, row);
        }
        back.copyTo(front, row, 1, 0, columns, row, 0);
    }

    private void write(TextCharacter[] updates, int row) throws IOException {
        Terminal t = getTerminal();
        int at = -1;
        TextColor fg = null;
        TextColor bg = null;
        EnumSet<SGR> sgr = EnumSet.noneOf(SGR.class);
        for (int x = 0; x < updates.length; x++) {
            TextCharacter c = updates[x];
            if (c == null) {
                continue;
            }
            if (at != x) {
                t.setCursorPosition(x, row);
            }
            if (fg == null) {
                t.resetColorAndSGR();
            }
            if (!c.getForegroundColor().equals(fg)) {
                fg = c.getForegroundColor();
                t.setForegroundColor(fg);
            }
            if (!c.getBackgroundColor().equals(bg)) {
                bg = c.getBackgroundColor();
                t.setBackgroundColor(bg);
            }
            for (SGR s : SGR.values()) {
                boolean on = c.getModifiers().contains(s);
                if (on && sgr.add(s)) {
                    t.enableSGR(s);
                } else if (!on && sgr.remove(s)) {
                    t.disableSGR(s);
                }
            }
            t.putString(c.getCharacterString());
            at = x + (c.isDoubleWidth() ? 2 : 1);
        }
        t.flush();
    }
}
