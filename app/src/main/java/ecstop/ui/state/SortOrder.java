package ecstop.ui.state;

/**
 * How the bar panels order their rows. PEAK sorts each panel by its own figure, as the
 * original script did; MEMORY orders both panels by memory so their rows line up; TROUBLE
 * puts the services with the worst signals first, then each panel's own figure.
 */
public enum SortOrder {
    PEAK("peak"), NAME("name"), MEMORY("memory"), TROUBLE("trouble");

    private final String label;

    SortOrder(String label) { this.label = label; }

    public String label() { return label; }

    /** The order a label names ("peak", "name", "memory"), as the remembered view writes it. */
    public static java.util.Optional<SortOrder> byLabel(String label) {
        for (SortOrder o : values()) {
            if (o.label.equals(label)) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }

    public SortOrder next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
