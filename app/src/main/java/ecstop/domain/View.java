package ecstop.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the panels beside the picker show, and what {@code --once --view} prints: the CPU and
 * memory bars (usage), or the right-sizing table; and, printed by {@code --once} only, one
 * service's timeline (its chart and markers) or the running tasks of a cluster or service.
 */
public enum View {
    USAGE, RIGHTSIZE, TIMELINE, TASKS;

    /** The timeline is of one service: {@code --once} needs {@code --cluster} and {@code --service} for it. */
    public boolean ofOneService() {
        return this == TIMELINE;
    }

    /** Views that take {@code --service}. */
    public boolean takesService() {
        return this == TIMELINE || this == TASKS;
    }

    /** How the command line names it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<View> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.key().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(View::key).collect(Collectors.joining(", "));
    }
}
