package ecstop.ui.action;

import ecstop.ui.state.Listing;
import ecstop.ui.state.State;
import java.util.List;
import java.util.Optional;

/**
 * Everything one key does, in one place: the keys, the line the help shows, the step from
 * one State to the next, and what the loop must do besides (fetch, repaint, quit).
 */
public record Action(List<KeyBinding> keys, String help, Step step, Effect effect) {
    public Action {
        keys = List.copyOf(keys);
    }

    /** The pure part: the next State, given the rows on screen for the steps that move through them. */
    @FunctionalInterface
    public interface Step {
        State apply(State s, Listing shown);
    }

    /** A step that takes the character typed (the filter's). */
    @FunctionalInterface
    public interface Typed {
        State apply(State s, char c);
    }

    /** What the loop does after the step. */
    public enum Effect { NONE, REFRESH, REPAINT, QUIT, QUIET }

    /** This action without the keys that type a character, or nothing when it has no other key. */
    Optional<Action> withoutTyping() {
        List<KeyBinding> left = keys.stream().filter(k -> !k.types()).toList();
        return left.isEmpty() ? Optional.empty() : Optional.of(new Action(left, help, step, effect));
    }

    /** "↑ k", as the help writes the keys. */
    public String keysLabel() {
        return String.join(" ", keys.stream().map(KeyBinding::label).toList());
    }

    public static Action of(String help, Step step, KeyBinding... keys) {
        return new Action(List.of(keys), help, step, Effect.NONE);
    }

    public static Action effect(String help, Effect effect, KeyBinding... keys) {
        return new Action(List.of(keys), help, (s, shown) -> s, effect);
    }
}
