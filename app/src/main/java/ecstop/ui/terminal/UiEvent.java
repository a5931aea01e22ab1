package ecstop.ui.terminal;

import com.googlecode.lanterna.input.KeyStroke;
import ecstop.poll.PollEvent;

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

        T polled(PollEvent event);

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

    record Polled(PollEvent event) implements UiEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.polled(event); }
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
