package ecstop.ui.terminal;

import com.googlecode.lanterna.input.KeyStroke;
import ecstop.domain.alert.Alert;
import ecstop.poll.PollEvent;
import java.util.List;

/**
 * Everything the UI thread wakes for: a key, a focus report, a poller result (posted like
 * invokeLater), a resize, a stop. Handled through {@link Handler}, one method per event: Java
 * 17 cannot switch over a sealed type's records, and a handler the compiler checks is how a new
 * event fails closed (it does not compile until the loop says what it does), not as a default.
 */
public sealed interface UiEvent {
    /** What the loop does with each kind of event. */
    interface Handler<T> {
        T key(KeyStroke stroke);

        T focus(boolean in);

        T polled(PollEvent event, List<Alert> fired);

        T resized();

        T quit();
    }

    <T> T handle(Handler<T> h);

    record Key(KeyStroke stroke) implements UiEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.key(stroke); }
    }

    /** The terminal says the pane gained ({@code in}) or lost the focus. */
    record Focus(boolean in) implements UiEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.focus(in); }
    }

    /** An answer of the poller, and the alerts it fired, read where it arrived ({@link AlertReader}). */
    record Polled(PollEvent event, List<Alert> fired) implements UiEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.polled(event, fired); }
    }

    /** The terminal changed size; the next draw reads the new one. */
    record Resized() implements UiEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.resized(); }
    }

    /** SIGTERM: leave the loop and restore the terminal. */
    record Quit() implements UiEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.quit(); }
    }
}
