package ecstop.config;

import java.util.Locale;
import java.util.Map;

/**
 * How many colours the TUI may use; AUTO asks the environment (NO_COLOR, COLORTERM, TERM).
 * NONE draws with the terminal's own foreground and background only.
 */
public enum ColourMode {
    AUTO("auto"), C16("16"), C256("256"), TRUECOLOR("truecolor"), NONE("none");

    private final String key;

    ColourMode(String key) { this.key = key; }

    /** The word used in the config file and the environment. */
    public String key() { return key; }

    /**
     * Resolves AUTO from the environment; other modes stay as they are, since no-color.org
     * lets a setting the user made on purpose (config, flag) override NO_COLOR.
     */
    public ColourMode resolve(Map<String, String> env) {
        if (this != AUTO) {
            return this;
        }
        // no-color.org: present and not empty, whatever its value
        if (!env.getOrDefault("NO_COLOR", "").isEmpty()) {
            return NONE;
        }
        String colorterm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
        if (colorterm.contains("truecolor") || colorterm.contains("24bit")) {
            return TRUECOLOR;
        }
        String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        if (term.contains("256color") || term.contains("direct")) {
            return C256;
        }
        return C16;
    }
}
