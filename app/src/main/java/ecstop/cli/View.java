package ecstop.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What {@code --once} prints: the usage charts, or the right-sizing table. */
enum View {
    USAGE, RIGHTSIZE;

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<View> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.key().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(View::key).collect(Collectors.joining(", "));
    }
}
