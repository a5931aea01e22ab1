package ecstop.ui.terminal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lanterna's Unix terminal, sized by the tty (stty size: the kernel's window size, the one a
 * SIGWINCH announces) rather than by moving the cursor to 5000,5000 and reading the position
 * report back. During a burst of resizes a report can answer an older question, and the
 * screen then stays laid out for a size the pane no longer has until the next resize. Falls
 * back on the report when stty cannot say. Leaving the alternate screen waits for a frame in
 * progress ({@link FrameGate}).
 */
final class TtySizedTerminal extends UnixTerminal {
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+)\\s+(\\d+)\\s*");

    private final FrameGate frames = new FrameGate();

    TtySizedTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        // Ctrl-C arrives as a key and quits through the same path as q
        super(in, out, charset, CtrlCBehaviour.TRAP);
    }

    /** The gate the frames drawn on this terminal pass: closed when it leaves the alternate screen. */
    FrameGate frames() {
        return frames;
    }

    /** Whoever leaves the screen (Lanterna's shutdown hook too) waits for a frame in progress, and no frame follows. */
    @Override
    public void exitPrivateMode() throws IOException {
        synchronized (frames) {
            frames.close();
            super.exitPrivateMode();
        }
    }

    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        Optional<TerminalSize> fromTty;
        try {
            fromTty = parse(runSTTYCommand("size"));
        } catch (IOException | RuntimeException e) {
            fromTty = Optional.empty();
        }
        return fromTty.isPresent() ? fromTty.get() : super.findTerminalSize();
    }

    /** "40 120" (rows, then columns, as stty prints them); empty for anything else, or a zero size. */
    static Optional<TerminalSize> parse(String sttySize) {
        Matcher m = SIZE.matcher(sttySize == null ? "" : sttySize);
        if (!m.matches()) {
            return Optional.empty();
        }
        int rows = Integer.parseInt(m.group(1));
        int columns = Integer.parseInt(m.group(2));
        return rows > 0 && columns > 0 ? Optional.of(new TerminalSize(columns, rows)) : Optional.empty();
    }
}
