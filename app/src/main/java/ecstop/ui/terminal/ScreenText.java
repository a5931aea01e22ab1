package ecstop.ui.terminal;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;

/** A virtual terminal's visible text, one line per row, trailing blanks cut: what golden files hold. */
public final class ScreenText {
    private ScreenText() {}

    public static String of(VirtualTerminal vt) {
        int cols = vt.getTerminalSize().getColumns();
        int rows = vt.getTerminalSize().getRows();
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cols; c++) {
                TextCharacter ch = vt.getCharacter(c, r);
                line.append(ch == null ? " " : ch.getCharacterString());
                if (ch != null && ch.isDoubleWidth()) {
                    c++;
                }
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            out.append(line, 0, end).append('\n');
        }
        return out.toString();
    }
}
