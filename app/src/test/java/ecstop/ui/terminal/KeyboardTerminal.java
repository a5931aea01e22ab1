package ecstop.ui.terminal;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * DefaultVirtualTerminal.readInput() blocks while holding the terminal's monitor, which
 * every drawing call needs too; a real UnixTerminal reads under a separate lock. This one
 * reads like the real terminal, from a queue the test fills, so the input thread can block
 * while the UI thread draws.
 */
public class KeyboardTerminal extends DefaultVirtualTerminal {
    private final BlockingQueue<KeyStroke> keys = new LinkedBlockingQueue<>();

    public KeyboardTerminal(TerminalSize size) {
        super(size);
    }

    @Override
    public void addInput(KeyStroke k) {
        keys.add(k);
    }

    @Override
    public KeyStroke readInput() {
        try {
            return keys.take();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public KeyStroke pollInput() {
        return keys.poll();
    }
}
