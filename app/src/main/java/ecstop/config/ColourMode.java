package ecstop.config;

/** How many colours the TUI may use; AUTO asks the terminal (TERM, COLORTERM). */
public enum ColourMode {
    AUTO("auto"), C16("16"), C256("256"), TRUECOLOR("truecolor");

    private final String key;

    ColourMode(String key) { this.key = key; }

    /** The word used in the config file and the environment. */
    public String key() { return key; }
}
