package ecstop.domain.signal;

/** How much a signal matters now, for colour and sorting: INFO has passed or is expected, CRIT needs someone. */
public enum Severity {
    INFO, WARN, CRIT;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
