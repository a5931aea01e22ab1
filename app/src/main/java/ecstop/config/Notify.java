package ecstop.config;

import java.util.Locale;
import java.util.Map;

/**
 * How an alert reaches the desktop besides the terminal bell: OSC 9 (iTerm2, WezTerm, kitty,
 * foot, ghostty), OSC 777 (VTE terminals such as GNOME Terminal, urxvt), or not at all.
 * AUTO picks from the environment and sends nothing to a terminal it does not know, since
 * some (the Linux console) print an unknown OSC as text. Inside tmux the message goes
 * through {@code tmux display-message} instead, which the alert sender decides from $TMUX.
 */
public enum Notify {
    AUTO("auto"), OSC9("osc9"), OSC777("osc777"), OFF("off");

    private final String key;

    Notify(String key) { this.key = key; }

    /** The word used in the config file and the environment. */
    public String key() { return key; }

    /** Resolves AUTO from the environment; other values stay as they are. */
    public Notify resolve(Map<String, String> env) {
        if (this != AUTO) {
            return this;
        }
        if (!env.getOrDefault("TMUX", "").isEmpty()) {
            return OFF;
        }
        String program = env.getOrDefault("TERM_PROGRAM", "");
        String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        if (program.equals("iTerm.app") || program.equals("WezTerm") || program.equals("ghostty")
                || term.equals("xterm-kitty") || term.startsWith("foot")) {
            return OSC9;
        }
        if (!env.getOrDefault("VTE_VERSION", "").isEmpty() || term.startsWith("rxvt-unicode")) {
            return OSC777;
        }
        return OFF;
    }
}
