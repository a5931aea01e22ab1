package ecstop.ui.terminal;

import com.googlecode.lanterna.input.KeyStroke;
import ecstop.poll.PollEvent;

/** Everything the UI thread wakes for: a key, a focus report, a poller result (posted like invokeLater), a resize, a stop. */
public sealed interface UiEvent {
    record Key(KeyStroke stroke) implements UiEvent {}

    /** The terminal says the pane gained ({@code in}) or lost the focus. */
    record Focus(boolean in) implements UiEvent {}

    record Polled(PollEvent event) implements UiEvent {}

    /** The terminal changed size; the next draw reads the new one. */
    record Resized() implements UiEvent {}

    /** SIGTERM: leave the loop and restore the terminal. */
    record Quit() implements UiEvent {}
}
