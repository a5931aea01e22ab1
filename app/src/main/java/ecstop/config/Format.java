package ecstop.config;

/** What {@code --once} prints: a chart for people, or data for scripts. */
public enum Format {
    TEXT, JSON, CSV
}
