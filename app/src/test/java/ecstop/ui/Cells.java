package ecstop.ui;

import ecstop.ui.terminal.ScreenText;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;

/** Finds text on a virtual terminal and reads the cell under it. */
final class Cells {
    private Cells() {}

    /** The cell where {@code text} first starts on a row that also contains {@code rowMarker}. */
    static TextCharacter at(VirtualTerminal vt, String rowMarker, String text) {
        String[] lines = ScreenText.of(vt).split("\n", -1);
        for (int r = 0; r < lines.length; r++) {
            if (lines[r].contains(rowMarker) && lines[r].contains(text)) {
                return vt.getCharacter(lines[r].indexOf(text), r);
            }
        }
        throw new AssertionError("no row with " + rowMarker + " and " + text + " in\n" + ScreenText.of(vt));
    }
}
