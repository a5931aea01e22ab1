package ecstop.ui.terminal;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.TerminalResizeListener;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The terminal with colour off (NO_COLOR, {@code colour = none}): every call but setting a
 * colour goes through. The palette then paints everything in the terminal's default colours,
 * yet Lanterna still says so at every refresh (SGR 39 and 49, "default foreground" and
 * "default background"); no-color.org asks for no colour code at all, and a reset (SGR 0)
 * already leaves the terminal's defaults in place, so nothing is lost by dropping them.
 */
final class ColourlessTerminal implements Terminal {
    private final Terminal terminal;

    ColourlessTerminal(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public void setForegroundColor(TextColor color) {
        // the default is what the terminal shows after any reset; no other colour is painted
    }

    @Override
    public void setBackgroundColor(TextColor color) {
        // as above
    }

    @Override public void enterPrivateMode() throws IOException { terminal.enterPrivateMode(); }
    @Override public void exitPrivateMode() throws IOException { terminal.exitPrivateMode(); }
    @Override public void clearScreen() throws IOException { terminal.clearScreen(); }
    @Override public void setCursorPosition(int x, int y) throws IOException { terminal.setCursorPosition(x, y); }
    @Override public void setCursorPosition(TerminalPosition p) throws IOException { terminal.setCursorPosition(p); }
    @Override public TerminalPosition getCursorPosition() throws IOException { return terminal.getCursorPosition(); }
    @Override public void setCursorVisible(boolean visible) throws IOException { terminal.setCursorVisible(visible); }
    @Override public void putCharacter(char c) throws IOException { terminal.putCharacter(c); }
    @Override public void putString(String s) throws IOException { terminal.putString(s); }
    /** Nothing draws straight on the terminal (everything goes through the screen); this one would paint colour. */
    @Override public TextGraphics newTextGraphics() throws IOException { return terminal.newTextGraphics(); }
    @Override public void enableSGR(SGR sgr) throws IOException { terminal.enableSGR(sgr); }
    @Override public void disableSGR(SGR sgr) throws IOException { terminal.disableSGR(sgr); }
    @Override public void resetColorAndSGR() throws IOException { terminal.resetColorAndSGR(); }
    @Override public void addResizeListener(TerminalResizeListener l) { terminal.addResizeListener(l); }
    @Override public void removeResizeListener(TerminalResizeListener l) { terminal.removeResizeListener(l); }
    @Override public TerminalSize getTerminalSize() throws IOException { return terminal.getTerminalSize(); }
    @Override public byte[] enquireTerminal(int timeout, TimeUnit unit) throws IOException {
        return terminal.enquireTerminal(timeout, unit);
    }
    @Override public void bell() throws IOException { terminal.bell(); }
    @Override public void flush() throws IOException { terminal.flush(); }
    @Override public void close() throws IOException { terminal.close(); }
    @Override public KeyStroke pollInput() throws IOException { return terminal.pollInput(); }
    @Override public KeyStroke readInput() throws IOException { return terminal.readInput(); }
}
