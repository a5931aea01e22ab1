package ecstop.ui.terminal;

import com.googlecode.lanterna.input.KeyStroke;
import ecstop.domain.alert.Alert;
import ecstop.poll.PollEvent;
import ecstop.ui.present.RowsAhead;
import java.util.List;
import java.util.Optional;

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

        T polled(PollEvent event, List<Alert> fired, Optional<RowsAhead> rows);

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

    /**
     * An answer of the poller, with what was made of it where it arrived: the alerts it fired
     * ({@link AlertReader}) and, for a snapshot, the bars' rows sorted ({@link RowsAhead}).
     */
    record Polled(PollEvent event, List<Alert> fired, Optional<RowsAhead> rows) implements UiEvent {
        @Override
        public <T> T handle(Handler<T> h) { return h.polled(event, fired, rows); }
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
