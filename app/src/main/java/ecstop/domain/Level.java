package ecstop.domain;

/** How hot a value is, for colour. NONE is "no data", drawn dimmed, never as 0%. */
public enum Level {
    NONE, OK, WARN, HOT;

    public static Level of(java.util.OptionalDouble value, Thresholds t) {
        if (value.isEmpty()) {
            return NONE;
        }
        double v = value.getAsDouble();
        return v >= t.hot() ? HOT : v >= t.warn() ? WARN : OK;
    }
}
