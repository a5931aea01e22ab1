package ecstop.ui;

import java.util.Locale;
import java.util.Map;

/** How many colours the terminal takes, decided from TERM and COLORTERM unless forced. */
public enum ColourMode {
    AUTO, ANSI16, INDEXED256, TRUECOLOR;

    /** Resolves AUTO from the environment; other modes stay as they are. */
    public ColourMode resolve(Map<String, String> env) {
        if (this != AUTO) {
            return this;
        }
        String colorterm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
        if (colorterm.contains("truecolor") || colorterm.contains("24bit")) {
            return TRUECOLOR;
        }
        String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        if (term.contains("256color") || term.contains("direct")) {
            return INDEXED256;
        }
        return ANSI16;
    }
}
