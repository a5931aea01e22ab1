package ecstop.config;

import ecstop.domain.Governor;
import java.util.Objects;

/**
 * The settings of a session left open all day: the governor (slow refresh while nobody
 * looks, idle time, daily budget), whether services crossing their hot threshold notify
 * and how the desktop hears of it, and whether the view is remembered between sessions.
 */
public record AllDay(Governor governor, boolean alerts, Notify desktop, boolean remember) {
    public static final AllDay DEFAULTS = new AllDay(Governor.DEFAULT, true, Notify.AUTO, true);

    public AllDay {
        Objects.requireNonNull(governor, "governor");
        Objects.requireNonNull(desktop, "desktop");
    }
}
