package ecstop.poll;

import ecstop.domain.Pace;
import ecstop.domain.Governor;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether anyone is looking: the terminal's last focus report (empty until it sends one;
 * many never do) and the last key or focus-in. Away means unfocused, or no key for the
 * governor's {@code idleAfter}: a focused pane on a locked screen is not being read either.
 */
public record Attention(Optional<Boolean> focused, Instant lastInput, long keys) {
    public Attention {
        Objects.requireNonNull(focused, "focused");
        Objects.requireNonNull(lastInput, "lastInput");
    }

    public static Attention since(Instant start) {
        return new Attention(Optional.empty(), start, 0);
    }

    /** A focus report: focus-in counts as input (someone came back), focus-out does not. */
    public Attention focus(boolean in, Instant at) {
        return new Attention(Optional.of(in), in ? at : lastInput, keys);
    }

    /** A key: someone is here, and a pane that takes keys has the focus, whatever was reported before. */
    public Attention key(Instant at) {
        return new Attention(focused.map(f -> true), at, keys + 1);
    }

    public boolean away(Instant now, Governor g) {
        return looking(now, g) != Pace.Looking.HERE;
    }

    public Pace.Looking looking(Instant now, Governor g) {
        if (focused.isPresent() && !focused.get()) {
            return Pace.Looking.UNFOCUSED;
        }
        boolean idle = !g.idleAfter().isZero() && Duration.between(lastInput, now).compareTo(g.idleAfter()) >= 0;
        return idle ? Pace.Looking.IDLE : Pace.Looking.HERE;
    }

    /** The terminal has said where the focus is at least once, so "away" can mean "unfocused". */
    public boolean focusReported() { return focused.isPresent(); }
}
